'use client';
import { useActionState } from 'react';
import { ErrorSummary } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import { withdrawAction, type RespondState } from '../actions';

export function WithdrawForm({ ref_ }: { ref_: string }) {
  const [state, action] = useActionState(withdrawAction.bind(null, ref_), { ok: true } as RespondState);
  return (
    <form action={action} className="card space-y-4">
      <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={state.fieldErrors} />
      {state.fieldErrors?.confirm ? (
        <p id="f-confirm-error" className="text-bad font-semibold">
          <span className="sr-only">错误：</span>
          {state.fieldErrors.confirm}
        </p>
      ) : null}
      <label className="choice">
        <input id="f-confirm" type="checkbox" name="confirm" value="yes" aria-describedby={state.fieldErrors?.confirm ? 'f-confirm-error' : undefined} />
        <span>我确认撤回这份申请</span>
      </label>
      <SubmitButton className="btn btn-danger" pendingText="正在撤回…">
        撤回申请
      </SubmitButton>
    </form>
  );
}
