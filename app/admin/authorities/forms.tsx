'use client';
import { useActionState } from 'react';
import { ErrorSummary, Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import type { ActionState } from '@/lib/http/action';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export function VerifyForm({ action, reasons }: { action: Action; reasons: Record<string, string> }) {
  const [state, formAction] = useActionState(action, { ok: true } as ActionState);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={e} />
      <fieldset className="space-y-2">
        <legend className="font-semibold mb-1">核验结果</legend>
        <label className="choice">
          <input type="radio" name="decision" value="approve" defaultChecked={str(v?.decision) !== 'reject'} />
          <span>通过：委托书签字、双方身份证都已核对</span>
        </label>
        <label className="choice">
          <input type="radio" name="decision" value="reject" defaultChecked={str(v?.decision) === 'reject'} />
          <span>不通过</span>
        </label>
      </fieldset>
      <Field name="note" label="核验说明（通过时必填）" hint="例如：委托书签字与委托人身份证一致，受托人为其女儿。" defaultValue={str(v?.note)} error={e?.note} />
      <div>
        <label htmlFor="f-reason" className="block font-semibold mb-1">不通过的原因（不通过时必选）</label>
        {e?.reason ? <p id="f-reason-error" className="text-bad font-semibold mb-1">{e.reason}</p> : null}
        <select id="f-reason" name="reason" className="input" defaultValue={str(v?.reason)}>
          <option value="">请选择</option>
          {Object.entries(reasons).map(([k, t]) => <option key={k} value={k}>{t}</option>)}
        </select>
      </div>
      <SubmitButton pendingText="正在保存…">保存核验结果</SubmitButton>
    </form>
  );
}

export function LinkForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, { ok: true } as ActionState);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={e} />
      {state.ok && state.message ? <p role="status" className="border-l-4 border-ok bg-green-50 p-3 mb-4 font-semibold">{state.message}</p> : null}
      <Field name="phone" label="对方登录用的手机号" inputMode="numeric" autoComplete="off" defaultValue={state.ok ? '' : str(v?.phone)} error={e?.phone} />
      <Field name="idNumber" label="身份证号码（对照原件录入）" autoComplete="off" defaultValue={state.ok ? '' : str(v?.idNumber)} error={e?.idNumber} />
      <Field name="note" label="备注（可不填）" defaultValue={state.ok ? '' : str(v?.note)} />
      {e?.checked ? <p id="f-checked-error" className="text-bad font-semibold mb-1">{e.checked}</p> : null}
      <label className="choice mb-4">
        <input id="f-checked" type="checkbox" name="checked" value="yes" />
        <span>我已当面核对本人身份证原件，人证一致</span>
      </label>
      <SubmitButton pendingText="正在关联…">关联账号</SubmitButton>
    </form>
  );
}

export function WorkerForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, { ok: true } as ActionState);
  const e = state.fieldErrors;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={e} />
      <Field name="organisation" label="代办人所在单位" hint="对照工作证或单位证明填写，例如：梁溪区崇安寺街道某某社区居委会。" autoComplete="off" defaultValue={str(state.values?.organisation)} error={e?.organisation} />
      {e?.checked ? <p id="f-checked-error" className="text-bad font-semibold mb-1">{e.checked}</p> : null}
      <label className="choice mb-4">
        <input id="f-checked" type="checkbox" name="checked" value="yes" />
        <span>我已核对代办人的工作证或单位证明，确认是本地区的基层工作人员</span>
      </label>
      <SubmitButton pendingText="正在保存…">核实为基层工作人员</SubmitButton>
    </form>
  );
}
