import type { Metadata } from 'next';
import Link from 'next/link';
import { SubmitButton } from '@/app/_components/submit-button';
import { isRegionCode, regionInfo } from '@/lib/calculator';
import { KIND_TEXT, PAYMENT_STATE_TEXT, poolName, recentLedgerRows, regionPoolLimits } from '@/lib/dal/ledger';
import { approvedUnpaid, PAYERS } from '@/lib/dal/payment-batches';
import { formatDateTime, formatMoney, maskName, todayInShanghai } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';
import { ImportForm } from './import-form';
import { BANK_VERIFIERS, pendingBankChanges } from '@/lib/dal/bank-changes';
import { DecideForm } from '@/app/admin/requests/decide-form';
import { decideBankChangeAction } from './actions';
import { BackToDesk } from '@/app/admin/_components/back-to-desk';
import { STAFF } from '@/lib/auth/roles';

export const metadata: Metadata = { title: '发放台账' };

export default async function PaymentsPage() {
  const user = await requireUser(STAFF, '/admin/payments');
  const canPay = (PAYERS as readonly string[]).includes(user.role);
  const year = Number(todayInShanghai().slice(0, 4));
  const [unpaid, rows, limits, changes] = await Promise.all([approvedUnpaid(user), recentLedgerRows(user), regionPoolLimits(user.region ?? '', year, null), pendingBankChanges(user)]);
  const canVerify = (BANK_VERIFIERS as readonly string[]).includes(user.role);
  const totalFen = unpaid.reduce((a, c) => a + c.derived.outstandingFen, 0);
  const regionName = user.region && isRegionCode(user.region) ? regionInfo(user.region).nameZh : '未分配地区';
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <BackToDesk />
        <h1 className="text-2xl font-bold">发放台账</h1>
        <p className="text-muted">
          {regionName}。每一笔批准、发放、失败和更正都是一条新记录，已有记录不会被修改；每个申请“还欠多少、是否已发放”由这些记录算出。
        </p>
        {!canPay ? <p className="card">您是审计员：可以查看台账，不能导出批次或登记发放结果。</p> : null}
      </div>

      <section aria-labelledby="bank-h" className="space-y-3">
        <h2 id="bank-h" className="text-xl font-bold">收款账户变更待核实（{changes.length} 个）</h2>
        <p className="text-sm text-muted">核对存折或银行卡后核实；批准这笔救助金的工作人员不能核实它的账户。已经导出的批次仍按原账户，核实后从下一批起使用新账户。</p>
        {changes.length === 0 ? (
          <p className="card">没有待核实的收款账户变更。</p>
        ) : (
          <ul className="space-y-2" data-testid="bank-changes">
            {changes.map((c) => (
              <li key={c.id} className="card space-y-2">
                <p className="font-semibold">
                  <Link href={`/admin/applications/${c.ref}`} className="link">{c.ref}</Link> {c.applicantMasked}：{c.oldMasked ?? '没有账户'} → {c.bankName} {c.accountMasked}
                  {c.cause === 'payment_failed' ? '（上次发放被银行退回）' : ''}
                </p>
                <p className="text-sm text-muted">提交于 {formatDateTime(c.createdAt)}</p>
                {canVerify ? (
                  <DecideForm id={c.id} action={decideBankChangeAction.bind(null, c.id)} choices={[{ value: 'verified', label: '核实无误，更换' }, { value: 'refused', label: '不通过' }]} answerLabel="说明（不通过时必填，申请人会看到）" submitLabel="保存核实结果" />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="unpaid-h" className="space-y-3">
        <h2 id="unpaid-h" className="text-xl font-bold">
          已批准、待发放（{unpaid.length} 笔，合计 {formatMoney(totalFen)}）
        </h2>
        {unpaid.length === 0 ? (
          <p className="card">没有待发放的申请。</p>
        ) : (
          <ul className="space-y-2" aria-label="待发放的申请">
            {unpaid.map((c) => (
              <li key={c.ref} className="card space-y-1">
                <p className="font-semibold">
                  <Link href={`/admin/applications/${c.ref}`} className="link">
                    {c.ref}
                  </Link>{' '}
                  · {c.name ? maskName(c.name) : '—'} · 待发放 {formatMoney(c.derived.outstandingFen)}
                </p>
                <p className="text-sm text-muted">
                  {c.bankAccountLast4 ? `${c.bankName ?? '银行未填'} 尾号 ${c.bankAccountLast4}` : '没有银行账户（免申即享）：不进入银行批次，按原有发放渠道发放后在案件页面登记'} · {PAYMENT_STATE_TEXT[c.derived.state]}
                  {c.derived.lastFailure ? `：${c.derived.lastFailure.reason ?? ''}${c.derived.lastFailure.batchRef ? `（批次 ${c.derived.lastFailure.batchRef}）` : ''}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
        {canPay && unpaid.length > 0 ? (
          <form method="post" action="/admin/payments/export" className="space-y-2">
            <p className="text-sm text-muted">
              批次文件包含收款人全名和完整账号，只交给银行；最后一行是合计行（笔数和以分计的总额），供银行核对。导出会记入审计日志。
            </p>
            <SubmitButton pendingText="正在导出…">导出银行发放批次（CSV）</SubmitButton>
          </form>
        ) : null}
      </section>

      {canPay ? (
        <section aria-labelledby="import-h" className="space-y-3">
          <h2 id="import-h" className="text-xl font-bold">导入银行结果</h2>
          <p>先逐行检查整个文件；只要有一行有问题，就一行也不登记，并告诉您是第几行。全部无误才一次登记：成功的记为已发放，失败的记下原因、等待重新发放。</p>
          <ImportForm />
        </section>
      ) : null}

      <section aria-labelledby="limits-h" className="space-y-3">
        <h2 id="limits-h" className="text-xl font-bold">{year} 年度救助限额（批准时按人按年校验）</h2>
        {limits.length === 0 ? (
          <p className="card">本地区的政策没有按资金池设定年度限额。</p>
        ) : (
          <ul className="space-y-2">
            {limits.map((l) => (
              <li key={l.pool} className="card">
                <span className="font-semibold">{l.nameZh}</span>：
                {l.kind === 'fixed' ? `${formatMoney(l.limitFen!)}（${l.source}）` : null}
                {l.kind === 'param' ? `${formatMoney(l.limitFen!)}（工作人员设定：${l.source}）` : null}
                {l.kind === 'unset' ? `尚未设定（参数 ${l.param}），批准时无法校验这一项限额。请管理员按文件设定后再据此把关。` : null}
                {l.kind === 'none' ? '政策未设年度限额' : null}
              </li>
            ))}
          </ul>
        )}
        <p className="text-sm text-muted">按类别设定的限额（如低保对象）优先于资金池的限额；两名审核员同时批准同一人的申请时，系统逐笔校验，不会超过限额。</p>
      </section>

      <section aria-labelledby="rows-h" className="space-y-3">
        <h2 id="rows-h" className="text-xl font-bold">最近的台账记录</h2>
        {rows.length === 0 ? (
          <p className="card">还没有台账记录。</p>
        ) : (
          <ol className="space-y-2" aria-label="最近的台账记录，新的在前">
            {rows.map((r) => (
              <li key={r.id} className="card space-y-1">
                <p className="font-semibold">
                  {KIND_TEXT[r.kind]} · {formatMoney(r.amountFen)} · {poolName(r.region, r.pool)}
                </p>
                <p className="text-sm text-muted">
                  {formatDateTime(r.createdAt)} · {r.ref}
                  {r.batchRef ? ` · 批次 ${r.batchRef}` : ''}
                  {r.reason ? ` · 原因：${r.reason}` : ''}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
