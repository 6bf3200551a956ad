// The words of the decision notice (决定书), the same on the page and in the PDF: what was decided and paid, in
// one plain sentence first; why, with the governing document by name and every clause in words; and what to do
// when the person disagrees (复核, 行政复议, 行政诉讼), with periods and bodies from the region's settings.
// Pure string work over the notice's data (lib/dal/decision.ts): no database, safe anywhere.
import { citeClause, citeInText, type PolicyDocument } from '@/lib/texts/citation';
import type { TraceRow } from '@/lib/calculator';
import type { ObjectionSettings } from '@/lib/dal/region-settings';
import { formatDate, formatMoney, residentText } from '@/lib/format';

export type NoticeCosts = {
  visits: number;
  /** The kind of the only visit, or null for several. */
  kind: 'inpatient' | 'outpatient' | 'outpatient_special' | null;
  totalFen: number;
  policyFen: number;
  basicFen: number;
  criticalFen: number;
  supplementaryFen: number;
};

export type DecisionNotice = {
  ref: string;
  kind: 'approve' | 'reject';
  region: string;
  /** 上海市市民社区医疗互助帮困计划 (002): a 互助帮困 decision, never headed 医疗救助. */
  mutualAid: boolean;
  document: PolicyDocument;
  applicantName: string;
  regionName: string;
  year: number;
  decidedAt: string;
  amountFen: number | null;
  estimatedFen: number | null;
  adjustmentReason: string | null;
  /** 本年度限额剩余 ¥X，按剩余额度支付: the annual limit left less than computed (recordApproval). */
  limitNote: string | null;
  /** The latest 更正核定金额 after the approval: from which amount, why, when. */
  correction: { previousFen: number | null; reason: string; at: string } | null;
  /** The visits the decision covers (from the application's 就医记录 or the settlement records), when any. */
  costs: NoticeCosts | null;
  trace: TraceRow[];
  reason: string | null;
  clause: string | null;
  message: string | null;
  /** A 免申即享 case (lib/workflow/verbs/direct-award.ts): nobody applied, no bank account was given. */
  direct: boolean;
  objection: ObjectionSettings;
};

/** 医疗救助, or 互助帮困 for the mutual-aid plan. */
export function programmeName(n: DecisionNotice): string {
  return n.mutualAid ? '互助帮困' : '医疗救助';
}

export function noticeTitle(n: DecisionNotice): string {
  if (n.mutualAid) return n.kind === 'approve' ? '互助帮困补助决定书' : '不予互助帮困补助决定书';
  return n.kind === 'approve' ? '医疗救助批准决定书' : '不予医疗救助决定书';
}

/** The office that decided and signs: the region's setting, else a plain description of it. */
export function decidingOffice(n: DecisionNotice): string {
  return n.objection.office?.value ?? (n.mutualAid ? '街道（乡镇）社区事务受理服务中心' : `${n.regionName}医疗救助经办机构`);
}

/** Clause references in a stored text in words: codes ("001 二(一)") and bare clauses after a title ("》二(一)"). */
export function clauseTextInWords(text: string): string {
  const NUM = '一二三四五六七八九十';
  return citeInText(text).replace(
    new RegExp(`([》号])\\s*([${NUM}]+)\\(([${NUM}]+)\\)(\\d*)`, 'gu'),
    (_m, mark: string, part: string, item: string, point: string) => `${mark}第${part}部分（${item}）${point}`,
  );
}

/** The notice's opening sentence. Direct cases say nobody applied and which office decided. */
export function decisionOpening(n: DecisionNotice): string {
  const office = decidingOffice(n);
  if (n.direct) {
    const basis = n.clause ? `，依据${clauseTextInWords(n.clause)}` : '';
    return `${n.applicantName}：这笔医疗救助没有人提出申请。您是已认定的救助对象，按规定不用申请，直接获得医疗救助（免申即享${basis}）。${office}根据医院的医保结算记录，于 ${formatDate(n.decidedAt)} 作出如下决定：`;
  }
  return `申请人 ${n.applicantName}：您 ${n.year} 年度的${programmeName(n)}申请（编号 ${n.ref}），经${office}审核，于 ${formatDate(n.decidedAt)} 作出如下决定：`;
}

/** Where the money goes, after the amount. */
export function decisionPayment(n: DecisionNotice): string {
  return n.direct ? '经办部门会按规定把救助金发放给您。' : '发放到您申请时填写的银行账户。';
}

const VISIT_WORD = { inpatient: '这次住院', outpatient: '这次门诊', outpatient_special: '这次门诊慢特病就医' } as const;

/**
 * The one plain sentence before any detail: 「这次住院花了 ¥56,000.00，医保和大病保险报了 ¥44,600.00，医疗救助再付
 * ¥9,690.00，您自己还需负担 ¥1,710.00。」 Null when the notice has no visits to speak of.
 */
export function plainSummary(n: DecisionNotice): string | null {
  const c = n.costs;
  if (n.kind !== 'approve' || !c || c.visits === 0) return null;
  const paid = n.amountFen ?? 0;
  const insurance = c.basicFen + c.criticalFen + c.supplementaryFen;
  const what = c.kind ? `${VISIT_WORD[c.kind]}花了` : `这 ${c.visits} 次就医共花了`;
  const insurers = c.supplementaryFen > 0 ? '医保、大病保险和其他补充保障' : c.criticalFen > 0 ? '医保和大病保险' : '医保';
  const left = Math.max(0, c.totalFen - insurance - paid);
  const outside = c.totalFen - c.policyFen > 0 ? `（其中医保目录外的 ${formatMoney(c.totalFen - c.policyFen)} ${n.mutualAid ? '按计划的规定计算' : '不属于救助范围'}）` : '';
  const insured = insurance > 0 ? `${insurers}报了 ${formatMoney(insurance)}` : '医保没有支付';
  return `${what} ${formatMoney(c.totalFen)}，${insured}，${programmeName(n)}再付 ${formatMoney(paid)}，您自己还需负担 ${formatMoney(left)}${outside}。`;
}

/** What the detail below the sentence is computed from. */
export function decisionTraceIntro(n: DecisionNotice): string {
  const result = n.estimatedFen !== null ? `，计算结果 ${formatMoney(n.estimatedFen)}` : '';
  return n.direct ? `按医保结算记录和当时的政策参数一步步计算${result}：` : `按提交申请时的政策参数一步步计算${result}：`;
}

/** One calculation step as residents read it: amounts as ¥, clauses in words. */
export function traceLine(t: TraceRow): string {
  return `${residentText(clauseTextInWords(t.text))}${t.source ? `（${citeClause(t.source)}）` : ''}`;
}

/** The governing document by its full name and number, and the clauses the decision used, in words. */
export function decisionBasis(n: DecisionNotice): string {
  const doc = `${n.document.title}${n.document.number ? `（${n.document.number}）` : ''}`;
  const codes = [n.clause ?? '', ...n.trace.map((t) => t.source)]
    .flatMap((s) => s.split('；'))
    .map((s) => s.trim())
    .filter((s) => /^00[0-4] /.test(s));
  const clauses = [...new Set(codes.map((s) => citeClause(s).replace(n.document.shortTitle, '')))].filter((s) => !s.startsWith('《'));
  const used = clauses.length ? `，用到其中的${clauses.join('、')}` : '';
  return `本决定依据${doc}作出${used}。`;
}

/**
 * A refusal's reason and the clause it rests on, in words. One function, so the per-region reasons of
 * lib/workflow/reject-reasons.ts (text and clause stored on the application) slot in however rich they grow.
 */
export function refusalText(n: DecisionNotice): { reason: string; basis: string } {
  return {
    reason: n.reason ?? '（经办机构没有写明原因，请向作出决定的机构询问）',
    basis: n.clause ? clauseTextInWords(n.clause) : '（经办机构没有写明依据的条款，请向作出决定的机构询问）',
  };
}

export type ObjectionRoute = { name: string; text: string };

/**
 * The three ways to object. 复核 is the office's own review, in a period the region sets; 行政复议 and 行政诉讼 are
 * the laws' (60 days: 《中华人民共和国行政复议法》第二十条; 6 months: 《中华人民共和国行政诉讼法》第四十六条), with the
 * 复议机关 and the court as region settings.
 */
export function objectionRoutes(n: DecisionNotice): ObjectionRoute[] {
  const o = n.objection;
  const ask = '（本地区尚未设定，请向作出决定的机构询问）';
  const review = o.reviewDays ? `自收到本决定之日起 ${o.reviewDays.value} 日内（本地区规定的期限），` : `在本地区规定的期限内${ask}，`;
  return [
    { name: '申请复核', text: `${review}向作出本决定的${decidingOffice(n)}申请复核，说明不同意的理由，并附上相关材料。` },
    {
      name: '申请行政复议',
      text: `自收到本决定之日起 60 日内，向${o.reconsiderationBody?.value ?? `行政复议机关${ask}`}申请行政复议（《中华人民共和国行政复议法》第二十条）。`,
    },
    {
      name: '提起行政诉讼',
      text: `自收到本决定之日起 6 个月内，直接向${o.court?.value ?? `有管辖权的人民法院${ask}`}提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。`,
    },
  ];
}

/** The lines after the routes: the hotline, and 演示 when a body or period shown is demo data. */
export function objectionNotes(n: DecisionNotice): string[] {
  const o = n.objection;
  const demo = [o.office, o.reviewDays, o.reconsiderationBody, o.court].some((s) => s?.demo);
  return [
    '三种方式可以任选；有疑问也可以拨打 12345 政务服务便民热线咨询，或在本网站的申请页面查看办理记录。',
    ...(demo ? ['演示：以上机构名称和复核期限是演示数据，不是当地公布的。'] : []),
  ];
}
