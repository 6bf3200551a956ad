'use client';
// The wizard's step forms (the frame, and where values come from, is StepForm).
import { useState } from 'react';
import { ChoiceList } from '@/app/_components/choice-list';
import { Field } from '@/app/_components/field';
import { FileChooser } from '@/app/_components/upload-field';
import type { CategoryGroup } from '@/lib/applications/category-groups';
import { MAX_FORM_UPLOAD_BYTES, MAX_UPLOAD_BYTES, notUploadedMessage, tooLargeMessage } from '@/lib/uploads/rules';
import type { StepValues } from '@/lib/validation/apply';
import { ASSISTANCE_PAID_FIELD, EPISODE_KINDS, HOSPITAL_LEVELS, LOCATIONS, MONEY_FIELDS } from '@/lib/validation/episode-form';
import type { StepState } from './actions';
import { DocumentList } from './document-list';
import { StepForm } from './step-form';

const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
] as const;

type Action = (prev: StepState, formData: FormData) => Promise<StepState>;
type Props = { action: Action; saved?: StepValues };

/** `idOnRecord`: the applicant's 身份证号 as on record, masked; shown, never posted (the server uses the record's). */
export function ApplicantForm({ action, saved, idOnRecord, recordHint = '已按您的登记信息填写，这里不能修改。如需更正，请到窗口办理。' }: Props & { idOnRecord?: string; recordHint?: string }) {
  return (
    <StepForm
      action={action}
      saved={saved}
      render={({ s, e }) => {
        return (
          <>
            <Field name="name" label="申请人姓名" hint="与身份证上一致" autoComplete="name" defaultValue={s('name')} error={e.name} />
            {idOnRecord ? (
              <div className="mb-5" data-testid="id-on-record">
                <p id="f-idNumber-label" className="font-semibold mb-1">申请人身份证号</p>
                <p id="f-idNumber-hint" className="text-sm text-muted mb-1">{recordHint}</p>
                {e.idNumber ? (
                  <p id="f-idNumber-error" className="text-bad font-semibold mb-1">
                    <span className="sr-only">错误：</span>
                    {e.idNumber}
                  </p>
                ) : null}
                <p id="f-idNumber" className="input bg-gray-50 tracking-wider">
                  {idOnRecord}
                </p>
              </div>
            ) : (
              <Field name="idNumber" label="申请人身份证号" hint="18 位，最后一位可能是 X" autoComplete="off" maxLength={22} defaultValue={s('idNumber')} error={e.idNumber} />
            )}
            <Field name="phone" label="联系电话" hint="用于接收办理进度短信" type="tel" inputMode="numeric" autoComplete="tel" defaultValue={s('phone')} error={e.phone} />
            <ChoiceList name="hukouLocal" legend="申请人的户口在本地吗？" options={YES_NO} defaultValue={s('hukouLocal')} error={e.hukouLocal} />
            <ChoiceList name="insuredLocal" legend="申请人在本地参加基本医疗保险吗？" hint="职工医保或城乡居民医保" options={YES_NO} defaultValue={s('insuredLocal')} error={e.insuredLocal} />
          </>
        );
      }}
    />
  );
}

type Doc = { id: string; originalName: string; mime: string; sizeBytes: number };

/**
 * 救助身份: the categories first, in folded groups; once one is chosen (saved, or ticked with JavaScript) the
 * certificate of those categories is asked for by name, in the same form, so 保存并继续 posts a chosen photo
 * with the answers (multipart) and nothing chosen is dropped. The counter passes no `certificate` (it scans).
 */
export function IdentityForm({ action, saved, groups, certificate }: Props & { groups: CategoryGroup[]; certificate?: { draftId: string; documents: Doc[] } }) {
  const [ticked, setTicked] = useState<string[] | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const onChange = (ev: React.FormEvent<HTMLDivElement>) => {
    const now = new FormData(ev.currentTarget.closest('form')!).getAll('categories').map(String);
    setTicked(now);
    if (now.length) setRevealed(true);
  };
  // A file the server would refuse for its size is named here before it is sent (the post itself has a limit).
  const onSubmit = (ev: React.FormEvent<HTMLFormElement>) => {
    const files = Array.from(ev.currentTarget.querySelectorAll<HTMLInputElement>('input[type=file]')).flatMap((i) => Array.from(i.files ?? []));
    const big = files.find((f) => f.size > MAX_UPLOAD_BYTES);
    const total = files.reduce((n, f) => n + f.size, 0);
    const problem = big
      ? notUploadedMessage(big.name, tooLargeMessage(big.name))
      : total > MAX_FORM_UPLOAD_BYTES
        ? notUploadedMessage(files.map((f) => f.name).join('、'), '这几个文件合起来太大，请一个一个选，每选一个按一次“上传”。')
        : null;
    setTooLarge(problem);
    if (problem) ev.preventDefault();
  };
  const options = groups.flatMap((g) => g.options);
  return (
    <StepForm
      action={action}
      saved={saved}
      onSubmit={certificate ? onSubmit : undefined}
      render={({ s, l, e, done }) => {
        const chosen = ticked ?? l('categories');
        const names = [...new Set(options.filter((o) => chosen.includes(o.code)).map((o) => o.certificate))].join('、');
        const asked = certificate && (revealed || l('categories').length > 0);
        const nothingChosen = l('categories').length === 0;
        return (
          <>
            <div onChange={onChange}>
              <ChoiceList
                name="categories"
                type="checkbox"
                legend="申请人已经取得哪些救助身份？"
                hint="可以多选。有多个身份时，按最有利的一个计算，不会重复享受。点分组名称可以展开。"
                options={[]}
                groups={groups.map((g, i) => ({ title: g.title, options: g.options.map((c) => ({ value: c.code, label: c.nameZh, hint: c.explanationZh })), open: i === 0 && nothingChosen }))}
                defaultValue={l('categories')}
                error={e.categories}
              />
            </div>
            {certificate && !asked ? <p className="mb-5 text-muted">选好身份并保存后，这一页会请您上传对应的证件照片。</p> : null}
            {asked ? (
              <section id="certificate" aria-labelledby="certificate-title" className="mb-6 space-y-3 border-t border-gray-200 pt-4">
                <input type="hidden" name="certificateAsked" value="1" />
                <h2 id="certificate-title" className="text-lg font-bold">
                  上传证件{names ? `：${names}` : '照片'}
                </h2>
                <p>请拍下{names || '证件'}的照片（有几页拍几张）上传。暂时没有证件的，可以先不传，经办人员会核对。</p>
                <FileChooser id="f-file" error={tooLarge ?? e.file} pending="还没有上传，按“保存并继续”时会一起上传" />
                {done ? (
                  <p role="status" className="text-ok font-semibold">
                    {done}
                  </p>
                ) : null}
                <button type="submit" name="intent" value="upload" formNoValidate className="btn btn-secondary">
                  上传
                </button>
                <DocumentList draftId={certificate.draftId} documents={certificate.documents} inStepForm />
                <Field name="certificateNo" label="证件编号（选填）" hint={`${names || '证件'}上的编号`} defaultValue={s('certificateNo')} error={e.certificateNo} />
              </section>
            ) : null}
            {certificate ? null : <Field name="certificateNo" label="证件编号（选填）" hint="低保证、特困证等证件上的编号" defaultValue={s('certificateNo')} error={e.certificateNo} />}
          </>
        );
      }}
    />
  );
}

export function EpisodeForm({ action, saved, showSpecialDisease, initialErrors }: Props & { showSpecialDisease: boolean; initialErrors?: Record<string, string> }) {
  return (
    <StepForm
      action={action}
      initial={initialErrors ? { ok: false, message: '有几处需要修改，已先为您保存。', fieldErrors: initialErrors } : undefined}
      saveLabel="保存这次就医"
      saved={saved}
      render={({ s, e }) => {
        return (
          <>
            <Field name="hospitalName" label="医院名称" defaultValue={s('hospitalName')} error={e.hospitalName} />
            <Field name="settlementNo" label="结算单号（选填）" hint="结算单上的“结算单号”或“结算流水号”，用来核对这次就医是否已经办理过" autoComplete="off" defaultValue={s('settlementNo')} error={e.settlementNo} />
            <ChoiceList name="kind" legend="就医类型" options={EPISODE_KINDS} defaultValue={s('kind')} error={e.kind} />
            <Field name="date" label="入院日期或就诊日期" hint="例如 2024-03-02" type="date" defaultValue={s('date')} error={e.date} />
            <Field name="endDate" label="出院日期（住院才填）" hint="例如 2024-03-10" type="date" defaultValue={s('endDate')} error={e.endDate} />
            <ChoiceList name="hospitalLevel" legend="医院等级" hint="结算单或医院门口的牌子上有写" options={HOSPITAL_LEVELS} defaultValue={s('hospitalLevel')} error={e.hospitalLevel} />
            <ChoiceList name="location" legend="在哪里看的病" options={LOCATIONS} defaultValue={s('location')} error={e.location} />
            <ChoiceList name="referred" legend="是否按规定办理了转诊（或在本地定点医院就医）？" options={YES_NO} defaultValue={s('referred')} error={e.referred} />
            <ChoiceList name="offsiteFiled" legend="在外地看病时，是否办理了异地就医备案？" hint="在本地看病选“否”" options={YES_NO} defaultValue={s('offsiteFiled')} error={e.offsiteFiled} />
            {showSpecialDisease ? (
              <ChoiceList name="specialDisease" legend="是否属于医保认定的特殊疾病？" options={YES_NO} defaultValue={s('specialDisease')} error={e.specialDisease} />
            ) : null}
            <p className="font-semibold mb-2">结算单上的金额（元，可以带两位小数）</p>
            {MONEY_FIELDS.map((f) => (
              <Field key={f.name} name={f.name} label={f.label} hint={f.hint} inputMode="decimal" defaultValue={s(f.name)} error={e[f.name]} />
            ))}
            <Field name={ASSISTANCE_PAID_FIELD.name} label={ASSISTANCE_PAID_FIELD.label} hint={ASSISTANCE_PAID_FIELD.hint} inputMode="decimal" defaultValue={s(ASSISTANCE_PAID_FIELD.name)} error={e[ASSISTANCE_PAID_FIELD.name]} />
          </>
        );
      }}
    />
  );
}

export function BankForm({ action, saved, applicantName }: Props & { applicantName: string | null }) {
  return (
    <StepForm
      action={action}
      saved={saved}
      render={({ s, e }) => {
        return (
          <>
            <p className="mb-4">救助金只能发到申请人本人的银行账户。</p>
            <Field name="bankName" label="开户银行" hint="例如：中国工商银行无锡分行" defaultValue={s('bankName')} error={e.bankName} />
            <Field name="accountName" label="户名" hint={applicantName ? `应为申请人本人：${applicantName}` : '应为申请人本人'} defaultValue={s('accountName') || applicantName || ''} error={e.accountName} />
            <Field name="account" label="银行卡号或存折账号" inputMode="numeric" autoComplete="off" defaultValue={s('account')} error={e.account} />
          </>
        );
      }}
    />
  );
}

export function DeclarationForm({ action, saved }: Props) {
  return (
    <StepForm
      action={action}
      saved={saved}
      render={({ s, e }) => {
        const box = (name: string, title: string, text: string) => (
          <div className="mb-5" id={`f-${name}`}>
            {e[name] ? <p className="text-bad font-semibold mb-1" id={`f-${name}-error`}>{e[name]}</p> : null}
            <label className="choice items-start">
              <input type="checkbox" name={name} value="yes" defaultChecked={s(name) === 'yes'} aria-describedby={e[name] ? `f-${name}-error` : undefined} className="mt-1" />
              <span>
                <span className="font-semibold block">{title}</span>
                {text}
              </span>
            </label>
          </div>
        );
        return (
          <>
            {box('truthful', '诚信承诺', '我承诺所填信息和上传的材料真实、完整。如有隐瞒或虚报，愿意退回救助金并承担相应责任。')}
            {box('consentVerify', '同意核对经济状况', '我同意民政、医保等部门依法核对我和共同生活家庭成员的收入、财产等经济状况，仅用于审核本次救助。')}
            {box('consentHealth', '单独同意使用就医信息', '就医记录属于敏感个人信息。我单独同意医保部门调取并使用本次申请涉及的就医和结算信息，仅用于计算和审核救助金额。')}
          </>
        );
      }}
      saveLabel="确认并继续"
    />
  );
}
