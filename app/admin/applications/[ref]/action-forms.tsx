'use client';
// One form per action the case allows now, drawn from the verb's own declaration (lib/workflow/verbs/<verb>.ts,
// turned into plain data for this case by lib/dal/staff-case.ts). Each asks for a ticked confirmation (works
// without JS) and shows the server's Chinese reason when it refuses (a state changed meanwhile, a bad amount).
import { useActionState } from 'react';
import { ChoiceList } from '@/app/_components/choice-list';
import { ErrorSummary, Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import type { CaseForm, FormField } from '@/lib/workflow/forms';
import type { CaseActionState } from './actions';

type Props = { action: (prev: CaseActionState, formData: FormData) => Promise<CaseActionState>; form: CaseForm };

function TextArea({ id, name, label, hint, error, defaultValue, rows = 3 }: { id: string; name: string; label: string; hint?: string; error?: string; defaultValue?: string; rows?: number }) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="mb-5">
      <label htmlFor={id} className="block font-semibold mb-1">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-muted mb-1">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="text-bad font-semibold mb-1"><span className="sr-only">错误：</span>{error}</p> : null}
      <textarea id={id} name={name} rows={rows} className="input" defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={described} />
    </div>
  );
}

/** Ids start with the verb (`p`): several forms share the case page, and a label must find its own box. */
function Input({ p, field, error, value }: { p: string; field: FormField; error?: string; value?: string }) {
  switch (field.kind) {
    case 'choice':
      return <ChoiceList idPrefix={p} name={field.name} legend={field.legend} error={error} defaultValue={value} options={field.options} />;
    case 'textarea':
      return <TextArea id={`${p}${field.name}`} name={field.name} label={field.label} hint={field.hint} error={error} defaultValue={value ?? field.defaultValue} rows={field.rows} />;
    default:
      return (
        <Field
          id={`${p}${field.name}`}
          name={field.name}
          label={field.label}
          hint={field.hint}
          error={error}
          defaultValue={value ?? field.defaultValue}
          {...(field.kind === 'date' ? { type: 'date' } : field.kind === 'money' ? { inputMode: 'decimal' as const, autoComplete: 'off' } : {})}
        />
      );
  }
}

/** `action` is bound on the server page (see reveal-button.tsx for why not here). */
export function ActionForm({ action: bound, form }: Props) {
  const [state, action] = useActionState(bound, { ok: true } as CaseActionState);
  const v = (k: string) => {
    const x = state.values?.[k];
    return Array.isArray(x) ? x[0] : x;
  };
  const fe = state.fieldErrors ?? {};
  const p = `${form.verb}-`;
  return (
    <details className="card" open={!state.ok || undefined} data-testid={`action-${form.verb}`}>
      <summary className="cursor-pointer text-lg font-bold text-brand">{form.label}</summary>
      <form action={action} className="mt-4" noValidate>
        <ErrorSummary idPrefix={p} message={state.ok ? undefined : state.message} fieldErrors={fe.confirm ? undefined : Object.fromEntries(Object.entries(fe).filter(([k]) => k !== 'confirm'))} />
        {form.fields.map((f) => (
          <Input key={f.name} p={p} field={f} error={fe[f.name]} value={v(f.name)} />
        ))}
        <div className="mb-4">
          {fe.confirm ? <p id={`${p}confirm-error`} className="text-bad font-semibold mb-1">{fe.confirm}</p> : null}
          <label className="choice" id={`${p}confirm`}>
            <input type="checkbox" name="confirm" value="yes" aria-describedby={fe.confirm ? `${p}confirm-error` : undefined} />
            <span>{form.confirm}</span>
          </label>
        </div>
        <SubmitButton className={`btn ${form.danger ? 'btn-danger' : 'btn-primary'} w-full sm:w-auto`} pendingText="正在提交…">
          确认{form.label}
        </SubmitButton>
      </form>
    </details>
  );
}
