import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/app/_components/back-link';
import { EpisodeForm } from '@/app/(resident)/apply/forms';
import { maskName } from '@/lib/format';
import { counterEpisodeAction } from '../../../actions';
import { loadCounterDraft } from '../../load';

export const metadata: Metadata = { title: '窗口代录' };

export default async function CounterEpisode({ params }: { params: Promise<{ id: string; n: string }> }) {
  const { id, n } = await params;
  const { draft, forName, region } = await loadCounterDraft(id);
  const isNew = n === 'new';
  const index = isNew ? -1 : Number(n);
  if (!isNew && (!Number.isInteger(index) || index < 0 || index >= draft.episodes.length)) notFound();
  return (
    <div className="space-y-4">
      <BackLink href={`/admin/counter/${id}`}>代录任务清单</BackLink>
      <p className="bg-brand-light p-3 rounded font-semibold">您正在为 {forName ? maskName(forName) : '申请人'} 窗口代录</p>
      <h1 className="text-2xl font-bold">{isNew ? '添加一次就医' : `第 ${index + 1} 次就医`}</h1>
      <EpisodeForm action={counterEpisodeAction.bind(null, id, index)} saved={isNew ? undefined : draft.episodes[index]!.values} showSpecialDisease={region === 'chongqing-shapingba'} />
    </div>
  );
}
