'use client';
import { useActionState } from 'react';
import { ErrorSummary, Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import type { ActionState } from '@/lib/http/action';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export function StartForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, { ok: true } as ActionState);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={e} />
      <Field name="name" label="申请人姓名（对照身份证）" autoComplete="off" defaultValue={str(v?.name)} error={e?.name} />
      <Field name="idNumber" label="身份证号码（对照身份证）" autoComplete="off" defaultValue={str(v?.idNumber)} error={e?.idNumber} />
      <Field name="phone" label="手机号码（没有手机请留空）" hint="留了手机号，提交后会把申请编号发短信给他。" inputMode="numeric" autoComplete="off" defaultValue={str(v?.phone)} error={e?.phone} />
      {e?.checked ? <p id="f-checked-error" className="text-bad font-semibold mb-1">{e.checked}</p> : null}
      <label className="choice mb-4">
        <input id="f-checked" type="checkbox" name="checked" value="yes" />
        <span>我已当面核对申请人的身份证原件，人证一致</span>
      </label>
      <SubmitButton pendingText="正在开始…">开始代录</SubmitButton>
    </form>
  );
}

export function UploadForm({ action, kinds }: { action: Action; kinds: Record<string, string> }) {
  const [state, formAction] = useActionState(action, { ok: true } as ActionState);
  return (
    <form action={formAction} noValidate encType="multipart/form-data" className="space-y-3">
      {state.ok && state.message ? <p role="status" className="text-ok font-semibold">{state.message}</p> : null}
      {!state.ok ? <p role="alert" className="text-bad font-semibold">{state.message}</p> : null}
      <div>
        <label htmlFor="f-kind" className="block font-semibold mb-1">材料类型</label>
        <select id="f-kind" name="kind" className="input" defaultValue="pledge">
          {Object.entries(kinds).map(([k, t]) => <option key={k} value={k}>{t}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="f-file" className="block font-semibold mb-1">扫描件（JPG、PNG 或 PDF）</label>
        <input id="f-file" name="file" type="file" multiple accept="image/jpeg,image/png,application/pdf" className="input" />
      </div>
      <SubmitButton className="btn btn-secondary" pendingText="正在上传…">上传扫描件</SubmitButton>
    </form>
  );
}

export function SubmitForm({ action, ready }: { action: Action; ready: boolean }) {
  const [state, formAction] = useActionState(action, { ok: true } as ActionState);
  return (
    <form action={formAction} className="space-y-3">
      <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={state.fieldErrors} />
      {ready ? <SubmitButton pendingText="正在提交…">提交申请并打印回执</SubmitButton> : <p className="text-muted">上面各项完成并上传签字的承诺书扫描件后，就可以提交。</p>}
    </form>
  );
}

export function GuardianForm({ action, defaultTo }: { action: Action; defaultTo: string }) {
  const [state, formAction] = useActionState(action, { ok: true } as ActionState);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate encType="multipart/form-data">
      <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={e} />
      <fieldset className="mb-4">
        <legend className="text-lg font-bold mb-2">被监护人（申请人）</legend>
        <Field name="personName" label="被监护人姓名（对照身份证）" autoComplete="off" defaultValue={str(v?.personName)} error={e?.personName} />
        <Field name="personIdNumber" label="被监护人身份证号码" autoComplete="off" defaultValue={str(v?.personIdNumber)} error={e?.personIdNumber} />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="text-lg font-bold mb-2">监护人</legend>
        <Field name="guardianName" label="监护人姓名（对照身份证）" autoComplete="off" defaultValue={str(v?.guardianName)} error={e?.guardianName} />
        <Field name="guardianIdNumber" label="监护人身份证号码" autoComplete="off" defaultValue={str(v?.guardianIdNumber)} error={e?.guardianIdNumber} />
        <Field name="guardianPhone" label="监护人手机号" hint="监护人用这个手机号登录网站，为被监护人办理。" inputMode="numeric" autoComplete="off" defaultValue={str(v?.guardianPhone)} error={e?.guardianPhone} />
      </fieldset>
      <Field name="validTo" label="到哪天结束" hint="默认一年，最长 5 年；到期后凭监护证明重新登记。" type="date" defaultValue={str(v?.validTo) || defaultTo} error={e?.validTo} />
      <div className="mb-5">
        <label htmlFor="f-proof" className="block font-semibold mb-1">监护证明</label>
        <p id="f-proof-hint" className="text-sm text-muted mb-1">如法院判决书、居（村）民委员会或民政部门出具的监护证明、户口簿中的监护关系；拍照或扫描（JPG、PNG 或 PDF）。</p>
        {e?.proof ? <p id="f-proof-error" className="text-bad font-semibold mb-1"><span className="sr-only">错误：</span>{e.proof}</p> : null}
        <input id="f-proof" name="proof" type="file" accept="image/jpeg,image/png,application/pdf" className="input" aria-describedby={`f-proof-hint${e?.proof ? ' f-proof-error' : ''}`} />
      </div>
      {e?.checked ? <p id="f-checked-error" className="text-bad font-semibold mb-1">{e.checked}</p> : null}
      <label className="choice mb-4">
        <input id="f-checked" type="checkbox" name="checked" value="yes" />
        <span>我已当面核对双方身份证原件和监护证明原件</span>
      </label>
      <SubmitButton pendingText="正在登记…">登记监护人</SubmitButton>
    </form>
  );
}
