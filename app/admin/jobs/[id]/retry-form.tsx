'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/submit-button';
import { ActionMessage } from '@/app/_components/action-message';

type State = { ok: boolean; message?: string };

export function RetryForm({ action }: { action: (prev: State, formData: FormData) => Promise<State> }) {
  const [state, formAction] = useActionState(action, { ok: true } as State);
  return (
    <form action={formAction} className="space-y-2">
      <ActionMessage state={state} />
      <SubmitButton pendingText="正在重新排队…">重试</SubmitButton>
    </form>
  );
}
