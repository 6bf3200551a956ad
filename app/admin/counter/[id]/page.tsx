import type { Metadata } from 'next';
import Link from 'next/link';
import { BackLink } from '@/app/_components/back-link';
import { sectionStatus, SECTIONS, type SectionStatus } from '@/lib/applications/draft';
import { DOCUMENT_KINDS, listDraftDocuments } from '@/lib/dal/documents';
import { maskName } from '@/lib/format';
import { counterSubmitAction, counterUploadAction } from '../actions';
import { SubmitForm, UploadForm } from '../forms';
import { loadCounterDraft } from './load';

export const metadata: Metadata = { title: '窗口代录' };

const STATUS: Record<SectionStatus, { text: string; className: string }> = {
  not_started: { text: '未开始', className: 'bg-gray-200 text-gray-800' },
  in_progress: { text: '未完成', className: 'bg-amber-100 text-amber-900' },
  complete: { text: '已完成', className: 'bg-green-100 text-green-900' },
};
const COUNTER_KINDS = { pledge: DOCUMENT_KINDS.pledge, certificate: DOCUMENT_KINDS.certificate, receipt: DOCUMENT_KINDS.receipt, discharge: DOCUMENT_KINDS.discharge, other: DOCUMENT_KINDS.other };

export default async function CounterTaskList({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, draft, forName } = await loadCounterDraft(id);
  const docs = await listDraftDocuments(user, id);
  const pledged = docs.some((d) => d.kind === 'pledge');
  const sections = SECTIONS.filter((s) => s.key !== 'declaration');
  const ready = sections.every((s) => sectionStatus(draft, s.key) === 'complete') && pledged;
  return (
    <div className="space-y-6">
      <BackLink href="/admin/counter">窗口代录</BackLink>
      <p className="bg-brand-light p-3 rounded font-semibold" data-testid="acting-for">您正在为 {forName ? maskName(forName) : '申请人'} 窗口代录</p>
      <h1 className="text-2xl font-bold">代录任务清单</h1>
      <ol className="card divide-y divide-gray-200 p-0">
        {sections.map((s, i) => {
          const st = STATUS[sectionStatus(draft, s.key)];
          const href = s.key === 'episodes' ? `/admin/counter/${id}/episodes/${draft.episodes.length ? 0 : 'new'}` : `/admin/counter/${id}/${s.path}`;
          return (
            <li key={s.key}>
              <Link href={href} className="flex items-center gap-3 px-4 py-4 min-h-[3.5rem] no-underline hover:bg-brand-light">
                <span className="font-semibold text-brand underline underline-offset-4 mr-auto">{i + 1}. {s.title}{s.key === 'episodes' && draft.episodes.length ? `（${draft.episodes.length} 次）` : ''}</span>
                <span className={`rounded px-2 py-0.5 text-sm font-semibold ${st.className}`}>{st.text}</span>
              </Link>
            </li>
          );
        })}
        <li className="flex items-center gap-3 px-4 py-4">
          <span className="font-semibold mr-auto">5. 签字的承诺书（扫描件）</span>
          <span className={`rounded px-2 py-0.5 text-sm font-semibold ${pledged ? STATUS.complete.className : STATUS.not_started.className}`}>{pledged ? '已上传' : '未上传'}</span>
        </li>
      </ol>
      {draft.episodes.length ? <p><Link href={`/admin/counter/${id}/episodes/new`} className="link">再添加一次就医</Link></p> : null}
      <section className="card space-y-3" aria-labelledby="u-title">
        <h2 id="u-title" className="text-xl font-bold">扫描件</h2>
        <p>请申请人在纸质诚信承诺书和授权书（经济状况核对、就医信息使用）上签字，扫描后选“签字的诚信承诺书和授权书”上传。结算单、发票、证件也在这里上传。</p>
        {docs.length ? (
          <ul className="divide-y divide-gray-200" aria-label="已上传的扫描件">
            {docs.map((d) => <li key={d.id} className="py-2">{DOCUMENT_KINDS[d.kind as keyof typeof DOCUMENT_KINDS] ?? d.kind}：{d.originalName}</li>)}
          </ul>
        ) : <p className="text-muted">还没有上传。</p>}
        <UploadForm action={counterUploadAction.bind(null, id)} kinds={COUNTER_KINDS} />
      </section>
      <section className="card space-y-3" aria-labelledby="sub-title">
        <h2 id="sub-title" className="text-xl font-bold">提交</h2>
        <SubmitForm action={counterSubmitAction.bind(null, id)} ready={ready} />
      </section>
    </div>
  );
}
