'use client';
import { useActionState } from 'react';
import Link from 'next/link';
import { SubmitButton } from '@/app/_components/submit-button';
import type { SubmitState } from '../../actions';

/** `submit` is submitAction bound to the draft on the server (page.tsx): bound here, a refused post without JavaScript never gets its page back (see respond-form.tsx). */
export function SubmitForm({ draftId, submit }: { draftId: string; submit: (prev: SubmitState, formData: FormData) => Promise<SubmitState> }) {
  const [state, action] = useActionState(submit, { ok: true } as SubmitState);
  return (
    <form action={action} className="card space-y-3">
      {!state.ok ? (
        <div role="alert" className="border-l-4 border-bad bg-red-50 p-3">
          <p className="font-bold text-bad">{state.message}</p>
          <ul className="list-disc pl-5">
            {state.problems?.map((p) => (
              <li key={p.section + p.message}>
                <Link className="link" href={`/apply/${draftId}/${p.section}`}>
                  {p.message}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>提交后，工作人员会检查材料并办理。办理进度会通过短信和“我的”页面通知您。</p>
      <SubmitButton pendingText="正在提交，请稍候…">确认提交申请</SubmitButton>
    </form>
  );
}
