'use client';
import { useActionState } from 'react';
import Link from 'next/link';
import { SubmitButton } from '@/app/_components/submit-button';
import { submitAction, type SubmitState } from '../../actions';

export function SubmitForm({ draftId }: { draftId: string }) {
  const [state, action] = useActionState(submitAction.bind(null, draftId), { ok: true } as SubmitState);
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
