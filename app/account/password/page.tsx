import type { Metadata } from 'next';
import { BackLink } from '@/app/_components/back-link';
import { requireStaffAccount } from '@/lib/auth/session';
import { PasswordForm } from './form';

export const metadata: Metadata = { title: '修改密码' };

export default async function PasswordPage() {
  await requireStaffAccount('/account/password');
  return (
    <div className="space-y-6">
      <BackLink href="/account/security">返回账号安全</BackLink>
      <h1 className="text-2xl font-bold">修改密码</h1>
      <p>改好后，所有设备上的登录都会退出，需要用新密码重新登录。</p>
      <PasswordForm />
    </div>
  );
}
