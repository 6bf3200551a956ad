import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/app/_components/back-link';
import { withdrawAction } from '../actions';
import { loadApplicationPage } from '../load';
import { WithdrawForm } from './withdraw-form';

export const metadata: Metadata = { title: '撤回申请' };

export default async function WithdrawPage({ params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params;
  const { canWithdraw } = await loadApplicationPage(ref);
  if (!canWithdraw) notFound();
  return (
    <div className="space-y-4">
      <BackLink href={`/applications/${ref}`}>申请 {ref}</BackLink>
      <h1 className="text-2xl font-bold">撤回申请 {ref}</h1>
      <p>撤回后这份申请不再办理。以后需要时可以重新申请，但要重新填写和上传材料。</p>
      <WithdrawForm withdraw={withdrawAction.bind(null, ref)} />
    </div>
  );
}
