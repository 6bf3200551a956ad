import { requireUser } from '@/lib/session';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireUser(['clerk', 'reviewer', 'admin', 'auditor'], '/admin');
  return <div className="space-y-6">{children}</div>;
}
