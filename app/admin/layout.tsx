import { STAFF } from '@/lib/access';
import { requireUser } from '@/lib/session';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireUser(STAFF, '/admin');
  return <div className="space-y-6">{children}</div>;
}
