'use client';
import Link from 'next/link';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="card space-y-4">
      <h1 className="text-2xl font-bold">抱歉，页面暂时出了问题</h1>
      <p>您填写的内容没有丢失。请稍后再试；如果一直不行，请拨打 12345 并告诉工作人员下面的编号。</p>
      {error.digest ? <p className="text-muted">问题编号：{error.digest}</p> : null}
      <div className="flex flex-wrap gap-3">
        <button type="button" className="btn btn-primary" onClick={reset}>
          重试
        </button>
        <Link href="/" className="btn btn-secondary">
          回到首页
        </Link>
      </div>
    </div>
  );
}
