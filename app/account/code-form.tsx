'use client';
import { useActionState } from 'react';
import { ErrorSummary, Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import type { ActionState } from '@/lib/http/action';

/** One six-digit code and a button: confirming or switching off the second factor. */
export function CodeForm({ action, label, button }: { action: (prev: ActionState, formData: FormData) => Promise<ActionState>; label: string; button: string }) {
  const [state, formAction] = useActionState(action, { ok: false } as ActionState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} />
      <Field name="code" label={label} hint="6 位数字，每 30 秒换一次" inputMode="numeric" autoComplete="one-time-code" maxLength={6} error={state.fieldErrors?.code} />
      <SubmitButton pendingText="正在核对…">{button}</SubmitButton>
    </form>
  );
}
