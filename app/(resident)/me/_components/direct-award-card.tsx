// 免申即享 on the resident's page: a case created for them without an application, with the amount and how it was computed.
import Link from 'next/link';
import { TraceList } from '@/app/_components/trace-list';
import { CATEGORY_TEXT } from '@/lib/calculator/categories';
import { citeClause } from '@/lib/texts/citation';
import type { DirectCase } from '@/lib/dal/settlements';
import { formatDate, formatMoney } from '@/lib/format';
import { DIRECT_AWARD_NEXT, STATUS_TEXT } from '@/lib/workflow/states';

export function DirectAwardCard({ c }: { c: DirectCase }) {
  const award = c.snapshot.award;
  const result = c.snapshot.result;
  const fresh = new Set(award.newSettlementNos);
  return (
    <article className="card space-y-2 border-l-4 border-ok" data-testid="direct-award" aria-labelledby={`da-${c.ref}`}>
      <h3 id={`da-${c.ref}`} className="text-lg font-bold">
        已为您直接办理：{formatMoney(c.amountFen)}
      </h3>
      <p>
        您是已认定的{award.categories.map((code) => CATEGORY_TEXT[code].nameZh).join('、')}，按规定不用申请，直接获得医疗救助（{citeClause(award.clause ?? c.clause)}）。我们根据医保结算记录为您算好了 {c.year} 年的救助金额。
      </p>
      <p className="font-semibold">
        {STATUS_TEXT[c.status as 'approved' | 'paid'].label} · 编号{' '}
        <Link href={`/applications/${c.ref}`} className="link">
          {c.ref}
        </Link>
        {c.decidedAt ? ` · ${formatDate(c.decidedAt)}` : ''}
      </p>
      <p className="text-sm">{c.status === 'paid' ? STATUS_TEXT.paid.next : DIRECT_AWARD_NEXT}</p>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">按每次就医计算</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-2">结算单号</th>
            <th scope="col">医保支付后自付</th>
            <th scope="col">救助</th>
          </tr>
        </thead>
        <tbody>
          {result.episodes
            .filter((e) => fresh.has(e.id))
            .map((e) => (
              <tr key={e.id}>
                <td className="break-all pr-2">{e.id}</td>
                <td>{formatMoney(e.selfPayPolicyFen)}</td>
                <td>{formatMoney(e.assistanceFen)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      {award.earlierFen > 0 || (award.hospitalPaidFen ?? 0) > 0 ? (
        <p className="text-sm">
          {c.year} 年全年应救助 {formatMoney(award.yearTotalFen)}
          {award.hospitalPaidFen ? `，医院结算时已支付 ${formatMoney(award.hospitalPaidFen)}` : ''}
          {award.earlierFen ? `，此前已办理 ${formatMoney(award.earlierFen)}` : ''}，这次补足 {formatMoney(c.amountFen)}。
        </p>
      ) : null}
      {award.limitNote ? <p className="text-sm font-semibold">{award.limitNote}。</p> : null}
      <details>
        <summary className="link inline-flex min-h-11 cursor-pointer items-center">怎么算出来的</summary>
        <TraceList rows={result.trace} />
      </details>
    </article>
  );
}
