import Link from 'next/link';

export function BackLink({ href, children = '返回' }: { href: string; children?: React.ReactNode }) {
  return (
    <Link href={href} className="link inline-block py-2 mb-2 no-print in-[.elder]:min-h-15">
      ‹ {children}
    </Link>
  );
}
