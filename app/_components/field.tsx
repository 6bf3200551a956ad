// A labelled input with its hint and error tied by aria-describedby (next-learn pattern).
import type { InputHTMLAttributes } from 'react';

type Props = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>;

export function Field({ name, label, hint, error, id, className, ...input }: Props) {
  const inputId = id ?? `f-${name}`;
  const describedBy = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ?? 'mb-5'}>
      <label htmlFor={inputId} className="block font-semibold mb-1">
        {label}
      </label>
      {hint ? (
        <p id={`${inputId}-hint`} className="text-sm text-muted mb-1">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${inputId}-error`} className="text-bad font-semibold mb-1">
          <span className="sr-only">错误：</span>
          {error}
        </p>
      ) : null}
      <input id={inputId} name={name} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
    </div>
  );
}

/** `idPrefix`: where the fields' ids start, when two forms share a page (default `f-`, as Field uses). */
export function ErrorSummary({ message, fieldErrors, idPrefix = 'f-' }: { message?: string; fieldErrors?: Record<string, string>; idPrefix?: string }) {
  const entries = Object.entries(fieldErrors ?? {});
  if (!message && entries.length === 0) return null;
  return (
    <div role="alert" aria-live="assertive" className="border-l-4 border-bad bg-red-50 p-4 mb-5">
      <p className="font-bold text-bad">{message ?? '请修改以下问题后再提交'}</p>
      {entries.length > 0 ? (
        <ul className="list-disc pl-5 mt-2">
          {entries.map(([field, text]) => (
            <li key={field}>
              <a className="link text-bad inline-block py-2 in-[.elder]:min-h-15" href={`#${idPrefix}${field}`}>
                {text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
