import 'server-only';
import { openName } from '@/lib/personal-data';
// The decision notice (决定书) of an approved, paid or rejected application, for whoever may see the
// application (the applicant, their proxy, staff of the region); staff reads are audited as views.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { regionInfo, type RegionCode, type TraceRow } from '@/lib/calculator';
import { loadApplication } from '@/lib/dal/access';
import type { EstimateSnapshot } from '@/lib/dal/applications';
import { writeAudit } from '@/lib/dal/audit';
import type { SessionUser } from '@/lib/dal/users';
import { citeClause } from '@/lib/check/citation';
import { formatDate, formatMoney, maskName } from '@/lib/format';
import { q, schema } from '@/lib/store/db';

export type DecisionNotice = {
  ref: string;
  kind: 'approve' | 'reject';
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
  trace: TraceRow[];
  reason: string | null;
  clause: string | null;
  message: string | null;
  /** A 免申即享 case (lib/workflow/verbs/direct-award.ts): nobody applied, no bank account was given. */
  direct: boolean;
};

/** The notice's opening sentence (page and PDF alike). */
export function decisionOpening(n: DecisionNotice): string {
  if (n.direct) {
    return `${n.applicantName}：您是已认定的救助对象，按规定不用申请，直接获得医疗救助（${n.clause ? citeClause(n.clause) : ''}）。${n.regionName} 医疗救助经办机构根据医保结算记录，于 ${formatDate(n.decidedAt)} 作出如下决定：`;
  }
  return `申请人 ${n.applicantName}：您于 ${n.year} 年度提交的医疗救助申请（编号 ${n.ref}），经 ${n.regionName} 医疗救助经办机构审核，于 ${formatDate(n.decidedAt)} 作出如下决定：`;
}

/** Where the money goes, after the amount. */
export function decisionPayment(n: DecisionNotice): string {
  return n.direct ? '经办部门会按规定把救助金发放给您。' : '发放到您申请时填写的银行账户。';
}

/** What the trace below is computed from. */
export function decisionTraceIntro(n: DecisionNotice): string {
  const result = n.estimatedFen !== null ? `，计算结果 ${formatMoney(n.estimatedFen)}` : '';
  return n.direct ? `以下为按医保结算记录和当时政策参数的计算过程${result}：` : `以下为提交申请时按当时政策参数的计算过程${result}：`;
}

export async function decisionNotice(actor: SessionUser, ref: string, ip?: string | null): Promise<DecisionNotice | null> {
  const app = await loadApplication(actor, { ref }, 'view');
  if (!app || !['approved', 'paid', 'rejected'].includes(app.status) || !app.ref) return null;
  const e = schema.events;
  const decisive = await q((db) =>
    db.select().from(e).where(and(eq(e.applicationId, app.id), inArray(e.type, ['approve', 'reject', 'direct_award', 'correct_amount']))).orderBy(desc(e.createdAt)),
  );
  const event = decisive.find((x) => x.type !== 'correct_amount');
  if (!event) return null;
  const latestCorrection = decisive[0]?.type === 'correct_amount' && event.type !== 'reject' ? decisive[0] : null;
  const corrected = (latestCorrection?.data ?? null) as { amountFen?: number; previousFen?: number | null; adjustmentReason?: string } | null;
  const [person] = app.personId ? await q((db) => db.select({ nameEnc: schema.persons.nameEnc }).from(schema.persons).where(eq(schema.persons.id, app.personId!))) : [];
  if (actor.role !== 'resident') {
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'application.view', entity: 'application', entityId: app.id, ip, summary: { ref, view: 'decision' } });
  }
  const data = (event.data ?? {}) as { amountFen?: number; adjustmentReason?: string; clause?: string; limitNote?: string | null };
  const snapshot = app.estimateSnapshot as EstimateSnapshot | null;
  const kind = event.type === 'reject' ? 'reject' : 'approve';
  const direct = event.type === 'direct_award';
  return {
    ref: app.ref,
    kind,
    applicantName: person ? maskName(openName(person.nameEnc)) : '—',
    regionName: regionInfo(app.region as RegionCode).nameZh,
    year: app.year,
    decidedAt: event.createdAt,
    amountFen: kind === 'approve' ? (corrected?.amountFen ?? data.amountFen ?? app.decidedAmountFen) : null,
    estimatedFen: app.estimatedFen,
    adjustmentReason: data.adjustmentReason ?? null,
    limitNote: kind === 'approve' ? (data.limitNote ?? null) : null,
    correction: latestCorrection ? { previousFen: corrected?.previousFen ?? null, reason: corrected?.adjustmentReason ?? latestCorrection.message ?? '', at: latestCorrection.createdAt } : null,
    trace: kind === 'approve' ? (snapshot?.result.trace ?? []) : [],
    reason: kind === 'reject' ? app.decisionReason : null,
    clause: kind === 'reject' || direct ? app.decisionClause : null,
    message: direct ? null : event.message,
    direct,
  };
}

/** How to object, the same on the page and in the PDF. */
export const OBJECTION_TEXT = [
  '如对本决定有异议，可以自收到本决定之日起，向受理您申请的经办窗口提出复核申请，说明理由并附上相关材料。',
  '也可以拨打 12345 政务服务便民热线反映，或在本网站的申请页面查看办理记录。',
];
