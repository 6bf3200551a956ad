'use client';
import { useActionState } from 'react';
import { ErrorSummary } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import { UploadField } from '@/app/_components/upload-field';
import { respondAction, type RespondState } from './actions';

export function RespondForm({ ref_, applicationId, pending }: { ref_: string; applicationId: string; pending: { id: string; originalName: string }[] }) {
  const [state, action] = useActionState(respondAction.bind(null, ref_), { ok: true } as RespondState);
  return (
    <div className="space-y-4">
      <UploadField applicationId={applicationId} kind="supplement" label="上传补正材料（如需要）" />
      {pending.length > 0 ? (
        <ul className="list-disc pl-5" aria-label="已上传、待提交的补正材料">
          {pending.map((d) => (
            <li key={d.id}>{d.originalName}</li>
          ))}
        </ul>
      ) : null}
      <form action={action} className="space-y-3" noValidate>
        <ErrorSummary message={state.ok ? undefined : state.message} />
        {state.ok && state.message ? <p role="status" className="text-ok font-semibold">{state.message}</p> : null}
        <label htmlFor="f-message" className="block font-semibold">补充说明</label>
        {state.fieldErrors?.message ? <p id="f-message-error" className="text-bad font-semibold">{state.fieldErrors.message}</p> : null}
        <textarea id="f-message" name="message" rows={4} className="input" defaultValue={state.values?.message ?? ''} aria-describedby={state.fieldErrors?.message ? 'f-message-error' : undefined} aria-invalid={state.fieldErrors?.message ? true : undefined} />
        <SubmitButton pendingText="正在提交…">提交补正</SubmitButton>
      </form>
    </div>
  );
}
