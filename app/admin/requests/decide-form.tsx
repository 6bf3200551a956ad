'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/submit-button';
import type { ActionState } from '@/lib/action';

export function DecideForm({ id, action }: { id: string; action: (prev: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, formAction] = useActionState(action, { ok: true } as ActionState);
  const v = state.ok ? {} : (state.values ?? {});
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-3" noValidate>
      {state.message ? <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'text-ok font-semibold' : 'text-bad font-semibold'}>{state.message}</p> : null}
      <fieldset>
        <legend className="font-semibold mb-1">处理结果</legend>
        {err.decision ? <p className="text-bad font-semibold">{err.decision}</p> : null}
        <div className="flex flex-wrap gap-x-4">
          <label className="flex min-h-11 items-center gap-2"><input type="radio" name="decision" value="done" defaultChecked={v.decision === 'done'} className="h-5 w-5" />已更正</label>
          <label className="flex min-h-11 items-center gap-2"><input type="radio" name="decision" value="refused" defaultChecked={v.decision === 'refused'} className="h-5 w-5" />不予更正</label>
        </div>
      </fieldset>
      <div>
        <label htmlFor={`answer-${id}`} className="block font-semibold mb-1">给居民的答复（改了什么，或不改的理由）</label>
        {err.answer ? <p id={`answer-${id}-error`} className="text-bad font-semibold mb-1">{err.answer}</p> : null}
        <textarea id={`answer-${id}`} name="answer" rows={3} className="input" defaultValue={typeof v.answer === 'string' ? v.answer : ''} aria-invalid={err.answer ? true : undefined} aria-describedby={err.answer ? `answer-${id}-error` : undefined} />
      </div>
      <SubmitButton pendingText="正在保存…" className="btn btn-secondary">答复</SubmitButton>
    </form>
  );
}
