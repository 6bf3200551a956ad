import type { Metadata } from 'next';
import Link from 'next/link';
import { counterDrafts } from '@/lib/dal/counter';
import { formatDateTime } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';
import { startAction } from './actions';
import { StartForm } from './forms';

export const metadata: Metadata = { title: '窗口代录' };

export default async function CounterPage() {
  const user = await requireUser(['clerk'], '/admin/counter');
  const drafts = await counterDrafts(user);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">窗口代录</h1>
      <p>为到窗口办理、没有账号或没有手机的人录入申请：和网上申请同样的几项，材料扫描上传，申请人在纸质诚信承诺书和授权书上签字后扫描上传。提交后打印回执交给申请人。</p>
      {drafts.length > 0 ? (
        <section className="space-y-3" aria-labelledby="d-title">
          <h2 id="d-title" className="text-xl font-bold">未提交的代录</h2>
          <ul className="card divide-y divide-gray-200 p-0">
            {drafts.map((d) => (
              <li key={d.id} className="px-4 py-3 flex flex-wrap items-center gap-3">
                <span className="mr-auto">{d.nameMasked} · 最后保存于 {formatDateTime(d.updatedAt)}</span>
                <Link href={`/admin/counter/${d.id}`} className="btn btn-secondary">继续</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p><Link href="/admin/counter/guardian" className="link">登记监护人：为无法自己表示同意的人</Link></p>
      <section className="card space-y-3" aria-labelledby="s-title">
        <h2 id="s-title" className="text-xl font-bold">开始新的代录</h2>
        <StartForm action={startAction} />
      </section>
    </div>
  );
}
