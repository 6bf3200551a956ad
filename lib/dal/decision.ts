import 'server-only';
import { openEpisode, openName } from '@/lib/personal/records';
// The decision notice (决定书) of an approved, paid or rejected application, for whoever may see the
// application (the applicant, their proxy, staff of the region); staff reads are audited as views.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { regionInfo, type RegionCode } from '@/lib/calculator';
import { loadApplication } from '@/lib/dal/access';
import type { EstimateSnapshot } from '@/lib/dal/applications';
import { writeAudit } from '@/lib/dal/audit';
import type { SessionUser } from '@/lib/dal/users';
import { regionDocument } from '@/lib/texts/citation';
import { objectionSettings } from '@/lib/dal/region-settings';
import type { DecisionNotice, NoticeCosts } from '@/lib/texts/decision';
import { maskName } from '@/lib/format';
import { q, schema } from '@/lib/store/db';

export type { DecisionNotice } from '@/lib/texts/decision';

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
  const visits = (await q((db) => db.select().from(schema.episodes).where(eq(schema.episodes.applicationId, app.id)).orderBy(asc(schema.episodes.seq)))).map(openEpisode);
  const costs: NoticeCosts | null = visits.length
    ? {
        visits: visits.length,
        kind: visits.length === 1 ? visits[0]!.kind : null,
        totalFen: sum(visits.map((v) => v.totalFen)),
        policyFen: sum(visits.map((v) => v.policyFen)),
        basicFen: sum(visits.map((v) => v.basicPaidFen)),
        criticalFen: sum(visits.map((v) => v.criticalPaidFen)),
        supplementaryFen: sum(visits.map((v) => v.supplementaryPaidFen)),
      }
    : null;
  const data = (event.data ?? {}) as { amountFen?: number; adjustmentReason?: string; clause?: string; limitNote?: string | null };
  const snapshot = app.estimateSnapshot as EstimateSnapshot | null;
  const kind = event.type === 'reject' ? 'reject' : 'approve';
  const direct = event.type === 'direct_award';
  return {
    ref: app.ref,
    kind,
    region: app.region,
    mutualAid: app.region === 'shanghai-mutual-aid',
    document: regionDocument(app.region as RegionCode),
    // The person and the proxies loadApplication let through ('view') read the name in full; staff masked.
    applicantName: person ? (actor.role === 'resident' ? openName(person.nameEnc) : maskName(openName(person.nameEnc))) : '—',
    regionName: regionInfo(app.region as RegionCode).nameZh,
    year: app.year,
    decidedAt: event.createdAt,
    amountFen: kind === 'approve' ? (corrected?.amountFen ?? data.amountFen ?? app.decidedAmountFen) : null,
    estimatedFen: app.estimatedFen,
    adjustmentReason: data.adjustmentReason ?? null,
    limitNote: kind === 'approve' ? (data.limitNote ?? null) : null,
    correction: latestCorrection ? { previousFen: corrected?.previousFen ?? null, reason: corrected?.adjustmentReason ?? latestCorrection.message ?? '', at: latestCorrection.createdAt } : null,
    costs,
    trace: kind === 'approve' ? (snapshot?.result.trace ?? []) : [],
    reason: kind === 'reject' ? app.decisionReason : null,
    clause: kind === 'reject' || direct ? app.decisionClause : null,
    message: direct ? null : event.message,
    direct,
    objection: await objectionSettings(app.region),
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
