import type { Metadata } from 'next';
import { groupCategories } from '@/lib/applications/category-groups';
import { regionInfo, type RegionCode } from '@/lib/calculator';
import { listDraftDocuments } from '@/lib/dal/documents';
import { IdentityForm } from '../../forms';
import { saveStepAction } from '../../actions';
import { DraftHeader } from '../../draft-header';
import { loadDraftPage } from '../load';

export const metadata: Metadata = { title: '救助身份' };

export default async function IdentityStep({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { id } = await params;
  const { saved } = await searchParams;
  const { user, draft, forName, region } = await loadDraftPage(id);
  const documents = (await listDraftDocuments(user, id))
    .filter((d) => d.kind === 'certificate')
    .map((d) => ({ id: d.id, originalName: d.originalName, mime: d.mime, sizeBytes: d.sizeBytes }));
  return (
    <>
      <DraftHeader id={id} title="救助身份" forName={forName} intro="先选申请人已经取得的身份，再上传对应的证件照片（没有证件的，经办人员会核对）。" />
      {saved ? (
        <p role="status" className="mb-4 rounded bg-brand-light p-3 font-semibold">
          已保存您选的身份。请在下面上传证件照片，然后按“保存并继续”。
        </p>
      ) : null}
      <IdentityForm action={saveStepAction.bind(null, id, 'identity')} saved={draft.identity?.values} groups={groupCategories(regionInfo(region as RegionCode).categories)} certificate={{ draftId: id, documents }} />
    </>
  );
}
