import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="card space-y-4">
      <h1 className="text-2xl font-bold">您没有权限访问这个页面</h1>
      <p>这个页面只对经办工作人员开放。如果您是居民，请从“我的”查看自己的申请。</p>
      <Link href="/" className="btn btn-primary">
        回到首页
      </Link>
    </div>
  );
}
