import type { Metadata } from 'next';
import Link from 'next/link';
import { NOTICE_SECTIONS, NOTICE_TITLE, NOTICE_VERSION } from '@/lib/texts/privacy-notice';

export const metadata: Metadata = { title: NOTICE_TITLE };

/** The privacy notice: public, linked from the sign-in page and the footer, its version shown. */
export default function PrivacyPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{NOTICE_TITLE}</h1>
      <p className="text-muted" data-testid="notice-version">版本：{NOTICE_VERSION}</p>
      {NOTICE_SECTIONS.map((s) => (
        <section key={s.id} id={s.id} aria-labelledby={`${s.id}-title`} className="space-y-2">
          <h2 id={`${s.id}-title`} className="text-xl font-bold">{s.title}</h2>
          {s.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      ))}
      <p>
        <Link href="/me/data" className="link inline-flex min-h-11 items-center">我的数据（登录后查看、下载、更正、注销）</Link>
      </p>
    </div>
  );
}
