'use client';
import { useFormStatus } from 'react-dom';

/** Disabled while its form is submitting, so a double tap sends once. */
export function SubmitButton({ children, pendingText, className, name, value }: {
  children: React.ReactNode;
  pendingText?: string;
  className?: string;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} className={className ?? 'btn btn-primary w-full sm:w-auto'} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingText ?? '正在提交…') : children}
    </button>
  );
}
