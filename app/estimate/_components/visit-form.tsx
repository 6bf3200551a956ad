'use client';
// One visit or stay, typed from its 结算单. Checked by parseEpisodeForm on the server (the same rules as /apply);
// a refused submit shows each message at its field and keeps everything typed.
import { useActionState, type ReactNode } from 'react';
import { ChoiceList } from '@/app/_components/choice-list';
import { ErrorSummary, Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import { EPISODE_KINDS, HOSPITAL_LEVELS, LOCATIONS, MONEY_FIELDS, type EpisodeFormValues } from '@/lib/validation/episode-form';
import { saveVisit, type FormState } from '../actions';
import { SLIP_MARKS } from './slip-diagram';

const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];

export function VisitForm(props: {
  slot: string;
  title: ReactNode;
  saved: EpisodeFormValues;
  today: string;
  /** 上海 (000): out-of-city care counts only with 异地就医备案 / 就医关系转移. */
  askOffsite: boolean;
  /** 沙坪坝 (004 二(三)1): special diseases have their own pool. */
  askSpecialDisease: boolean;
  slip: ReactNode;
  terms: Partial<Record<'kind' | 'level' | 'referral' | 'offsite' | 'special' | 'money', ReactNode>>;
}) {
  const [state, action] = useActionState(saveVisit, {} as FormState);
  const v = (state.values ?? props.saved) as Record<string, string | undefined>;
  const e = state.fieldErrors ?? {};
  const s = (k: string) => v[k] ?? '';
  return (
    <form action={action} noValidate className="space-y-2">
      <input type="hidden" name="slot" value={props.slot} />
      {props.title}
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} />
      <ChoiceList name="kind" legend="这次是住院还是门诊？" options={EPISODE_KINDS} defaultValue={s('kind')} error={e.kind}>
        {props.terms.kind}
      </ChoiceList>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="date" label="入院日期（门诊填看病日期）" hint="结算单上有写" type="date" max={props.today} defaultValue={s('date')} error={e.date} />
        <Field name="endDate" label="出院日期（住院才填）" hint="结算单上有写" type="date" max={props.today} defaultValue={s('endDate')} error={e.endDate} />
      </div>
      <ChoiceList name="hospitalLevel" legend="医院等级" hint="医院门口的牌子或结算单上有写" options={HOSPITAL_LEVELS} defaultValue={s('hospitalLevel')} error={e.hospitalLevel}>
        {props.terms.level}
      </ChoiceList>
      <ChoiceList name="location" legend="在哪里看的病？" options={LOCATIONS} defaultValue={s('location')} error={e.location} />
      <ChoiceList
        name="referred"
        legend="是否按规定办理了转诊（或在本地定点医院就医）？"
        hint="在本地医保定点医院看病，选“是”。去外地或上级医院看病，开了转诊单才选“是”。"
        options={YES_NO}
        defaultValue={s('referred')}
        error={e.referred}
      >
        {props.terms.referral}
      </ChoiceList>
      {props.askOffsite ? (
        <ChoiceList name="offsiteFiled" legend="在外地看病时，是否办理了异地就医备案？" hint="在本地看病选“否”。" options={YES_NO} defaultValue={s('offsiteFiled') || 'no'} error={e.offsiteFiled}>
          {props.terms.offsite}
        </ChoiceList>
      ) : null}
      {props.askSpecialDisease ? (
        <ChoiceList name="specialDisease" legend="是否属于医保认定的特殊疾病？" options={YES_NO} defaultValue={s('specialDisease') || 'no'} error={e.specialDisease}>
          {props.terms.special}
        </ChoiceList>
      ) : null}

      <fieldset className="pt-2">
        <legend className="text-xl font-bold mb-1">结算单上的金额</legend>
        <p className="text-muted">按结算单填，单位是元，可以带两位小数（角、分）。没有的项目空着。</p>
        {props.slip}
        {props.terms.money}
        {MONEY_FIELDS.map((f, i) => (
          <Field
            key={f.name}
            name={f.name}
            label={`${SLIP_MARKS[i]} ${f.label}`}
            hint={f.hint}
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
            defaultValue={s(f.name)}
            error={e[f.name]}
          />
        ))}
      </fieldset>
      <SubmitButton pendingText="正在保存…">保存这次就医</SubmitButton>
    </form>
  );
}
