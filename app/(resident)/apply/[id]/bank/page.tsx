import type { Metadata } from 'next';
import { validateApplicant } from '@/lib/validation/apply';
import { BankForm } from '../../forms';
import { saveStepAction } from '../../actions';
import { DraftHeader } from '../../draft-header';
import { loadDraftPage } from '../load';

export const metadata: Metadata = { title: '收款账户' };

export default async function BankStep({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { draft, forName } = await loadDraftPage(id);
  const applicant = draft.applicant ? validateApplicant(draft.applicant.values) : null;
  return (
    <>
      <DraftHeader id={id} title="收款账户" forName={forName} />
      <BankForm action={saveStepAction.bind(null, id, 'bank')} saved={draft.bank?.values} applicantName={applicant?.ok ? applicant.data.name : null} />
    </>
  );
}
