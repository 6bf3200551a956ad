import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { UploadField } from '@/app/_components/upload-field';
import { listDraftDocuments } from '@/lib/dal/documents';
import { parseEpisodeForm } from '@/lib/validation/episode-form';
import { todayInShanghai } from '@/lib/format';
import { saveEpisodeAction } from '../../../actions';
import { DocumentList } from '../../../document-list';
import { DraftHeader } from '../../../draft-header';
import { EpisodeForm } from '../../../forms';
import { loadDraftPage } from '../../load';

export const metadata: Metadata = { title: '一次就医' };

export default async function EpisodeStep({ params, searchParams }: { params: Promise<{ id: string; n: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id, n } = await params;
  const query = await searchParams;
  const { user, draft, forName, region } = await loadDraftPage(id);
  const isNew = n === 'new';
  const index = isNew ? -1 : Number(n);
  if (!isNew && (!Number.isInteger(index) || index < 0 || index >= draft.episodes.length)) notFound();
  const saved = isNew ? undefined : draft.episodes[index]!.values;
  const docs = isNew ? [] : (await listDraftDocuments(user, id)).filter((d) => d.episodeSeq === index && d.kind === 'receipt');
  // Coming back to a stay saved with problems: show them straight away.
  const errors = query.check && saved ? parseEpisodeForm(saved, todayInShanghai(), { requireHospitalName: true }) : null;
  return (
    <>
      <DraftHeader id={id} title={isNew ? '添加一次就医' : `第 ${index + 1} 次就医`} forName={forName} />
      {query.saved ? (
        <p role="status" className="border-l-4 border-ok bg-green-50 p-3 mb-4 font-semibold">
          已保存。请在下面上传这次就医的结算单和发票照片。
        </p>
      ) : null}
      {!isNew ? (
        <div className="card mb-6 space-y-3" id="uploads">
          <UploadField applicationId={id} kind="receipt" episodeSeq={index} label="结算单、发票照片" />
          <DocumentList draftId={id} documents={docs} />
        </div>
      ) : null}
      <EpisodeForm
        key={errors && !errors.ok ? 'check' : 'plain'}
        action={saveEpisodeAction.bind(null, id, index)}
        saved={saved}
        showSpecialDisease={region === 'chongqing-shapingba'}
        initialErrors={errors && !errors.ok ? errors.fieldErrors : undefined}
      />
    </>
  );
}
