'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/submit-button';
import type { CaseActionState } from './actions';
import { ActionMessage } from '@/app/_components/action-message';

/** One visit's 结算单号, typed by staff from the receipt at review. */
export function SettlementNoForm({ seq, action }: { seq: number; action: (prev: CaseActionState, formData: FormData) => Promise<CaseActionState> }) {
  const [state, formAction] = useActionState(action, { ok: true } as CaseActionState);
  const id = `settlement-no-${seq}`;
  const err = state.fieldErrors?.settlementNo;
  const typed = state.ok ? '' : String(state.values?.settlementNo ?? '');
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate>
      <div>
        <label htmlFor={id} className="block text-sm font-semibold">结算单号（按票据补填）</label>
        {err ? <p id={`${id}-error`} className="text-bad text-sm font-semibold">{err}</p> : null}
        <input id={id} name="settlementNo" className="input" autoComplete="off" defaultValue={typed} aria-invalid={err ? true : undefined} aria-describedby={err ? `${id}-error` : undefined} />
      </div>
      <SubmitButton pendingText="正在保存…" className="btn btn-secondary">保存</SubmitButton>
      <ActionMessage state={state} className="w-full" />
    </form>
  );
}
