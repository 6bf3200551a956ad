'use client';
// The frame every wizard step shares: error summary, the fields, save button. Fields read their values from
// what the last submit returned (kept even when it failed), else from the saved draft, so nothing typed is lost.
import { useActionState } from 'react';
import { ErrorSummary } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import type { StepValues } from '@/lib/validation/apply';
import type { StepState } from './actions';

export type StepFields = {
  /** A single answer as a string ('' when none). */
  s: (key: string) => string;
  /** A multi-choice answer as a list. */
  l: (key: string) => string[];
  /** The field errors of the last submit. */
  e: Record<string, string>;
  /** What the last submit did when it stayed on the page and went well (e.g. 已上传 1 个文件). */
  done?: string;
};

export function StepForm({
  action, saved, render, saveLabel = '保存并继续', initial, onSubmit,
}: {
  /** A check in the browser before posting; it may call preventDefault (a file too large to send, say). */
  onSubmit?: (e: React.FormEvent<HTMLFormElement>) => void;
  initial?: StepState;
  action: (prev: StepState, formData: FormData) => Promise<StepState>;
  saved?: StepValues;
  render: (fields: StepFields) => React.ReactNode;
  saveLabel?: string;
}) {
  const [state, formAction] = useActionState(action, initial ?? ({ ok: true } as StepState));
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="card">
      <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={state.fieldErrors} />
      {render(fieldsOf(state, saved))}
      <SubmitButton pendingText="正在保存…">{saveLabel}</SubmitButton>
    </form>
  );
}

function fieldsOf(state: StepState, saved: StepValues | undefined): StepFields {
  const v = state.values ?? saved ?? {};
  return {
    s: (k) => (typeof v[k] === 'string' ? (v[k] as string) : ''),
    l: (k) => (Array.isArray(v[k]) ? (v[k] as string[]) : v[k] ? [v[k] as string] : []),
    e: state.fieldErrors ?? {},
    done: state.ok ? state.message : undefined,
  };
}
