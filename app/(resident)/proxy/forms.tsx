'use client';
// The /proxy forms: they keep what was typed and show each error beside its field.
import { useActionState } from 'react';
import { ErrorSummary, Field } from '@/app/_components/field';
import { ChoiceList } from '@/app/_components/choice-list';
import { SubmitButton } from '@/app/_components/submit-button';
import type { ActionState } from '@/lib/http/action';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
const SCOPES = [
  { value: 'apply', label: '提交申请', hint: '为您填写、提交医疗救助申请' },
  { value: 'view', label: '查看进度', hint: '查看申请的办理进度和结果' },
  { value: 'respond', label: '回复补正', hint: '工作人员要求补充材料时，代为补充' },
  { value: 'notify', label: '接收通知', hint: '办理进度的消息也发给代办人' },
] as const;

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

function ScopeChoice({ error, chosen }: { error?: string; chosen: string[] }) {
  return (
    <fieldset className="mb-5" aria-describedby={error ? 'f-scope-error' : 'f-scope-hint'}>
      <legend className="font-semibold mb-1" id="f-scope">可以代办哪些事（可多选）</legend>
      <p id="f-scope-hint" className="text-sm text-muted mb-1">修改收款银行账户不在其中：只能由申请人本人或到窗口办理。</p>
      {error ? <p id="f-scope-error" className="text-bad font-semibold mb-1"><span className="sr-only">错误：</span>{error}</p> : null}
      <div className="space-y-2">
        {SCOPES.map((s) => (
          <label key={s.value} className="choice">
            <input type="checkbox" name="scope" value={s.value} defaultChecked={chosen.includes(s.value)} />
            <span>
              {s.label}
              <span className="block text-sm text-muted">{s.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

// 监护人 is not offered: a guardian is recorded at the counter with the guardianship proof.
const RELATIONSHIPS = [
  { value: 'family', label: '家属', hint: '配偶、子女、父母或其他亲属' },
  { value: 'community_worker', label: '基层工作人员', hint: '社区、村委会、街道（乡镇）的工作人员；经办部门核实身份后显示“已核实”' },
  { value: 'other', label: '其他', hint: '朋友、邻居等' },
] as const;

function RelationshipChoice({ legend, error, chosen }: { legend: string; error?: string; chosen: string }) {
  return <ChoiceList name="relationship" legend={legend} hint="为无法自己表示同意的人办理的监护人，请带监护证明到窗口登记。" error={error} options={RELATIONSHIPS} defaultValue={chosen} className="mb-5" />;
}

function Dates({ values, errors, today, defaultTo }: { values?: ActionState['values']; errors?: Record<string, string>; today: string; defaultTo: string }) {
  return (
    <div className="grid gap-x-4 sm:grid-cols-2">
      <Field name="validFrom" label="从哪天开始" hint="今天或以后的日期。" type="date" defaultValue={str(values?.validFrom) || today} min={today} error={errors?.validFrom} />
      <Field name="validTo" label="到哪天结束" hint="默认一年，可以改短或改长（最长 5 年）。" type="date" defaultValue={str(values?.validTo) || defaultTo} required error={errors?.validTo} />
    </div>
  );
}

export function InviteForm({ action, today, defaultTo, applications }: { action: Action; today: string; defaultTo: string; applications: { id: string; label: string }[] }) {
  const [state, formAction] = useActionState(action, { ok: true } as ActionState);
  const v = state.values;
  const which = str(v?.which) || 'all';
  return (
    <form action={formAction} noValidate>
      <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={state.fieldErrors} />
      <Field name="phone" label="代办人的手机号" hint="代办人用这个手机号登录后，需要填写您身份证号码的最后 4 位来确认。" inputMode="numeric" autoComplete="off" defaultValue={str(v?.phone)} error={state.fieldErrors?.phone} />
      <RelationshipChoice legend="代办人是您的什么人" error={state.fieldErrors?.relationship} chosen={str(v?.relationship)} />
      <ScopeChoice error={state.fieldErrors?.scope} chosen={v ? list(v.scope) : ['apply', 'view', 'respond', 'notify']} />
      <Dates values={v} errors={state.fieldErrors} today={today} defaultTo={defaultTo} />
      <fieldset className="mb-5">
        <legend className="font-semibold mb-1" id="f-applicationId">适用于</legend>
        {state.fieldErrors?.applicationId ? <p className="text-bad font-semibold mb-1">{state.fieldErrors.applicationId}</p> : null}
        <div className="space-y-2">
          <label className="choice">
            <input type="radio" name="which" value="all" defaultChecked={which === 'all'} />
            <span>我的全部申请（包括以后的新申请）</span>
          </label>
          {applications.map((a) => (
            <label key={a.id} className="choice">
              <input type="radio" name="which" value={a.id} defaultChecked={which === a.id} />
              <span>只限这一份：{a.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton pendingText="正在发送邀请…">发送邀请</SubmitButton>
    </form>
  );
}

export function AcceptForm({ action, id }: { action: Action; id: string }) {
  const [state, formAction] = useActionState(action, { ok: true } as ActionState);
  const error = state.fieldErrors?.answer ?? (state.ok ? undefined : state.message);
  return (
    <form action={formAction} noValidate className="space-y-2">
      <Field
        id={`f-answer-${id}`}
        name="answer"
        label="委托人身份证号码的最后 4 位"
        hint="请向委托人本人核对。连续填错 3 次，这份邀请会被锁定。"
        inputMode="text"
        autoComplete="off"
        maxLength={4}
        defaultValue={str(state.values?.answer)}
        error={error}
        className="mb-2"
      />
      <SubmitButton pendingText="正在确认…">确认并接受委托</SubmitButton>
    </form>
  );
}

export function RequestForm({ action, today, defaultTo, regions }: { action: Action; today: string; defaultTo: string; regions: readonly { code: string; label: string }[] }) {
  const [state, formAction] = useActionState(action, { ok: true } as ActionState);
  const v = state.values;
  const e = state.fieldErrors;
  const upload = (name: string, label: string, hint: string) => (
    <div className="mb-5">
      <label htmlFor={`f-${name}`} className="block font-semibold mb-1">{label}</label>
      <p id={`f-${name}-hint`} className="text-sm text-muted mb-1">{hint}</p>
      {e?.[name] ? <p id={`f-${name}-error`} className="text-bad font-semibold mb-1"><span className="sr-only">错误：</span>{e[name]}</p> : null}
      <input id={`f-${name}`} name={name} type="file" accept="image/jpeg,image/png,application/pdf" className="input" aria-describedby={`f-${name}-hint${e?.[name] ? ` f-${name}-error` : ''}`} />
    </div>
  );
  return (
    <form action={formAction} noValidate encType="multipart/form-data">
      <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={e} />
      <Field name="name" label="委托人（申请人）姓名" hint="与身份证上的一致。" autoComplete="off" defaultValue={str(v?.name)} error={e?.name} />
      <Field name="idNumber" label="委托人身份证号码" autoComplete="off" defaultValue={str(v?.idNumber)} error={e?.idNumber} />
      <div className="mb-5">
        <label htmlFor="f-region" className="block font-semibold mb-1">委托人的医保参保地</label>
        {e?.region ? <p className="text-bad font-semibold mb-1">{e.region}</p> : null}
        <select id="f-region" name="region" className="input" defaultValue={str(v?.region) || 'wuxi'}>
          {regions.map((r) => <option key={r.code} value={r.code}>{r.label}</option>)}
        </select>
      </div>
      <RelationshipChoice legend="您是委托人的什么人" error={e?.relationship} chosen={str(v?.relationship)} />
      <ScopeChoice error={e?.scope} chosen={v ? list(v.scope) : ['apply', 'view', 'respond', 'notify']} />
      <Dates values={v} errors={e} today={today} defaultTo={defaultTo} />
      {upload('letter', '签好字的委托书', '委托人本人签字或按手印后，拍照或扫描上传（JPG、PNG 或 PDF，10 MB 以内）。')}
      {upload('grantorId', '委托人的身份证照片', '人像面即可，要能看清姓名和号码。')}
      {upload('proxyId', '您（受托人）的身份证照片', '人像面即可。')}
      <SubmitButton pendingText="正在上传…">提交给窗口核验</SubmitButton>
    </form>
  );
}
