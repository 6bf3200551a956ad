import { BackLink } from '@/app/_components/back-link';
import { nameForProxy } from '@/lib/format';

export function DraftHeader({ id, title, forName, intro }: { id: string; title: string; forName: string | null; intro?: string }) {
  return (
    <div className="space-y-2 mb-4">
      <BackLink href={`/apply/${id}`}>任务清单</BackLink>
      {forName ? <p className="bg-brand-light p-3 rounded font-semibold">您正在为 {nameForProxy(forName, ['apply'])} 代办</p> : null}
      <h1 className="text-2xl font-bold">{title}</h1>
      {intro ? <p>{intro}</p> : null}
    </div>
  );
}
