import Link from 'next/link';
import { signOutAction, toggleElderMode } from '@/app/actions';
import { unreadCount } from '@/lib/dal/notifications';
import { currentUser } from '@/lib/auth/session';

// Every link and button is at least 44 px tall (60 px and more in 长辈模式, where rem grows to 20 px).
export async function SiteHeader({ elder }: { elder: boolean }) {
  const user = await currentUser();
  const isStaff = user && user.role !== 'resident';
  const unread = user && !isStaff ? await unreadCount(user) : 0;
  return (
    <header className="bg-brand text-white no-print">
      <div className="max-w-3xl mx-auto px-4 py-2 flex flex-wrap items-center gap-x-4 gap-y-1">
        <Link href="/" className="inline-flex items-center min-h-11 in-[.elder]:min-h-15 text-lg font-bold mr-auto text-white no-underline">
          医疗救助服务
        </Link>
        <form action={toggleElderMode}>
          <input type="hidden" name="elder" value={elder ? '0' : '1'} />
          <button type="submit" className="inline-flex items-center min-h-11 in-[.elder]:min-h-15 px-1 underline underline-offset-4" aria-pressed={elder}>
            {elder ? '退出长辈模式' : '长辈模式'}
          </button>
        </form>
        {user ? (
          <>
            <Link href={isStaff ? '/admin' : '/me'} className="inline-flex items-center min-h-11 in-[.elder]:min-h-15 px-1 underline underline-offset-4 text-white">
              {isStaff ? '工作台' : '我的'}（{user.displayName}）
              {unread > 0 ? <span className="ml-1 rounded-full bg-white text-brand px-2 text-sm font-bold">{unread}<span className="sr-only">条未读消息</span></span> : null}
            </Link>
            {isStaff ? (
              <Link href="/account/security" className="py-2 underline underline-offset-4 text-white">
                账号安全
              </Link>
            ) : null}
            <form action={signOutAction}>
              <button type="submit" className="inline-flex items-center min-h-11 in-[.elder]:min-h-15 px-1 underline underline-offset-4">
                退出
              </button>
            </form>
          </>
        ) : (
          <Link href="/login" className="inline-flex items-center min-h-11 in-[.elder]:min-h-15 px-1 underline underline-offset-4 text-white">
            登录
          </Link>
        )}
      </div>
    </header>
  );
}
