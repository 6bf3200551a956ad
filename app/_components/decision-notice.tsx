// The decision notice (决定书) as a printable page: what was decided, the amount and how it was computed,
// the reasons with their clauses, how to object.
import { PrintButton } from '@/app/estimate/_components/print-button';
import { decisionOpening, decisionPayment, decisionTraceIntro, OBJECTION_TEXT, type DecisionNotice } from '@/lib/dal/decision';
import { formatDate, formatMoney } from '@/lib/format';

export function DecisionNoticeView({ n, pdfHref }: { n: DecisionNotice; pdfHref: string }) {
  return (
    <article className="card space-y-4 print:shadow-none" aria-labelledby="notice-title">
      <header className="text-center space-y-1">
        <h1 id="notice-title" className="text-2xl font-bold">
          医疗救助{n.kind === 'approve' ? '批准' : '不予救助'}决定书
        </h1>
        <p className="text-sm">编号 {n.ref}</p>
      </header>
      <p>{decisionOpening(n)}</p>
      {n.kind === 'approve' ? (
        <section className="space-y-2" aria-labelledby="n-amount">
          <h2 id="n-amount" className="text-lg font-bold">一、批准救助</h2>
          <p>
            核定救助金额 <strong className="text-xl" data-testid="notice-amount">{formatMoney(n.amountFen ?? 0)}</strong>，{decisionPayment(n)}
          </p>
          <h3 className="font-bold">金额是怎样算出来的</h3>
          <p className="text-sm">{decisionTraceIntro(n)}</p>
          <ol className="list-decimal pl-5 space-y-1 text-sm">
            {n.trace.map((t, i) => (
              <li key={i}>
                {t.text}
                {t.source ? `（${t.source}）` : ''}
              </li>
            ))}
          </ol>
          {n.adjustmentReason ? (
            <p className="border-l-4 border-warn bg-amber-50 p-3">
              核定金额与计算结果不同，原因：{n.adjustmentReason}
            </p>
          ) : null}
          {n.limitNote ? <p className="border-l-4 border-warn bg-amber-50 p-3" data-testid="limit-note">{n.limitNote}。</p> : null}
          {n.correction ? (
            <p className="border-l-4 border-warn bg-amber-50 p-3">
              {formatDate(n.correction.at)} 更正了核定金额{n.correction.previousFen !== null ? `（原为 ${formatMoney(n.correction.previousFen)}）` : ''}，更正后为 {formatMoney(n.amountFen ?? 0)}。原因：{n.correction.reason}
            </p>
          ) : null}
        </section>
      ) : (
        <section className="space-y-2" aria-labelledby="n-reason">
          <h2 id="n-reason" className="text-lg font-bold">一、不予救助</h2>
          <p>原因：{n.reason}</p>
          <p>依据：{n.clause}</p>
        </section>
      )}
      {n.message && n.kind === 'approve' ? <p>说明：{n.message}</p> : null}
      <section className="space-y-1" aria-labelledby="n-object">
        <h2 id="n-object" className="text-lg font-bold">二、如有异议（复核）</h2>
        {OBJECTION_TEXT.map((t) => (
          <p key={t}>{t}</p>
        ))}
      </section>
      <p className="text-right">
        {n.regionName} 医疗救助经办机构
        <br />
        {formatDate(n.decidedAt)}
      </p>
      <p className="no-print flex flex-wrap gap-2">
        <a className="btn btn-primary" href={pdfHref}>下载 PDF</a>
        <PrintButton />
      </p>
    </article>
  );
}
