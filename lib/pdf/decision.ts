import 'server-only';
// The decision notice as a PDF (./setup.ts). The printable HTML page (print CSS) stays the primary form; the PDF
// says the same, from the same sentences (lib/texts/decision.ts).
import {
  decidingOffice,
  decisionBasis,
  decisionOpening,
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
import { pdfAvailable, renderPdf } from '@/lib/pdf/setup';

export function decisionPdf(n: DecisionNotice): Promise<Buffer> {
  return renderPdf({ title: `${noticeTitle(n)} ${n.ref}`, author: decidingOffice(n) }, (doc) => {
    doc.fontSize(18).text(noticeTitle(n), { align: 'center' });
    doc.fontSize(10).text(`编号 ${n.ref}`, { align: 'center' }).moveDown();
    doc.fontSize(11).text(decisionOpening(n)).moveDown();
    if (n.kind === 'approve') {
      doc.fontSize(13).text(`一、决定给予${programmeName(n)}`);
      doc.fontSize(11).text(`核定${programmeName(n)}金额 ${formatMoney(n.amountFen ?? 0)}，${decisionPayment(n)}`);
      const summary = plainSummary(n);
      if (summary) doc.moveDown(0.5).text(summary);
      if (n.adjustmentReason) doc.moveDown(0.5).fontSize(11).text(`核定金额与计算结果不同，原因：${n.adjustmentReason}`);
      if (n.limitNote) doc.moveDown(0.5).fontSize(11).text(`${n.limitNote}。`);
      if (n.correction) doc.moveDown(0.5).fontSize(11).text(`${formatDate(n.correction.at)} 更正了核定金额${n.correction.previousFen !== null ? `（原为 ${formatMoney(n.correction.previousFen)}）` : ''}，更正后为 ${formatMoney(n.amountFen ?? 0)}。原因：${n.correction.reason}`);
      if (n.trace.length) {
        doc.moveDown(0.5).fontSize(11).text(`金额是怎样算出来的：${decisionTraceIntro(n)}`);
        n.trace.forEach((t, i) => doc.fontSize(10).text(`${i + 1}. ${traceLine(t)}`, { indent: 12 }));
      }
      if (n.message) doc.moveDown(0.5).fontSize(11).text(`说明：${n.message}`);
    } else {
      const r = refusalText(n);
      doc.fontSize(13).text(`一、决定不予${programmeName(n)}`);
      doc.fontSize(11).text(`原因：${r.reason}`).text(`依据：${r.basis}`);
    }
    doc.moveDown().fontSize(13).text('二、依据的文件');
    doc.fontSize(11).text(decisionBasis(n));
    doc.moveDown().fontSize(13).text('三、如果不同意这个决定');
    objectionRoutes(n).forEach((r, i) => doc.fontSize(11).text(`${i + 1}. ${r.name}：${r.text}`));
    for (const t of objectionNotes(n)) doc.fontSize(10).text(t);
    doc.moveDown(2).fontSize(11).text(decidingOffice(n), { align: 'right' }).text(formatDate(n.decidedAt), { align: 'right' });
  });
}

/** The PDF as a response (or why not: a server without the font still has the printable page). */
export async function decisionPdfResponse(n: DecisionNotice | null): Promise<Response> {
  if (!n) return new Response('没有找到这份决定书。', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (!pdfAvailable()) return new Response('暂时无法生成 PDF，请在决定书页面用浏览器“打印”保存为 PDF。', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const bytes = await decisionPdf(n);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`决定书-${n.ref}.pdf`)}`,
      'cache-control': 'private, no-store',
    },
  });
}
