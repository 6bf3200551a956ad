import Link from 'next/link';
import { STAFF } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser(STAFF, '/admin');
  const links = [
    { href: '/admin', label: '办理队列' },
    { href: '/admin/payments', label: '发放台账' },
    { href: '/admin/parameters', label: '参数设定' },
    { href: '/admin/stats', label: '统计' },
    { href: '/admin/imports', label: '结算记录导入' },
    { href: '/admin/watchlist', label: '预警名单' },
    { href: '/admin/authorities', label: '委托核验' },
    ...(user.role === 'clerk' ? [{ href: '/admin/counter', label: '窗口代录' }] : []),
    ...(user.role === 'clerk' || user.role === 'reviewer' ? [{ href: '/admin/requests', label: '信息更正' }] : []),
    ...(user.role === 'auditor' || user.role === 'admin' ? [{ href: '/admin/audit', label: '审计日志' }] : []),
  ];
  return (
    <div className="space-y-6 staff-area">
      <nav aria-label="工作台" className="flex flex-wrap gap-2 border-b border-gray-300 pb-2">
        {links.map((l) => (
          <Link key={l.href} href={l.href} className="link inline-flex min-h-11 items-center px-2 in-[.elder]:min-h-15">
            {l.label}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
