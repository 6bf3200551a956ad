import type { Metadata } from 'next';
import { ApplicantForm } from '../../forms';
import { saveStepAction } from '../../actions';
import { DraftHeader } from '../../draft-header';
import { loadDraftPage } from '../load';

export const metadata: Metadata = { title: '申请人信息' };

export default async function ApplicantStep({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { draft, forName } = await loadDraftPage(id);
  const saved = draft.applicant?.values ?? (forName ? { name: forName } : undefined);
  return (
    <>
      <DraftHeader id={id} title="申请人信息" forName={forName} intro="申请人是生病就医的人。信息加密保存，页面上只显示部分号码。" />
      <ApplicantForm action={saveStepAction.bind(null, id, 'applicant')} saved={saved} />
    </>
  );
}
