import type { Metadata } from 'next';
import { ConsentChoice } from '@/app/_components/consent-choice';
import { SubmitButton } from '@/app/_components/submit-button';
import { requireUser } from '@/lib/auth/session';
import { consentAction } from '../actions';

export const metadata: Metadata = { title: '同意处理敏感个人信息' };

/** Asked when the notice changed since the resident last agreed, before the next step of a draft. */
export default async function ConsentPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireUser(['resident'], '/apply/consent');
  const params = await searchParams;
  const next = params.next && /^\/apply\/[0-9a-f-]{36}(\/|$)/.test(params.next) ? params.next : '/apply';
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">同意处理敏感个人信息</h1>
      <p>个人信息处理告知有了新版本，请重新阅读并确认后继续填写。</p>
      <form action={consentAction} className="card space-y-4">
        <input type="hidden" name="next" value={next} />
        <ConsentChoice error={params.error === '1'} />
        <SubmitButton pendingText="正在保存…">同意并继续</SubmitButton>
      </form>
    </div>
  );
}
