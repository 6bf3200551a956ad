'use client';
import { useActionState } from 'react';
import { ErrorSummary } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import type { RespondState } from '../actions';

/** `withdraw` is withdrawAction bound to the reference on the server (page.tsx): bound here, a refused post without JavaScript never gets its page back (see respond-form.tsx). */
export function WithdrawForm({ withdraw }: { withdraw: (prev: RespondState, formData: FormData) => Promise<RespondState> }) {
  const [state, action] = useActionState(withdraw, { ok: true } as RespondState);
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
