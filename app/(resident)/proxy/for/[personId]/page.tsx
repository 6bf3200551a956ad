import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApplicationCard } from '@/app/_components/application-card';
import { BackLink } from '@/app/_components/back-link';
import { SCOPE_TEXT } from '@/lib/authority/states';
import { actingFor, listApplications } from '@/lib/dal/applications';
import { listDrafts } from '@/lib/dal/drafts';
import { formatDate, formatDateTime, nameForProxy } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: '为他人办理' };

/** The proxy's desk for one person: that person's applications and drafts, every line about them. */
export default async function ActingForPage({ params }: { params: Promise<{ personId: string }> }) {
  const { personId } = await params;
  const user = await requireUser(['resident'], '/me');
  // Read now, from the authorities table: a revoked or expired authority is "not found" on the next request.
  const person = (await actingFor(user)).find((p) => p.id === personId);
  if (!person) notFound();
  const name = nameForProxy(person.name, person.scope);
  const [apps, drafts] = await Promise.all([listApplications(user), listDrafts(user)]);
  const theirs = apps.filter((a) => a.personId === personId);
  const theirDrafts = drafts.filter((d) => d.personId === personId);
  const may = (s: 'apply' | 'view') => person.scope.includes(s);
  return (
    <div className="space-y-6">
      <BackLink href="/me">我的</BackLink>
      <p className="bg-brand-light p-3 rounded font-semibold" data-testid="acting-for">您正在为 {name} 代办</p>
      <h1 className="text-2xl font-bold">{name} 的医疗救助</h1>
      <p>委托范围：{person.scope.map((s) => SCOPE_TEXT[s]).join('、')}；有效期至 {person.validTo}。您做的每一步 {name} 都能看到。救助金只会发到 {name} 本人的银行账户。</p>
      {may('apply') ? (
        <p>
          <Link href={`/apply?for=${personId}`} className="btn btn-primary">为 {name} 申请救助</Link>
        </p>
      ) : null}
      {theirDrafts.length > 0 ? (
        <section className="space-y-3" aria-labelledby="d-title">
          <h2 id="d-title" className="text-xl font-bold">还没提交的草稿</h2>
          <ul className="space-y-3">
            {theirDrafts.map((d) => (
              <li key={d.id} className="card flex flex-wrap items-center gap-3">
                <span className="mr-auto">最后保存于 {formatDateTime(d.updatedAt)}</span>
                <Link href={`/apply/${d.id}`} className="btn btn-secondary">继续为 {name} 填写</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="space-y-3" aria-labelledby="a-title">
        <h2 id="a-title" className="text-xl font-bold">{name} 的申请</h2>
        {!may('view') ? (
          <p className="card">这份委托不包括查看进度。</p>
        ) : theirs.length === 0 ? (
          <p className="card">还没有提交过申请。</p>
        ) : (
          <ul className="space-y-3">
            {theirs.map((a) => (
              <li key={a.id}>
                <ApplicationCard ref_={a.ref!} status={a.status}>
                  <span className="block text-sm text-muted mt-1">{a.year} 年就医 · 提交于 {a.submittedAt ? formatDate(a.submittedAt) : '—'}</span>
                </ApplicationCard>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
