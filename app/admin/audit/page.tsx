import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SubmitButton } from '@/app/_components/submit-button';
import { ACTION_LABELS, actionLabel, AUDIT_READERS, regionStaff, searchAudit } from '@/lib/dal/audit-search';
import { formatDateTime } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';
import { filterAuditAction } from './actions';
import { filtersFrom, queryOf } from './filters';
import { BackToDesk } from '@/app/admin/_components/back-to-desk';

export const metadata: Metadata = { title: '审计日志' };

const ROLE_TEXT: Record<string, string> = { clerk: '受理员', reviewer: '审核员', admin: '管理员', auditor: '审计员', resident: '居民' };

function summaryText(s: unknown): string {
  if (s === null || s === undefined) return '';
  const text = JSON.stringify(s);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser(AUDIT_READERS, '/admin/audit');
  const f = filtersFrom(await searchParams);
  const [result, staff] = await Promise.all([f.noPerson ? null : searchAudit(user, f), regionStaff(user)]);
  if (result && !result.ok) notFound();
  const data = result?.ok ? result : { rows: [], total: 0, page: 1, pages: 1 };
  const hidden = { person: f.personId ?? '', user: f.userId ?? '', action: f.action ?? '', from: f.from ?? '', to: f.to ?? '' };
  return (
    <div className="space-y-6">
      <BackToDesk />
      <h1 className="text-2xl font-bold">审计日志</h1>
      <p className="text-muted">每一次工作人员操作、查看申请或材料、查看完整个人信息和登录都记录在这里。记录只能追加，任何人（包括系统本身）都不能修改或删除。</p>

      <form action={filterAuditAction} className="card grid gap-4 sm:grid-cols-2" aria-label="筛选审计记录">
        <div>
          <label htmlFor="f-idNumber" className="block font-semibold mb-1">
            申请人身份证号
          </label>
          <p id="f-idNumber-hint" className="text-sm text-muted mb-1">
            按身份证号找到此人的申请、材料和账号的所有记录；身份证号不会出现在网址或日志里。
          </p>
          <input id="f-idNumber" name="idNumber" className="input" inputMode="text" autoComplete="off" maxLength={18} aria-describedby="f-idNumber-hint" />
          {f.personId ? <p className="text-sm mt-1">已按一位申请人筛选。</p> : null}
        </div>
        <div>
          <label htmlFor="f-user" className="block font-semibold mb-1">
            工作人员
          </label>
          <select id="f-user" name="user" className="input" defaultValue={f.userId ?? ''}>
            <option value="">全部</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName}（{s.username}，{ROLE_TEXT[s.role] ?? s.role}）
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-action" className="block font-semibold mb-1">
            操作
          </label>
          <select id="f-action" name="action" className="input" defaultValue={f.action ?? ''}>
            <option value="">全部</option>
            {Object.entries(ACTION_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="grid grid-cols-2 gap-2">
          <legend className="font-semibold mb-1">日期（含首尾两天）</legend>
          <div>
            <label htmlFor="f-from" className="block text-sm mb-1">
              从
            </label>
            <input id="f-from" name="from" type="date" className="input" defaultValue={f.from ?? ''} />
          </div>
          <div>
            <label htmlFor="f-to" className="block text-sm mb-1">
              到
            </label>
            <input id="f-to" name="to" type="date" className="input" defaultValue={f.to ?? ''} />
          </div>
        </fieldset>
        <div className="flex flex-wrap gap-3 sm:col-span-2">
          <SubmitButton pendingText="正在筛选…">筛选</SubmitButton>
          <Link href="/admin/audit" className="btn btn-secondary">
            清除筛选
          </Link>
        </div>
      </form>

      {f.noPerson ? (
        <p role="status" className="card font-semibold">
          没有找到这个身份证号对应的人员。
        </p>
      ) : (
        <section aria-labelledby="rows-h" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="rows-h" className="text-xl font-bold">
              共 {data.total} 条{data.total > 0 ? `，第 ${data.page} / ${data.pages} 页` : ''}
            </h2>
            {data.total > 0 ? (
              <form method="post" action="/admin/audit/export">
                {Object.entries(hidden).map(([k, v]) => (
                  <input key={k} type="hidden" name={k} value={v} />
                ))}
                <button type="submit" className="btn btn-secondary">
                  导出 CSV（按当前筛选）
                </button>
              </form>
            ) : null}
          </div>
          {data.rows.length === 0 ? (
            <p className="card">没有符合条件的记录。</p>
          ) : (
            <ol className="space-y-2" aria-label="审计记录">
              {data.rows.map((r) => (
                <li key={r.id} className="card space-y-1">
                  <p className="font-semibold">
                    {actionLabel(r.action)} <span className="text-sm font-normal text-muted">({r.action})</span>
                  </p>
                  <p className="text-sm">
                    {formatDateTime(r.at)} · {r.actorName ?? '—'}
                    {r.actorRole ? `（${ROLE_TEXT[r.actorRole] ?? r.actorRole}）` : ''}
                    {r.authorityId ? ` · 受委托代办（委托 ${r.authorityId.slice(0, 8)}）` : ''} · 对象：{r.ref ?? `${r.entity}${r.entityId ? ` ${r.entityId.slice(0, 24)}` : ''}`}
                    {r.ip ? ` · 地址 ${r.ip}` : ''}
                  </p>
                  {r.summary ? <p className="text-sm text-muted break-all">{summaryText(r.summary)}</p> : null}
                </li>
              ))}
            </ol>
          )}
          {data.pages > 1 ? (
            <nav aria-label="翻页" className="flex flex-wrap gap-3">
              {data.page > 1 ? (
                <Link className="btn btn-secondary" href={`/admin/audit${queryOf(f, data.page - 1)}`}>
                  上一页
                </Link>
              ) : null}
              {data.page < data.pages ? (
                <Link className="btn btn-secondary" href={`/admin/audit${queryOf(f, data.page + 1)}`}>
                  下一页
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      )}
    </div>
  );
}
