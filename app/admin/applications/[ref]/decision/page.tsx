import { requestAddress } from '@/lib/http/client-address';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/app/_components/back-link';
import { DecisionNoticeView } from '@/app/_components/decision-notice';
import { STAFF } from '@/lib/auth/roles';
import { decisionNotice } from '@/lib/dal/decision';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: '决定书' };

export default async function StaffDecisionPage({ params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params;
  const user = await requireUser(STAFF, `/admin/applications/${ref}/decision`);
  const n = await decisionNotice(user, ref, await requestAddress());
  if (!n) notFound();
  return (
    <div className="space-y-4">
      <BackLink href={`/admin/applications/${ref}`}>返回申请 {ref}</BackLink>
      <DecisionNoticeView n={n} pdfHref={`/admin/applications/${ref}/decision/pdf`} />
    </div>
  );
}
