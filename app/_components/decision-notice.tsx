// The decision notice (决定书) as a printable page: what was decided and paid in one plain sentence, the
// calculation folded below it, the document and clauses in words, and the three ways to object. Every sentence
// comes from lib/texts/decision.ts, which the PDF uses too.
import { PrintButton } from '@/app/estimate/_components/print-button';
import {
  decisionBasis,
  decisionOpening,
  decidingOffice,
  decisionPayment,
  decisionTraceIntro,
  noticeTitle,
  objectionNotes,
  objectionRoutes,
  plainSummary,
  programmeName,
  refusalText,
  traceLine,
  type DecisionNotice,
} from '@/lib/texts/decision';
import { formatDate, formatMoney } from '@/lib/format';

export function DecisionNoticeView({ n, pdfHref }: { n: DecisionNotice; pdfHref: string }) {
  const summary = plainSummary(n);
  const refusal = n.kind === 'reject' ? refusalText(n) : null;
  return (
    <article className="card space-y-4 print:shadow-none" aria-labelledby="notice-title">
      <header className="text-center space-y-1">
        <h1 id="notice-title" className="text-2xl font-bold">
          {noticeTitle(n)}
        </h1>
        <p className="text-sm">编号 {n.ref}</p>
      </header>
      <p>{decisionOpening(n)}</p>
      {n.kind === 'approve' ? (
        <section className="space-y-2" aria-labelledby="n-amount">
          <h2 id="n-amount" className="text-lg font-bold">一、决定给予{programmeName(n)}</h2>
          <p>
            核定{programmeName(n)}金额 <strong className="text-xl" data-testid="notice-amount">{formatMoney(n.amountFen ?? 0)}</strong>，{decisionPayment(n)}
          </p>
          {summary ? (
            <p className="border-l-4 border-brand bg-brand-light p-3 font-semibold" data-testid="notice-summary">
              {summary}
            </p>
          ) : null}
          {n.adjustmentReason ? (
            <p className="border-l-4 border-warn bg-amber-50 p-3">核定金额与计算结果不同，原因：{n.adjustmentReason}</p>
          ) : null}
          {n.limitNote ? <p className="border-l-4 border-warn bg-amber-50 p-3" data-testid="limit-note">{n.limitNote}。</p> : null}
          {n.correction ? (
            <p className="border-l-4 border-warn bg-amber-50 p-3">
              {formatDate(n.correction.at)} 更正了核定金额{n.correction.previousFen !== null ? `（原为 ${formatMoney(n.correction.previousFen)}）` : ''}，更正后为 {formatMoney(n.amountFen ?? 0)}。原因：{n.correction.reason}
            </p>
          ) : null}
          {n.trace.length > 0 ? (
            <details>
              <summary className="link inline-flex min-h-11 items-center font-semibold">金额是怎样算出来的（{n.trace.length} 步）</summary>
              <p className="text-sm">{decisionTraceIntro(n)}</p>
              <ol className="list-decimal pl-5 space-y-1 text-sm" data-testid="notice-trace">
                {n.trace.map((t, i) => (
                  <li key={i}>{traceLine(t)}</li>
                ))}
              </ol>
            </details>
          ) : null}
        </section>
      ) : (
        <section className="space-y-2" aria-labelledby="n-reason">
          <h2 id="n-reason" className="text-lg font-bold">一、决定不予{programmeName(n)}</h2>
          <p>原因：{refusal!.reason}</p>
          <p>依据：{refusal!.basis}</p>
        </section>
      )}
      {n.message && n.kind === 'approve' ? <p>说明：{n.message}</p> : null}
      <section className="space-y-1" aria-labelledby="n-basis">
        <h2 id="n-basis" className="text-lg font-bold">二、依据的文件</h2>
        <p data-testid="notice-basis">{decisionBasis(n)}</p>
      </section>
      <section className="space-y-2" aria-labelledby="n-object">
        <h2 id="n-object" className="text-lg font-bold">三、如果不同意这个决定</h2>
        <ol className="space-y-2" data-testid="notice-objection">
          {objectionRoutes(n).map((r) => (
            <li key={r.name}>
              <strong>{r.name}：</strong>
              {r.text}
            </li>
          ))}
        </ol>
        {objectionNotes(n).map((t) => (
          <p key={t} className="text-sm">
            {t}
          </p>
        ))}
      </section>
      <p className="text-right" data-testid="notice-office">
        {decidingOffice(n)}
        <br />
        {formatDate(n.decidedAt)}
      </p>
      <p className="no-print flex flex-wrap gap-2">
        <a className="btn btn-primary" href={pdfHref}>
          下载 PDF
        </a>
        <PrintButton />
      </p>
    </article>
  );
}
