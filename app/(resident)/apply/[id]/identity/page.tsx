import type { Metadata } from 'next';
import { UploadField } from '@/app/_components/upload-field';
import { regionInfo, type RegionCode } from '@/lib/calculator';
import { listDraftDocuments } from '@/lib/dal/documents';
import { IdentityForm } from '../../forms';
import { saveStepAction } from '../../actions';
import { DraftHeader } from '../../draft-header';
import { DocumentList } from '../../document-list';
import { loadDraftPage } from '../load';

export const metadata: Metadata = { title: '救助身份' };

export default async function IdentityStep({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, draft, forName, region } = await loadDraftPage(id);
  const docs = (await listDraftDocuments(user, id)).filter((d) => d.kind === 'certificate');
  return (
    <>
      <DraftHeader id={id} title="救助身份" forName={forName} intro="选择申请人已经取得的身份，并上传证件照片（没有证件的，经办人员会核对）。" />
      <div className="card mb-6 space-y-3" id="uploads">
        <UploadField applicationId={id} kind="certificate" label="证件照片（低保证、特困证等）" />
        <DocumentList draftId={id} documents={docs} />
      </div>
      <IdentityForm action={saveStepAction.bind(null, id, 'identity')} saved={draft.identity?.values} categories={regionInfo(region as RegionCode).categories} />
    </>
  );
}
