'use client';
import { useActionState } from 'react';
import { ErrorSummary } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import { withdrawAction, type RespondState } from '../actions';

export function WithdrawForm({ ref_ }: { ref_: string }) {
  const [state, action] = useActionState(withdrawAction.bind(null, ref_), { ok: true } as RespondState);
  return (
    <form action={action} className="card space-y-4">
      <ErrorSummary message={state.ok ? undefined : state.message} />
      <label className="choice">
        <input type="checkbox" name="confirm" value="yes" />
        <span>我确认撤回这份申请</span>
      </label>
      <SubmitButton className="btn btn-danger" pendingText="正在撤回…">
        撤回申请
      </SubmitButton>
    </form>
  );
}
