import type { Metadata } from 'next';
import Link from 'next/link';
import { PROXY_REVIEW_THRESHOLD, SCOPE_TEXT } from '@/lib/authority/states';
import { authorityQueue } from '@/lib/dal/authorities/staff';
import { formatDateTime } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';
import { STAFF } from '@/lib/auth/roles';
import { linkAction } from './actions';
import { LinkForm } from './forms';

export const metadata: Metadata = { title: '委托核验' };

const DONE: Record<string, string> = { approve: '已通过，委托即时生效，已通知受托人。', reject: '已记录不通过，已把原因告诉受托人。', revoked: '委托已撤销。', worker: '已核实为基层工作人员，已通知代办人。' };

export default async function AuthoritiesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser(STAFF, '/admin/authorities');
  const params = await searchParams;
  const { pending, workers, flagged } = await authorityQueue(user);
  const clerk = user.role === 'clerk';
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">委托核验</h1>
      {params.done && DONE[params.done] ? <p role="status" className="border-l-4 border-ok bg-green-50 p-3 font-semibold">{DONE[params.done]}</p> : null}
      <section aria-labelledby="q-title" className="space-y-3">
        <h2 id="q-title" className="text-xl font-bold">等待核验的委托书（{pending.length}）</h2>
        {pending.length === 0 ? (
          <p className="card">没有等待核验的委托书。</p>
        ) : (
          <ul className="card divide-y divide-gray-200 p-0">
            {pending.map((p) => (
              <li key={p.id} className="px-4 py-3 flex flex-wrap items-center gap-3">
                <div className="mr-auto">
                  <p className="font-semibold">委托人 {p.nameMasked} · {p.proxyName}（{p.relationshipText}）</p>
                  <p className="text-sm text-muted">{p.scope.map((s) => SCOPE_TEXT[s]).join('、')} · 至 {p.validTo} · 提交于 {formatDateTime(p.createdAt)}</p>
                </div>
                <Link href={`/admin/authorities/${p.id}`} className="btn btn-secondary">{clerk ? '核验' : '查看'}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="w-title" className="space-y-3">
        <h2 id="w-title" className="text-xl font-bold">待核实身份的基层工作人员（{workers.length}）</h2>
        <p>居民选择“基层工作人员”作为代办人时，请核对代办人的工作证或单位证明。核实前，委托显示“待经办部门核实身份”。</p>
        {workers.length === 0 ? (
          <p className="card">没有待核实的基层工作人员。</p>
        ) : (
          <ul className="card divide-y divide-gray-200 p-0" data-testid="workers">
            {workers.map((w) => (
              <li key={w.id} className="px-4 py-3 flex flex-wrap items-center gap-3">
                <div className="mr-auto">
                  <p className="font-semibold">{w.proxyName} · 为 {w.nameMasked} 代办</p>
                  <p className="text-sm text-muted">{w.scope.map((s) => SCOPE_TEXT[s]).join('、')} · 至 {w.validTo}</p>
                </div>
                <Link href={`/admin/authorities/${w.id}`} className="btn btn-secondary">{clerk ? '核实' : '查看'}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {flagged.length > 0 ? (
        <section aria-labelledby="f-title" className="space-y-3">
          <h2 id="f-title" className="text-xl font-bold">需要关注：代办人数较多的受托人</h2>
          <p>为超过 {PROXY_REVIEW_THRESHOLD} 人代办的受托人（本网站的提示规则，不是政策文件的规定），请核实是否为社区工作人员等正常情况。经办部门已核实的基层工作人员为本地区的人代办不计入。</p>
          <ul className="card divide-y divide-gray-200 p-0" data-testid="flagged">
            {flagged.map((f) => <li key={f.id} className="px-4 py-3">{f.name}：正在为 {f.people} 人代办</li>)}
          </ul>
        </section>
      ) : null}
      {clerk ? (
        <section aria-labelledby="l-title" className="card space-y-3">
          <h2 id="l-title" className="text-xl font-bold">关联账号与登记信息</h2>
          <p>居民为自己申请时，如果身份证号已经登记过（曾在窗口办理或由他人代办），网上会请他到窗口核实。核对身份证原件后，在这里把他的账号关联到已有的登记信息。</p>
          <LinkForm action={linkAction} />
        </section>
      ) : null}
      {clerk ? <p><Link href="/admin/counter" className="link">窗口代录：为没有账号的人录入申请</Link></p> : null}
      {clerk ? <p><Link href="/admin/counter/guardian" className="link">登记监护人：为无法自己表示同意的人</Link></p> : null}
    </div>
  );
}
