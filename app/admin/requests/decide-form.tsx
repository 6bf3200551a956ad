'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/submit-button';
import type { ActionState } from '@/lib/http/action';
import { ActionMessage } from '@/app/_components/action-message';

const CORRECTION = { choices: [{ value: 'done', label: '已更正' }, { value: 'refused', label: '不予更正' }], answerLabel: '给居民的答复（改了什么，或不改的理由）' };

/** A decision with a written answer: a correction request by default, or the choices given (a bank account change). */
export function DecideForm({ id, action, choices = CORRECTION.choices, answerLabel = CORRECTION.answerLabel, submitLabel = '答复' }: {
  id: string; action: (prev: ActionState, formData: FormData) => Promise<ActionState>; choices?: { value: string; label: string }[]; answerLabel?: string; submitLabel?: string;
}) {
  const [state, formAction] = useActionState(action, { ok: true } as ActionState);
  const v = state.ok ? {} : (state.values ?? {});
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <ActionMessage state={state} />
      <fieldset>
        <legend className="font-semibold mb-1">处理结果</legend>
        {err.decision ? <p className="text-bad font-semibold">{err.decision}</p> : null}
        <div className="flex flex-wrap gap-x-4">
          {choices.map((c) => (
            <label key={c.value} className="flex min-h-11 items-center gap-2"><input type="radio" name="decision" value={c.value} defaultChecked={v.decision === c.value} className="h-5 w-5" />{c.label}</label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`answer-${id}`} className="block font-semibold mb-1">{answerLabel}</label>
        {err.answer ? <p id={`answer-${id}-error`} className="text-bad font-semibold mb-1">{err.answer}</p> : null}
        <textarea id={`answer-${id}`} name="answer" rows={3} className="input" defaultValue={typeof v.answer === 'string' ? v.answer : ''} aria-invalid={err.answer ? true : undefined} aria-describedby={err.answer ? `answer-${id}-error` : undefined} />
      </div>
      <SubmitButton pendingText="正在保存…" className="btn btn-secondary">{submitLabel}</SubmitButton>
    </form>
  );
}
