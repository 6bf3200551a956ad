import type { Metadata } from 'next';
import type { ApplicationStatus } from '@/db/schema';
import Link from 'next/link';
import { ApplicationCard } from '@/app/_components/application-card';
import { STATUS_TEXT } from '@/lib/workflow/states';
import { regionInfo, type RegionCode } from '@/lib/calculator';
import { actingFor, listApplications } from '@/lib/dal/applications';
import { listDrafts } from '@/lib/dal/drafts';
import { listNotifications, unreadCount } from '@/lib/dal/notifications';
import { directCasesFor } from '@/lib/dal/settlements';
import { DirectAwardCard } from './_components/direct-award-card';
import { formatDate, formatDateTime, formatMoney, nameForProxy } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';
import { SCOPE_TEXT } from '@/lib/authority/states';
import { markAllReadAction } from './actions';

export const metadata: Metadata = { title: '我的' };

export default async function MePage() {
  const user = await requireUser(['resident'], '/me');
  const [all, drafts, people, notices, unread, direct] = await Promise.all([listApplications(user), listDrafts(user), actingFor(user), listNotifications(user, 10), unreadCount(user), directCasesFor(user)]);
  // 免申即享 cases have their own card; "我的申请" lists what the resident (or a proxy) applied for.
  const directRefs = new Set(direct.map((c) => c.ref));
  const listed = all.filter((a) => !a.ref || !directRefs.has(a.ref));
  // People this resident acts for come first, each with their own cases; "我的申请" keeps the resident's own.
  const applications = listed.filter((a) => !a.isProxy);
  const casesOf = (personId: string) => listed.filter((a) => a.isProxy && a.personId === personId);
  const proxySection = (
    <section aria-labelledby="proxy-title" className="space-y-3" data-testid="acting-for-section">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="proxy-title" className="text-xl font-bold mr-auto">为他人办理</h2>
        <Link href="/proxy" className="link inline-flex min-h-11 items-center">委托代办（邀请、确认、撤销）</Link>
      </div>
      {people.length === 0 ? (
        <p className="card">您目前没有替别人办理的委托。家人可以在“委托代办”页邀请您，您也可以上传委托书申请代办。</p>
      ) : (
        <ul className="space-y-4">
          {people.map((p) => {
            const name = nameForProxy(p.name, p.scope);
            const cases = casesOf(p.id);
            return (
              <li key={p.id} className="card space-y-3" data-testid="acting-for-person">
                <div className="flex flex-wrap items-center gap-3">
                  <div className="mr-auto">
                    <p className="font-semibold">{name}</p>
                    <p className="text-sm text-muted">可以：{p.scope.map((s) => SCOPE_TEXT[s]).join('、')}；有效期至 {p.validTo}</p>
                  </div>
                  <Link href={`/proxy/for/${p.id}`} className="btn btn-primary">为 {name} 办理</Link>
                </div>
                {cases.length === 0 ? (
                  <p className="text-sm text-muted">还没有为 {name} 提交过申请。</p>
                ) : (
                  <ul className="space-y-3" aria-label={`${name} 的申请`}>
                    {cases.map((a) => (
                      <li key={a.id}>
                        <CaseCard a={a} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{user.displayName}，您好</h1>

      {people.length > 0 ? proxySection : null}

      {direct.length > 0 ? (
        <section aria-labelledby="direct-title" className="space-y-3">
          <h2 id="direct-title" className="text-xl font-bold">
            已为您直接办理
          </h2>
          {direct.map((c) => (
            <DirectAwardCard key={c.ref} c={c} />
          ))}
        </section>
      ) : null}

      <section aria-labelledby="apps-title" className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="apps-title" className="text-xl font-bold mr-auto">我的申请</h2>
          <Link href="/apply" className="btn btn-primary">
            {drafts.length ? '申请救助（有草稿）' : '申请救助'}
          </Link>
        </div>
        {drafts.length > 0 ? (
          <p className="card">
            您有 {drafts.length} 份未提交的草稿。
            <Link href="/apply" className="link">
              继续填写
            </Link>
          </p>
        ) : null}
        {applications.length === 0 ? (
          <p className="card">还没有提交过申请。不确定能不能申请？先<Link href="/check" className="link">查一查</Link>。</p>
        ) : (
          <ul className="space-y-3">
            {applications.map((a) => (
              <li key={a.id}>
                <CaseCard a={a} byProxy={a.filedByProxy} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="inbox-title" className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="inbox-title" className="text-xl font-bold mr-auto">
            消息通知{unread > 0 ? <span className="ml-2 rounded-full bg-bad text-white text-sm px-2 py-0.5" data-testid="unread-count">{unread} 条未读</span> : null}
          </h2>
          {unread > 0 ? (
            <form action={markAllReadAction}>
              <button type="submit" className="btn btn-secondary">全部标为已读</button>
            </form>
          ) : null}
        </div>
        {notices.length === 0 ? (
          <p className="card">暂时没有消息。</p>
        ) : (
          <ul className="card divide-y divide-gray-200 p-0">
            {notices.map((n) => (
              <li key={n.id} className={`px-4 py-3 ${n.readAt ? '' : 'bg-brand-light'}`}>
                <p className="font-semibold">
                  {n.readAt ? null : <span className="sr-only">未读：</span>}
                  {n.title}
                </p>
                <p>{n.body}</p>
                <p className="text-sm text-muted">{formatDateTime(n.createdAt)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {people.length === 0 ? proxySection : null}

      {/* 我的数据 (issue 22): kept as its own block so the sections above can move freely. */}
      <section aria-labelledby="mydata-title" className="card space-y-2">
        <h2 id="mydata-title" className="text-xl font-bold">我的数据</h2>
        <p>下载本网站保存的关于您的全部信息，申请更正，撤回短信通知的同意，或注销账号。</p>
        <Link href="/me/data" className="link inline-flex min-h-11 items-center">查看和管理我的数据</Link>
      </section>
    </div>
  );
}

/** One application on /me: where, which year, when submitted, the amount decided (or estimated), and what to do now. */
function CaseCard({ a, byProxy = false }: { a: { ref: string | null; status: ApplicationStatus; region: string; year: number; submittedAt: string | null; decidedAmountFen: number | null; estimatedFen: number | null }; byProxy?: boolean }) {
  return (
    <ApplicationCard ref_={a.ref!} status={a.status}>
      <span className="block text-sm text-muted mt-1">
        {regionInfo(a.region as RegionCode).nameZh} · {a.year} 年就医 · 提交于 {a.submittedAt ? formatDate(a.submittedAt) : '—'}
        {byProxy ? ' · 由代办人为您提交' : ''}
      </span>
      <span className="block mt-1">
        {a.decidedAmountFen !== null ? `核定 ${formatMoney(a.decidedAmountFen)}` : a.estimatedFen !== null ? `估算 ${formatMoney(a.estimatedFen)}` : ''}
        {a.status === 'needs_info' ? <strong className="block text-warn">{STATUS_TEXT.needs_info.next}</strong> : null}
      </span>
    </ApplicationCard>
  );
}
