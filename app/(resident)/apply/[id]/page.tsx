import type { Metadata } from 'next';
import Link from 'next/link';
import { BackLink } from '@/app/_components/back-link';
import { allComplete, sectionStatus, SECTIONS, type SectionStatus } from '@/lib/applications/draft';
import { regionInfo, type RegionCode } from '@/lib/calculator';
import { nameForProxy } from '@/lib/format';
import { deleteDraftAction } from '../actions';
import { loadDraftPage } from './load';

export const metadata: Metadata = { title: '申请任务清单' };

const STATUS: Record<SectionStatus, { text: string; className: string }> = {
  not_started: { text: '未开始', className: 'bg-gray-200 text-gray-800' },
  in_progress: { text: '未完成', className: 'bg-amber-100 text-amber-900' },
  complete: { text: '已完成', className: 'bg-green-100 text-green-900' },
};

export default async function TaskListPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { draft, region, forName } = await loadDraftPage(id);
  const ready = allComplete(draft);
  const done = SECTIONS.filter((s) => sectionStatus(draft, s.key) === 'complete').length;
  return (
    <div className="space-y-6">
      <BackLink href="/me#apps-title">我的申请</BackLink>
      {forName ? <p className="bg-brand-light p-3 rounded font-semibold">您正在为 {nameForProxy(forName, ['apply'])} 代办</p> : null}
      <h1 className="text-2xl font-bold">申请医疗救助（{regionInfo(region as RegionCode).nameZh}）</h1>
      <p>
        已完成 {done} / {SECTIONS.length} 项。每一步都会自动保存，可以随时离开，下次登录接着填。
      </p>
      <ol className="card divide-y divide-gray-200 p-0">
        {SECTIONS.map((s, i) => {
          const st = STATUS[sectionStatus(draft, s.key)];
          return (
            <li key={s.key}>
              <Link href={`/apply/${id}/${s.path}`} className="flex items-center gap-3 px-4 py-4 min-h-[3.5rem] no-underline hover:bg-brand-light">
                <span className="font-semibold text-brand underline underline-offset-4 mr-auto">
                  {i + 1}. {s.title}
                </span>
                <span className={`rounded px-2 py-0.5 text-sm font-semibold ${st.className}`}>{st.text}</span>
              </Link>
            </li>
          );
        })}
      </ol>
      <section className="card space-y-3">
        <h2 className="text-xl font-bold">6. 检查并提交</h2>
        {ready ? (
          <Link href={`/apply/${id}/review`} className="btn btn-primary">
            检查并提交
          </Link>
        ) : (
          <p className="text-muted">上面 5 项都完成后，就可以检查并提交。</p>
        )}
      </section>
      <form action={deleteDraftAction} className="pt-4">
        <input type="hidden" name="draftId" value={id} />
        <details>
          <summary className="link cursor-pointer py-2">删除这份草稿</summary>
          <p className="my-2">删除后填写的内容和上传的材料都会清除，不能恢复。</p>
          <button type="submit" className="btn btn-danger">
            确认删除草稿
          </button>
        </details>
      </form>
    </div>
  );
}
