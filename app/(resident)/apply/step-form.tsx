'use client';
// The frame every wizard step shares: error summary, the fields (server-rendered children), save button.
import { useActionState } from 'react';
import { ErrorSummary } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import type { StepState } from './actions';

export function StepForm({
  action, render, saveLabel = '保存并继续', initial,
}: {
  initial?: StepState;
  action: (prev: StepState, formData: FormData) => Promise<StepState>;
  render: (state: StepState) => React.ReactNode;
  saveLabel?: string;
}) {
  const [state, formAction] = useActionState(action, initial ?? ({ ok: true } as StepState));
  return (
    <form action={formAction} noValidate className="card">
      <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={state.fieldErrors} />
      {render(state)}
      <SubmitButton pendingText="正在保存…">{saveLabel}</SubmitButton>
    </form>
  );
}
