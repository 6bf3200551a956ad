import type { Metadata } from 'next';
import Link from 'next/link';
import { ApplicationCard } from '@/app/_components/application-card';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@/db/schema';
import { STATUS_TEXT } from '@/lib/workflow/states';
import { regionInfo, isRegionCode } from '@/lib/calculator';
import { staffQueue } from '@/lib/dal/staff-queue';
import { formatDate, formatMoney, maskName } from '@/lib/format';
import { STAFF } from '@/lib/access';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: '工作台' };

const ROLE_TEXT = { clerk: '受理员', reviewer: '审核员', admin: '管理员', auditor: '审计员', resident: '居民' } as const;

export default async function AdminHome({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser(STAFF, '/admin');
  const params = await searchParams;
  const status = APPLICATION_STATUSES.includes(params.status as ApplicationStatus) ? (params.status as ApplicationStatus) : undefined;
  const { counts, rows } = await staffQueue(user, status);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">工作台</h1>
      <p>
        {user.displayName} · {ROLE_TEXT[user.role]} · {user.region && isRegionCode(user.region) ? regionInfo(user.region).nameZh : '未分配地区'}
      </p>
      <nav aria-label="按状态筛选" className="flex flex-wrap gap-2">
        <Link href="/admin" className={`btn ${status ? 'btn-secondary' : 'btn-primary'}`} aria-current={status ? undefined : 'page'}>
          全部（{counts.reduce((a, c) => a + c.n, 0)}）
        </Link>
        {counts.map((c) => (
          <Link key={c.status} href={`/admin?status=${c.status}`} className={`btn ${status === c.status ? 'btn-primary' : 'btn-secondary'}`} aria-current={status === c.status ? 'page' : undefined}>
            {STATUS_TEXT[c.status].label}（{c.n}）
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="card">没有申请。</p>
      ) : (
        <ul className="space-y-2" aria-label="申请列表">
          {rows.map((r) => (
            <li key={r.ref}>
              <ApplicationCard ref_={r.ref!} status={r.status}>
                <span className="block text-sm text-muted">
                  申请人 {r.name ? maskName(r.name) : '—'} · 提交于 {r.submittedAt ? formatDate(r.submittedAt) : '—'}
                  {r.ageDays !== null ? ` · 已 ${r.ageDays} 天` : ''}
                  {r.estimatedFen !== null ? ` · 估算 ${formatMoney(r.estimatedFen)}` : ''}
                </span>
              </ApplicationCard>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
