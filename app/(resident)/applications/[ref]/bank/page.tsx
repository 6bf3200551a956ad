import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/app/_components/back-link';
import { BANK_CHANGE_TEXT, bankChangePage } from '@/lib/dal/bank-changes';
import { formatDateTime } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';
import { requestBankChangeAction } from './actions';
import { BankChangeForm } from './bank-form';

export const metadata: Metadata = { title: '更换收款账户' };

export default async function BankChangePage({ params, searchParams }: { params: Promise<{ ref: string }>; searchParams: Promise<{ sent?: string }> }) {
  const { ref } = await params;
  const user = await requireUser(['resident'], `/applications/${ref}/bank`);
  const page = await bankChangePage(user, ref);
  if (!page) notFound();
  const { sent } = await searchParams;
  return (
    <div className="space-y-5">
      <BackLink href={`/applications/${ref}`}>申请 {ref}</BackLink>
      <h1 className="text-2xl font-bold">更换收款账户</h1>
      {sent ? <p role="status" className="text-ok font-semibold">更换申请已提交，工作人员核实后会通知您。</p> : null}
      {page.failed ? (
        <p className="border-l-4 border-bad bg-red-50 p-3" data-testid="payment-failed">
          上次发放没有成功：{page.failed.reason ?? '银行退回'}。如果账户已经销户或不能用，请在下面填写新的账户。
        </p>
      ) : null}
      <p>
        现在的收款账户：{page.current ? `${page.current.bankName} ${page.current.accountMasked}` : '没有填写（直接办理的救助按原有渠道发放）'}
      </p>
      <p className="text-sm text-muted">已经交给银行的发放批次仍按原账户发放；新账户经工作人员核实后，从下一批发放起使用。</p>
      {page.changes.length ? (
        <section aria-labelledby="changes-h" className="space-y-2">
          <h2 id="changes-h" className="text-xl font-bold">更换记录</h2>
          <ul className="space-y-2" data-testid="bank-changes">
            {page.changes.map((c) => (
              <li key={c.id} className="card">
                <p className="font-semibold">{c.bankName} {c.accountMasked}：{BANK_CHANGE_TEXT[c.status]}</p>
                <p className="text-sm text-muted">提交于 {formatDateTime(c.createdAt)}{c.decidedAt ? `，处理于 ${formatDateTime(c.decidedAt)}` : ''}</p>
                {c.answer ? <p>说明：{c.answer}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!page.open ? (
        <p className="card">这份申请的救助金已经发放或已经办结，不能再更换收款账户。</p>
      ) : page.pending ? (
        <p className="card">您已经提交了一个更换申请，正在等待工作人员核实。</p>
      ) : (
        <BankChangeForm action={requestBankChangeAction.bind(null, ref)} />
      )}
    </div>
  );
}
