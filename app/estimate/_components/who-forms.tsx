'use client';
// The two "who" screens of /estimate: the region, then the certificates held (and, for the returnees' mutual-aid
// plan, their insurance in the other province).
import { useActionState } from 'react';
import { ChoiceList } from '@/app/_components/choice-list';
import { ErrorSummary, Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import type { OptionView } from '@/lib/check/views';
import { toChoiceOption } from '@/app/check/_components/options';
import { setEstimateRegion, setEstimateWho, type FormState } from '../actions';

const caption = (text: string) => <span className="block text-base font-normal text-muted mb-1">{text}</span>;

export function RegionForm({ title, hint, options, value }: { title: string; hint?: string; options: OptionView[]; value: string }) {
  const [state, action] = useActionState(setEstimateRegion, {} as FormState);
  return (
    <form action={action} noValidate className="space-y-4">
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} />
      <ChoiceList
        name="region"
        legend={<>{caption('能报多少')}{title}</>}
        legendAs="h1"
        hint={hint}
        options={options.map(toChoiceOption)}
        defaultValue={value}
        error={state.fieldErrors?.region}
      />
      <SubmitButton pendingText="正在保存…">继续</SubmitButton>
    </form>
  );
}

export function WhoForm(props: {
  caption: string;
  title: string;
  hint?: string;
  options: OptionView[];
  none: OptionView;
  cards: string[];
  mutualAid: boolean;
  insuredElsewhere: string;
  homeDeductibleYuan: string;
}) {
  const [state, action] = useActionState(setEstimateWho, {} as FormState);
  const v = state.values;
  const e = state.fieldErrors ?? {};
  const str = (k: string, fallback: string) => (typeof v?.[k] === 'string' ? (v[k] as string) : fallback);
  return (
    <form action={action} noValidate className="space-y-4">
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} />
      <ChoiceList
        name="cards"
        type="checkbox"
        legend={<>{caption(props.caption)}{props.title}</>}
        legendAs="h1"
        hint={props.hint}
        options={props.options.map(toChoiceOption)}
        exclusive={toChoiceOption(props.none)}
        defaultValue={Array.isArray(v?.cards) ? v.cards : props.cards}
        error={e.cards}
      />
      {props.mutualAid ? (
        <>
          <ChoiceList
            name="insuredElsewhere"
            legend="您在外省市有职工基本医疗保险吗？"
            hint="退休时所在省市的职工医保，或原单位负责的医疗保障，都算。住院补助的算法不一样。"
            options={[
              { value: 'yes', label: '有' },
              { value: 'no', label: '没有' },
            ]}
            defaultValue={str('insuredElsewhere', props.insuredElsewhere)}
            error={e.insuredElsewhere}
          />
          <Field
            name="homeDeductibleYuan"
            label="外省市职工医保的住院起付标准（元，选填）"
            hint="有职工医保的才填。不知道可以空着，结果会给出一个范围。"
            inputMode="decimal"
            autoComplete="off"
            maxLength={20}
            defaultValue={str('homeDeductibleYuan', props.homeDeductibleYuan)}
            error={e.homeDeductibleYuan}
          />
        </>
      ) : null}
      <SubmitButton pendingText="正在保存…">继续</SubmitButton>
    </form>
  );
}
