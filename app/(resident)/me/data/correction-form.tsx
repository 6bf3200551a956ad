'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/submit-button';
import type { CorrectionState } from './actions';
import { ActionMessage } from '@/app/_components/action-message';

export function CorrectionForm({ action, applications }: { action: (prev: CorrectionState, formData: FormData) => Promise<CorrectionState>; applications: { ref: string; statusText: string }[] }) {
  const [state, formAction] = useActionState(action, { ok: true } as CorrectionState);
  const v = state.ok ? {} : (state.values ?? {});
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <ActionMessage state={state} />
      <div>
        <label htmlFor="f-ref" className="block font-semibold mb-1">涉及哪份申请</label>
        {err.ref ? <p id="f-ref-error" className="text-bad font-semibold mb-1">{err.ref}</p> : null}
        <select id="f-ref" name="ref" className="input" defaultValue={typeof v.ref === 'string' ? v.ref : ''} aria-describedby={err.ref ? 'f-ref-error' : undefined}>
          <option value="">账号信息（不涉及某份申请）</option>
          {applications.map((a) => (
            <option key={a.ref} value={a.ref}>
              {a.ref}（{a.statusText}）
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-detail" className="block font-semibold mb-1">哪一项不对，应当是什么</label>
        <p id="f-detail-hint" className="text-sm text-muted mb-1">例如：“就医记录里出院日期应为 3 月 10 日”。最多 500 字。</p>
        {err.detail ? (
          <p id="f-detail-error" className="text-bad font-semibold mb-1">
            <span className="sr-only">错误：</span>
            {err.detail}
          </p>
        ) : null}
        <textarea id="f-detail" name="detail" rows={4} className="input" defaultValue={typeof v.detail === 'string' ? v.detail : ''} aria-invalid={err.detail ? true : undefined} aria-describedby={`f-detail-hint${err.detail ? ' f-detail-error' : ''}`} />
      </div>
      <SubmitButton pendingText="正在提交…" className="btn btn-secondary">提交更正申请</SubmitButton>
    </form>
  );
}
