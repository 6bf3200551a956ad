'use client';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import type { FollowUpState } from './actions';
import { ActionMessage } from '@/app/_components/action-message';

const OPTIONS = [
  { value: 'contacted', label: '已联系' },
  { value: 'referred', label: '已推介慈善组织' },
  { value: 'assisted', label: '已救助' },
  { value: 'closed', label: '结束跟进' },
] as const;

type Action = (prev: FollowUpState, formData: FormData) => Promise<FollowUpState>;

/** `charity`: only where 000 二(四)1 provides a referral to charities (Shanghai). */
export function FollowUpForm({ id, action, current, charity }: { id: string; action: Action; current: string; charity: boolean }) {
  const [state, formAction] = useActionState(action, { ok: true } as FollowUpState);
  const options = OPTIONS.filter((o) => charity || o.value !== 'referred');
  const v = state.values ?? {};
  const chosen = v.status ?? (current === 'open' ? '' : current);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <ActionMessage state={state} />
      <fieldset>
        <legend className="font-semibold mb-1">跟进情况</legend>
        {state.fieldErrors?.status ? <p className="text-bad font-semibold">{state.fieldErrors.status}</p> : null}
        <div className="flex flex-wrap gap-x-4">
          {options.map((o) => (
            <label key={o.value} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="status" value={o.value} defaultChecked={chosen === o.value} className="h-5 w-5" />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
      {charity ? (
        <Field id={`charity-${id}`} name="charity" label="推介的慈善组织（选“已推介慈善组织”时必填）" defaultValue={v.charity ?? ''} error={state.fieldErrors?.charity} className="mb-2" />
      ) : null}
      <Field id={`note-${id}`} name="note" label="说明（可不填）" defaultValue={v.note ?? ''} error={state.fieldErrors?.note} className="mb-2" />
      <SubmitButton pendingText="正在保存…" className="btn btn-secondary">
        保存跟进情况
      </SubmitButton>
    </form>
  );
}

/** 政策找人: the clerk types the name and 身份证号 (from the card or the insurer's record) to open a person record. */
export function OpenLeadForm({ id, action }: { id: string; action: Action }) {
  const [state, formAction] = useActionState(action, { ok: true } as FollowUpState);
  const v = state.values ?? {};
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <ActionMessage state={state} />
      <Field id={`lead-name-${id}`} name="name" label="姓名（与身份证一致）" defaultValue={v.name ?? ''} error={state.fieldErrors?.name} className="mb-2" />
      <Field id={`lead-id-${id}`} name="idNumber" label="身份证号（须与结算记录一致）" defaultValue={v.idNumber ?? ''} error={state.fieldErrors?.idNumber} className="mb-2" />
      <SubmitButton pendingText="正在建立…" className="btn btn-secondary">
        建立个人档案
      </SubmitButton>
    </form>
  );
}
