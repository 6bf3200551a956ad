import Link from 'next/link';

/** The way back to the queue, at the top of every staff page other than the queue itself. */
export function BackToDesk() {
  return (
    <p>
      <Link href="/admin" className="link">
        ← 返回工作台
      </Link>
    </p>
  );
}
