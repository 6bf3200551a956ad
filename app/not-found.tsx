import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="card space-y-4">
      <h1 className="text-2xl font-bold">没有找到这个页面</h1>
      <p>您访问的页面不存在，或者您没有查看它的权限。请检查网址，或从首页重新进入。</p>
      <Link href="/" className="btn btn-primary">
        回到首页
      </Link>
    </div>
  );
}
