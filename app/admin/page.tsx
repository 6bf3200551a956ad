import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusTag } from '@/app/_components/status-tag';
import { ROLE_TEXT } from '@/app/admin/_components/role-text';
import { SlaTag } from '@/app/admin/_components/sla-tag';
import { APPLICATION_STATUSES } from '@/db/schema';
import { STAFF } from '@/lib/auth/roles';
import { CATEGORY_CODES, categoryName, isCategoryCode, isRegionCode, regionInfo } from '@/lib/calculator';
import { holidaysRecorded } from '@/lib/dal/holidays';
import { COUNT_CAP, districtsOf, parseQueueFilters, SORTS, staffQueue, type QueueFilters } from '@/lib/dal/staff-queue';
import { fenToYuanInput, formatDate, formatMoney, maskName, todayInShanghai } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';
import { STATUS_TEXT } from '@/lib/workflow/states';

/** Closed cases need no one assigned: the queue says 已办结 instead of 尚未分派. */
const CLOSED: ReadonlySet<string> = new Set(['paid', 'rejected', 'withdrawn', 'transferred']);

export const metadata: Metadata = { title: '工作台' };

type Params = Record<string, string | string[] | undefined>;

/** The current filters as a query string, with some changed (links keep everything else). */
function hrefWith(f: QueueFilters, change: Record<string, string | undefined>): string {
  const base: Record<string, string | undefined> = {
    q: f.q, status: f.status, category: f.category, district: f.district, from: f.from, to: f.to,
    min: f.min !== undefined ? fenToYuanInput(f.min) : undefined, max: f.max !== undefined ? fenToYuanInput(f.max) : undefined,
    mine: f.mine, overdue: f.overdue, sort: f.sort, page: f.page ? String(f.page) : undefined,
  };
  const merged = { ...base, ...change };
  const qs = new URLSearchParams(Object.entries(merged).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return qs ? `/admin?${qs}` : '/admin';
}

export default async function AdminHome({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireUser(STAFF, '/admin');
  const f = parseQueueFilters(await searchParams);
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const [{ counts, rows, total, page, pages, capped, settings, prev, next }, districts, calendarSet] = await Promise.all([staffQueue(user, f), districtsOf(user), holidaysRecorded(user, thisYear)]);
  const all = counts.reduce((a, c) => a + c.n, 0);
  const regionName = user.region && isRegionCode(user.region) ? regionInfo(user.region).nameZh : '未分配地区';
  const filtered = Boolean(f.q || f.category || f.district || f.from || f.to || f.min !== undefined || f.max !== undefined || f.mine || f.overdue);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">工作台</h1>
      <p>
        {user.displayName} · {ROLE_TEXT[user.role]} · {regionName}
        {user.district ? ` · ${user.district}` : ''}
      </p>

      <form method="get" action="/admin" className="card space-y-4" role="search" aria-label="查找申请">
        <div>
          <label htmlFor="q" className="block font-semibold">申请编号或身份证号</label>
          <p id="q-hint" className="text-sm text-muted">身份证号须完整输入 18 位，按加密索引精确查找。</p>
          <div className="mt-1 flex flex-col gap-2 sm:flex-row">
            <input id="q" name="q" className="input" defaultValue={f.q ?? ''} aria-describedby="q-hint" autoComplete="off" />
            <button type="submit" className="btn btn-primary">查找</button>
          </div>
        </div>
        <details open={filtered || undefined}>
          <summary className="cursor-pointer font-semibold text-brand">更多筛选条件</summary>
          <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <div>
              <label htmlFor="status" className="block font-semibold">状态</label>
              <select id="status" name="status" className="input" defaultValue={f.status ?? ''}>
                <option value="">全部</option>
                {APPLICATION_STATUSES.filter((s) => s !== 'draft').map((s) => (
                  <option key={s} value={s}>{STATUS_TEXT[s].label}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="category" className="block font-semibold">救助类别</label>
              <select id="category" name="category" className="input" defaultValue={f.category ?? ''}>
                <option value="">全部</option>
                {CATEGORY_CODES.map((c) => (
                  <option key={c} value={c}>{categoryName(c)}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="district" className="block font-semibold">区（县）</label>
              <select id="district" name="district" className="input" defaultValue={f.district ?? ''}>
                <option value="">全部</option>
                {districts.map((d) => (
                  <option key={d} value={d}>{d}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="from" className="block font-semibold">提交日期从</label>
              <input id="from" name="from" type="date" className="input" defaultValue={f.from ?? ''} />
            </div>
            <div>
              <label htmlFor="to" className="block font-semibold">提交日期到</label>
              <input id="to" name="to" type="date" className="input" defaultValue={f.to ?? ''} />
            </div>
            <div>
              <label htmlFor="sort" className="block font-semibold">排序</label>
              <select id="sort" name="sort" className="input" defaultValue={f.sort ?? 'oldest'}>
                {Object.entries(SORTS).map(([k, v]) => (
                  <option key={k} value={k}>{v}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="min" className="block font-semibold">估算金额不少于（元）</label>
              <input id="min" name="min" inputMode="decimal" className="input" defaultValue={f.min !== undefined ? fenToYuanInput(f.min) : ''} />
            </div>
            <div>
              <label htmlFor="max" className="block font-semibold">估算金额不超过（元）</label>
              <input id="max" name="max" inputMode="decimal" className="input" defaultValue={f.max !== undefined ? fenToYuanInput(f.max) : ''} />
            </div>
            <fieldset className="space-y-2">
              <legend className="font-semibold">只看</legend>
              <label className="choice">
                <input type="checkbox" name="mine" value="1" defaultChecked={Boolean(f.mine)} /> 分派给我的
              </label>
              <label className="choice">
                <input type="checkbox" name="overdue" value="1" defaultChecked={Boolean(f.overdue)} /> 已超期的
              </label>
            </fieldset>
          </div>
          <div className="mt-4 flex flex-wrap gap-2">
            <button type="submit" className="btn btn-primary">按条件筛选</button>
            <Link href="/admin" className="btn btn-secondary">清除条件</Link>
          </div>
        </details>
      </form>

      <nav aria-label="按状态查看" className="flex flex-wrap gap-2">
        <Link href={hrefWith(f, { status: undefined, page: undefined })} className={`btn ${f.status ? 'btn-secondary' : 'btn-primary'}`} aria-current={f.status ? undefined : 'page'}>
          {capped ? '全部' : `全部（${all}）`}
        </Link>
        {counts.map((c) => (
          <Link key={c.status} href={hrefWith(f, { status: c.status, page: undefined })} className={`btn ${f.status === c.status ? 'btn-primary' : 'btn-secondary'}`} aria-current={f.status === c.status ? 'page' : undefined}>
            {capped ? STATUS_TEXT[c.status].label : `${STATUS_TEXT[c.status].label}（${c.n}）`}
          </Link>
        ))}
      </nav>

      <p className="text-sm text-muted">
        <span data-testid="time-limits">
          办理时限（本地区设置，见<Link className="link" href="/admin/parameters#office-h">参数设定</Link>）：受理 {settings.acceptWithinWorkingDays ?? '未设定'}
          {settings.acceptWithinWorkingDays ? ' 个工作日内' : ''}，作出决定 {settings.decideWithinWorkingDays ?? '未设定'}
          {settings.decideWithinWorkingDays ? ' 个工作日内' : ''}，自提交次日起按工作日计算（不含周末和本地区节假日安排中的假日，含调休上班日）。
          {settings.limits.accept?.demo || settings.limits.decide?.demo ? '（演示数值）' : ''}
        </span>
        {calendarSet ? null : (
          <span className="font-semibold text-bad" data-testid="no-holidays">
            {' '}
            {thisYear}年的节假日安排未设置：工作日暂按星期一到星期五计算，请管理员在参数设定中录入。
          </span>
        )}
      </p>

      {rows.length === 0 ? (
        <p className="card" role="status">{f.q ? '没有找到这份申请。' : '没有符合条件的申请。'}</p>
      ) : (
        <>
          <p role="status">
            {capped ? `符合条件的超过 ${COUNT_CAP.toLocaleString('zh-CN')} 份，第 ${page} / ${pages} 页。请增加筛选条件缩小范围。` : `共 ${total} 份，第 ${page} / ${pages} 页`}
          </p>
          <ul className="space-y-2" aria-label="申请列表">
            {rows.map((r) => (
              <li key={r.ref} className="card space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  <Link href={`/admin/applications/${r.ref}`} className="link text-lg font-semibold">{r.ref}</Link>
                  <StatusTag status={r.status} />
                  <SlaTag sla={r.sla} age={r.ageWorkingDays} />
                </p>
                <p className="text-sm">
                  申请人 {r.name ? maskName(r.name) : '—'}
                  {r.primaryCategory && isCategoryCode(r.primaryCategory) ? ` · ${categoryName(r.primaryCategory)}` : ''}
                  {r.district ? ` · ${r.district}` : ''} · 提交于 {r.submittedAt ? formatDate(r.submittedAt) : '—'}
                  {r.estimatedFen !== null ? ` · 估算 ${formatMoney(r.estimatedFen)}` : ''}
                </p>
                <p className="text-sm text-muted" data-testid="queue-assignee">{r.assignedName ? `经办人：${r.assignedName}${r.assignedToUserId === user.id ? '（我）' : ''}` : CLOSED.has(r.status) ? '已办结' : '尚未分派'}</p>
              </li>
            ))}
          </ul>
          {prev || next ? (
            // Keyset paging: each link names the row it continues from (lib/dal/staff-queue.ts), no OFFSET.
            <nav aria-label="翻页" className="flex flex-wrap items-center gap-2">
              {prev ? <Link className="btn btn-secondary" href={hrefWith(f, { page: String(page - 1), before: prev })}>上一页</Link> : null}
              <span>第 {page} / {pages} 页</span>
              {next ? <Link className="btn btn-secondary" href={hrefWith(f, { page: String(page + 1), after: next })}>下一页</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
