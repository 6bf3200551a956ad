import type { Metadata } from 'next';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: '工作台' };

export default async function AdminHome() {
  const user = await requireUser(['clerk', 'reviewer', 'admin', 'auditor'], '/admin');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">工作台</h1>
      <p>{user.displayName}</p>
    </div>
  );
}
