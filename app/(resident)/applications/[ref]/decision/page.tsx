import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/app/_components/back-link';
import { DecisionNoticeView } from '@/app/_components/decision-notice';
import { decisionNotice } from '@/lib/dal/decision';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: '决定书' };

export default async function DecisionPage({ params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params;
  const user = await requireUser(undefined, `/applications/${ref}/decision`);
  const n = await decisionNotice(user, ref);
  if (!n) notFound();
  return (
    <div className="space-y-4">
      <BackLink href={`/applications/${ref}`}>返回申请 {ref}</BackLink>
      <DecisionNoticeView n={n} pdfHref={`/applications/${ref}/decision/pdf`} />
    </div>
  );
}
