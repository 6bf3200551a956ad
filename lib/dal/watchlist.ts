import 'server-only';
// 因病致贫预警 (000 二(三); 003 五(七) 强化高额医疗费用支出预警监测) and 慈善推介 (000 二(四)1, Shanghai only): people
// whose own payments in the last 12 months (out-of-catalogue included), less assistance, reach the region's warning
// line (lib/office/watch-params.ts). Settlement rows of people with no record are screened too (政策找人): they become
// leads with the hospitals and amounts, from which a clerk opens a person record. The mutual-aid plan has no list.
// One entry per person, region and month (`period`): a refresh in the same month updates it, never adds another.
import { and, asc, desc, eq, exists, gte, inArray, isNotNull, isNull, lte, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { isRegionCode, regionInfo } from '@/lib/calculator';
import type { WatchLeadStatus, WatchlistStatus } from '@/db/schema-shared';
import { writeAudit } from '@/lib/dal/audit';
import { parametersOnDate } from '@/lib/dal/parameters';
import type { SessionUser } from '@/lib/dal/users';
import { formatMoney, todayInShanghai } from '@/lib/format';
import { enqueue } from '@/lib/jobs/queue';
import { JobFailure, type JobContext } from '@/lib/jobs/runner';
import { openName, sealName } from '@/lib/personal/records';
import { notFound, refuse, type Result } from '@/lib/result';
import { q, schema, transaction, type Db } from '@/lib/store/db';
import { staffAreaWhere } from '@/lib/dal/access';

import { decryptJson, encrypt, encryptJson, lookupHash } from '@/lib/personal/crypto';
import type { Visit } from '@/lib/personal/records';
import { overLine, warningLine, WATCH_PARAMS, type LineParams, type WarningLine } from '@/lib/office/watch-params';
import { ACTING_STAFF, STAFF } from '@/lib/auth/roles';

export { WATCH_PARAMS };

export const WATCH_STAFF = STAFF;
export const WATCH_ACTORS = ACTING_STAFF;

export const WATCH_STATUS_TEXT: Record<WatchlistStatus, string> = { open: '待跟进', contacted: '已联系', referred: '已推介慈善组织', assisted: '已救助', closed: '已结束' };

/** Months back: the 12 months ending on `today` (000 四: 申请救助之月前12个月内). */
export function windowOf(today: string): { from: string; to: string; period: string } {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return { from: d.toISOString().slice(0, 10), to: today, period: today.slice(0, 7) };
}

// Submission times are UTC; the window's days are Shanghai days.
const shanghaiStart = (day: string) => new Date(`${day}T00:00:00.000+08:00`).toISOString();
const shanghaiEnd = (day: string) => new Date(`${day}T23:59:59.999+08:00`).toISOString();

/** Listed when burden × 100 ≥ share × income (whole fen, no rounding). */
export function overThreshold(burdenFen: number, incomeFen: number, sharePercent: number): boolean {
  return incomeFen > 0 && burdenFen * 100 >= sharePercent * incomeFen;
}

/** One visit as a lead shows it: where, when, what it cost and what the person paid. */
export type LeadVisit = { hospitalName: string | null; date: string; endDate: string | null; kind: Visit['kind']; totalFen: number; paidFen: number };

export type Burden = {
  /** The person record, or null for 政策找人 (no record: `hmac` is the 身份证号's keyed hash). */
  personId: string | null; hmac: string | null;
  paidFen: number; settlements: number; applications: number; assistedFen: number; burdenFen: number; visits: LeadVisit[];
};

/** What the person paid for one visit: total cost less every insurance payment and the hospital's assistance (000 四 "由个人实际负担"). */
export function paidOnVisit(v: Pick<Visit, 'totalFen' | 'basicPaidFen' | 'criticalPaidFen' | 'supplementaryPaidFen'>, assistancePaidFen: number): number {
  return Math.max(0, v.totalFen - v.basicPaidFen - v.criticalPaidFen - v.supplementaryPaidFen - assistancePaidFen);
}

type Snapshot = { result?: { totals?: { selfPayPolicyFen?: number; outOfPocketFen?: number; assistanceFen?: number; tiltFen?: number } } } | null;
/** An application's own estimate of what was paid before assistance: out of pocket + the estimated assistance (out-of-catalogue included). */
function paidInSnapshot(snap: Snapshot): number {
  const t = snap?.result?.totals;
  if (!t) return 0;
  if (typeof t.outOfPocketFen === 'number') return t.outOfPocketFen + (t.assistanceFen ?? 0) + (t.tiltFen ?? 0);
  return t.selfPayPolicyFen ?? 0;
}

/**
 * Each person's burden in the window: what they paid on the settlement rows (or, without rows, what their
 * applications' estimates found), less assistance decided. Rows of a 身份证号 with no person record are grouped
 * by its keyed hash (政策找人).
 */
async function burdens(region: string, from: string, to: string): Promise<Burden[]> {
  const s = schema.settlements;
  const rows = await q((db) =>
    db
      .select({ personId: s.personId, hmac: s.idNumberHmac, dataEnc: s.dataEnc, aid: s.assistancePaidFen })
      .from(s)
      .where(and(eq(s.region, region), gte(s.date, from), lte(s.date, to))),
  );
  // A record made since the rows were imported (at the counter, from a lead) counts them as that person's.
  const unmatched = [...new Set(rows.filter((r) => !r.personId).map((r) => r.hmac))];
  const madeSince = new Map<string, string>();
  for (let i = 0; i < unmatched.length; i += 1000) {
    const part = unmatched.slice(i, i + 1000);
    const found = await q((db) => db.select({ id: schema.persons.id, hmac: schema.persons.idNumberHmac }).from(schema.persons).where(inArray(schema.persons.idNumberHmac, part)));
    for (const f of found) madeSince.set(f.hmac!, f.id);
  }
  const out = new Map<string, Burden>();
  const get = (personId: string | null, hmac: string | null) => {
    const key = personId ?? `h:${hmac}`;
    return out.get(key) ?? out.set(key, { personId, hmac: personId ? null : hmac, paidFen: 0, settlements: 0, applications: 0, assistedFen: 0, burdenFen: 0, visits: [] }).get(key)!;
  };
  for (const r of rows) {
    const v = decryptJson<Visit>(r.dataEnc);
    const b = get(r.personId ?? madeSince.get(r.hmac) ?? null, r.hmac);
    const paidFen = paidOnVisit(v, r.aid);
    b.paidFen += paidFen;
    b.settlements++;
    b.visits.push({ hospitalName: v.hospitalName, date: v.date, endDate: v.endDate, kind: v.kind, totalFen: v.totalFen, paidFen });
  }
  const t = schema.applications;
  const apps = await q((db) =>
    db
      .select({ personId: t.personId, status: t.status, snapshot: t.estimateSnapshot, decided: t.decidedAmountFen, key: t.idempotencyKey })
      .from(t)
      .where(and(eq(t.region, region), isNotNull(t.personId), notInArray(t.status, ['draft', 'withdrawn', 'transferred']), gte(t.submittedAt, shanghaiStart(from)), lte(t.submittedAt, shanghaiEnd(to)))),
  );
  for (const a of apps) {
    const had = out.get(a.personId!);
    const b = get(a.personId!, null);
    const direct = a.key?.startsWith('direct:') ?? false;
    // A person with imported settlements: those are the visits; an application's own estimate would count them twice.
    if (!direct) {
      b.applications++;
      if (!had?.settlements) b.paidFen += paidInSnapshot(a.snapshot as Snapshot);
    }
    if (a.status === 'approved' || a.status === 'paid') b.assistedFen += a.decided ?? 0;
  }
  for (const b of out.values()) b.burdenFen = Math.max(0, b.paidFen - b.assistedFen);
  return [...out.values()];
}

export type RefreshOutcome = {
  period: string; looked: number; listed: number; added: number; updated: number; notices: number; leads: number; line: string;
  /** Kept by outcomes stored before the per-region line (read back on the job page). */
  incomeFen?: number; sharePercent?: number;
};

/** The parameters the region's line reads, as on `today`. */
async function lineParams(region: string, today: string): Promise<LineParams> {
  const all = await parametersOnDate(region, today);
  const names = [WATCH_PARAMS.share.name, WATCH_PARAMS.income.name, WATCH_PARAMS.perCapita.name, 'monitoringStandardFen'];
  return Object.fromEntries(names.flatMap((n) => (all[n] ? [[n, { value: all[n]!.value, source: all[n]!.source, demo: Boolean(all[n]!.demo) }]] : [])));
}

/** The region's line today, for the page (what the list is measured against, or what is missing). */
export async function regionWarningLine(region: string, today = todayInShanghai()): Promise<WarningLine> {
  return warningLine(region, await lineParams(region, today));
}

function reasonOf(b: Burden, w: { from: string; to: string }, line: Extract<WarningLine, { kind: 'line' }>): string {
  const seen = b.personId ? `结算记录 ${b.settlements} 笔、申请 ${b.applications} 份` : `结算记录 ${b.settlements} 笔，没有个人档案`;
  return (
    `近12个月（${w.from} 至 ${w.to}）经基本医保、大病保险等支付后，个人实际负担的医疗费用（含目录外费用）${formatMoney(b.paidFen)}` +
    `（${seen}），已获医疗救助 ${formatMoney(b.assistedFen)}，个人仍负担 ${formatMoney(b.burdenFen)}，达到预警线：${line.text}。`
  );
}

/** The refresh job (on demand from the page, and nightly from the worker). */
export async function runWatchlistRefresh(ctx: JobContext): Promise<RefreshOutcome> {
  const region = ctx.job.region;
  const today = todayInShanghai();
  const line = warningLine(region, await lineParams(region, today));
  if (line.kind === 'none') throw new JobFailure(line.text);
  if (line.kind === 'missing') throw new JobFailure(`${line.text}请管理员在参数设定中按本地监测标准设定后重试。`);
  const w = windowOf(today);
  const list = await burdens(region, w.from, w.to);
  await ctx.progress(0, list.length);
  const out: RefreshOutcome = { period: w.period, looked: list.length, listed: 0, added: 0, updated: 0, notices: 0, leads: 0, line: line.text };
  const wl = schema.watchlist;
  const wd = schema.watchLeads;
  let done = 0;
  for (const b of list) {
    done++;
    if (overLine(b.burdenFen, line)) {
      const reason = reasonOf(b, w, line);
      const now = new Date().toISOString();
      if (!b.personId) {
        // 政策找人: no record to list, so a lead a clerk can open one from.
        out.leads++;
        const detailEnc = encryptJson(b.visits.sort((x, y) => x.date.localeCompare(y.date)).slice(-20));
        await transaction(async (db) => {
          const [added] = await db.insert(wd).values({ region, period: w.period, idNumberHmac: b.hmac!, reason, burdenFen: b.burdenFen, detailEnc, createdAt: now, updatedAt: now }).onConflictDoNothing({ target: [wd.idNumberHmac, wd.region, wd.period] }).returning({ id: wd.id });
          if (added) await writeAudit({ actorUserId: null, actorRole: 'system', action: 'watch_lead.add', entity: 'watch_lead', entityId: added.id, summary: { period: w.period, burdenFen: b.burdenFen, jobId: ctx.job.id } });
          else await db.update(wd).set({ reason, burdenFen: b.burdenFen, detailEnc, updatedAt: now }).where(and(eq(wd.idNumberHmac, b.hmac!), eq(wd.region, region), eq(wd.period, w.period), eq(wd.status, 'open')));
        });
        continue;
      }
      out.listed++;
      const personId = b.personId;
      await transaction(async (db) => {
        const [added] = await db
          .insert(wl)
          .values({ personId, region, period: w.period, reason, burdenFen: b.burdenFen, incomeFen: line.basisFen, createdAt: now, updatedAt: now })
          .onConflictDoNothing({ target: [wl.personId, wl.region, wl.period] })
          .returning({ id: wl.id });
        if (added) {
          out.added++;
          if (await noticeResident(personId, region, added.id, now)) out.notices++;
          await writeAudit({ actorUserId: null, actorRole: 'system', action: 'watchlist.add', entity: 'watchlist', entityId: added.id, summary: { period: w.period, burdenFen: b.burdenFen, jobId: ctx.job.id } });
        } else {
          await db.update(wl).set({ reason, burdenFen: b.burdenFen, incomeFen: line.basisFen, updatedAt: now }).where(and(eq(wl.personId, personId), eq(wl.region, region), eq(wl.period, w.period)));
          out.updated++;
        }
      });
    }
    if (done % 100 === 0) await ctx.progress(done);
  }
  return out;
}

/**
 * What the person may seek, naming only statuses the region's document has (000 二(一), 001 二(一), 003 二(一),
 * 004 二(一)); the charity referral only where 000 二(四)1 provides it (Shanghai), elsewhere 其他帮扶.
 */
export const WATCH_NOTICE_STATUSES: Record<string, string> = {
  shanghai: '低收入困难家庭或支出型贫困家庭',
  wuxi: '低保边缘家庭或支出型困难家庭中的大重病患者',
  national: '低保边缘家庭或因病致贫重病患者',
  'chongqing-shapingba': '低保边缘家庭或因病致贫重病患者',
};

export function watchNoticeBody(region: string): string {
  const doc = isRegionCode(region) ? `《${regionInfo(region).document.titleZh}》` : '当地医疗救助政策';
  const help = region === 'shanghai' ? '工作人员可能会联系您，了解情况，并可以把您推荐给慈善组织帮扶。' : '工作人员可能会联系您，了解情况，帮您找其他帮扶。';
  return (
    `根据近12个月的就医结算记录，您自己负担的医疗费用较重。按照${doc}，您可以：` +
    `一、向户籍所在地街道（乡镇）申请认定${WATCH_NOTICE_STATUSES[region] ?? '医疗救助对象'}，认定后可以申请医疗救助；` +
    '二、生活有困难的，可以申请临时救助；' +
    `三、${help}您也可以在本网站直接提出医疗救助申请。`
  );
}

/** What the person may apply for, in words (documents by name), into their inbox if they have an account. */
async function noticeResident(personId: string, region: string, entryId: string, now: string): Promise<boolean> {
  const [user] = await q((db) => db.select({ id: schema.users.id }).from(schema.users).where(and(eq(schema.users.personId, personId), eq(schema.users.role, 'resident'))));
  if (!user) return false;
  await q((db) => db.insert(schema.notifications).values({ userId: user.id, title: '您可能可以申请更多帮助', body: watchNoticeBody(region), createdAt: now }));
  await q((db) => db.update(schema.watchlist).set({ noticeSentAt: now }).where(eq(schema.watchlist.id, entryId)));
  return true;
}

/** Queues a refresh of the actor's region (the page's button); one per minute at most. */
export async function requestWatchlistRefresh(actor: SessionUser, ctx: { ip?: string | null; now?: Date } = {}): Promise<Result<{ jobId: string }>> {
  if (!(WATCH_ACTORS as readonly string[]).includes(actor.role) || !actor.region) return refuse('forbidden', '只有本地区的受理员、审核员和管理员可以刷新预警名单。');
  const none = warningLine(actor.region, {});
  if (none.kind === 'none') return refuse('invalid', none.text);
  const now = ctx.now ?? new Date();
  return transaction(async () => {
    const job = await enqueue({ kind: 'watchlist_refresh', region: actor.region!, title: '刷新因病致贫预警名单', createdByUserId: actor.id, dedupeKey: `watch:${actor.region}:${now.toISOString().slice(0, 16)}` }, now);
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'watchlist.refresh', entity: 'job', entityId: job.id, ip: ctx.ip });
    return { ok: true as const, jobId: job.id };
  });
}

/** The nightly refresh of every region (the worker calls this; the key makes it once a day whatever the number of workers). */
export async function enqueueNightlyRefresh(regions: readonly string[], today: string): Promise<void> {
  for (const region of regions) if (warningLine(region, {}).kind !== 'none') await enqueue({ kind: 'watchlist_refresh', region, title: `每晚刷新因病致贫预警名单（${today}）`, dedupeKey: `watch-nightly:${region}:${today}` });
}

export type WatchEntry = { id: string; name: string; period: string; reason: string; burdenFen: number; status: WatchlistStatus; charityReferral: string | null; notes: string | null; noticeSentAt: string | null; updatedAt: string };

/**
 * An entry of the actor's area: its region, and for staff of a district a person with a case there (a person has
 * no district of their own; the same reading as personOfStaffArea).
 */
function entryInArea(db: Db, actor: SessionUser): SQL {
  const wl = schema.watchlist;
  const t = schema.applications;
  if (!actor.district) return eq(wl.region, actor.region ?? '');
  const cases = db.select({ one: sql`1` }).from(t).where(and(eq(t.personId, wl.personId), staffAreaWhere(actor, t.region, t.district), ne(t.status, 'draft')));
  return and(eq(wl.region, actor.region ?? ''), exists(cases))!;
}

/** The area's list, open ones first; viewing is audited. */
export async function watchlistFor(actor: SessionUser, filter: { status?: WatchlistStatus | 'active' } = {}): Promise<WatchEntry[]> {
  if (!(WATCH_STAFF as readonly string[]).includes(actor.role) || !actor.region) return [];
  const wl = schema.watchlist;
  return transaction(async (db) => {
    const where = [entryInArea(db, actor)];
    if (filter.status === 'active') where.push(ne(wl.status, 'closed'));
    else if (filter.status) where.push(eq(wl.status, filter.status));
    const rows = await db
      .select({ w: wl, nameEnc: schema.persons.nameEnc })
      .from(wl)
      .innerJoin(schema.persons, eq(schema.persons.id, wl.personId))
      .where(and(...where))
      .orderBy(asc(sql`case when ${wl.status} = 'open' then 0 else 1 end`), desc(wl.burdenFen))
      .limit(200);
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'watchlist.view', entity: 'watchlist', summary: { count: rows.length, status: filter.status ?? 'all' } });
    return rows.map(({ w, nameEnc }) => ({ id: w.id, name: openName(nameEnc), period: w.period, reason: w.reason, burdenFen: w.burdenFen, status: w.status, charityReferral: w.charityReferral, notes: w.notes, noticeSentAt: w.noticeSentAt, updatedAt: w.updatedAt }));
  });
}

/** 跟进: contacted, referred to a charity (its name required, 000 二(四)1), assisted, closed; with a note. */
export async function followUp(actor: SessionUser, input: { id: string; status: WatchlistStatus; charity?: string; note?: string }, ctx: { ip?: string | null; now?: Date } = {}): Promise<Result> {
  if (!(WATCH_ACTORS as readonly string[]).includes(actor.role) || !actor.region) return refuse('forbidden', '审计员只能查看，不能跟进。');
  const charity = input.charity?.trim() ?? '';
  // 000 二(四)1: the referral to charities is Shanghai's; elsewhere the follow-up is 其他帮扶 (contacted, assisted).
  if (input.status === 'referred' && actor.region !== 'shanghai') return refuse('invalid', '本地区的文件没有把预警对象推介给慈善组织的规定，请选择其他跟进情况。', { status: '本地区没有慈善推介' });
  if (input.status === 'referred' && !charity) return refuse('invalid', '请写明推介的慈善组织名称', { charity: '请写明推介的慈善组织名称' });
  const wl = schema.watchlist;
  const now = (ctx.now ?? new Date()).toISOString();
  return transaction(async (db) => {
    const [row] = await db.select().from(wl).where(and(eq(wl.id, input.id), entryInArea(db, actor)));
    if (!row) return notFound();
    const notes = input.note?.trim() ? `${row.notes ? `${row.notes}\n` : ''}${now.slice(0, 10)} ${WATCH_STATUS_TEXT[input.status]}：${input.note.trim()}` : row.notes;
    const patch = { status: input.status, charityReferral: input.status === 'referred' ? charity : row.charityReferral, notes, updatedAt: now };
    const moved = await db.update(wl).set(patch).where(and(eq(wl.id, row.id), eq(wl.updatedAt, row.updatedAt))).returning({ id: wl.id });
    if (moved.length === 0) return refuse('conflict', '这条记录刚刚被其他人更新过，请刷新后再看。');
    await writeAudit({
      actorUserId: actor.id, actorRole: actor.role, action: 'watchlist.follow_up', entity: 'watchlist', entityId: row.id, ip: ctx.ip,
      summary: { before: { status: row.status, charityReferral: row.charityReferral }, after: { status: patch.status, charityReferral: patch.charityReferral } },
    });
    return { ok: true };
  });
}


export type WatchLead = { id: string; period: string; reason: string; burdenFen: number; status: WatchLeadStatus; visits: LeadVisit[]; personId: string | null; updatedAt: string };

/** 政策找人: the region's leads (rows of people with no record over the line), open ones first; viewing is audited. */
export async function watchLeadsFor(actor: SessionUser): Promise<WatchLead[]> {
  if (!(WATCH_STAFF as readonly string[]).includes(actor.role) || !actor.region) return [];
  const wd = schema.watchLeads;
  return transaction(async (db) => {
    const rows = await db
      .select()
      .from(wd)
      .where(eq(wd.region, actor.region!))
      .orderBy(asc(sql`case when ${wd.status} = 'open' then 0 else 1 end`), desc(wd.burdenFen))
      .limit(200);
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'watch_lead.view', entity: 'watch_lead', summary: { count: rows.length } });
    return rows.map((r) => ({ id: r.id, period: r.period, reason: r.reason, burdenFen: r.burdenFen, status: r.status, visits: decryptJson<LeadVisit[]>(r.detailEnc), personId: r.personId, updatedAt: r.updatedAt }));
  });
}

/**
 * Opens a person record from a lead: the clerk, with the 身份证 in front of them (or the insurer's record), types
 * the name and 身份证号; the number must be the lead's (its keyed hash), the record is made (or the one made
 * since is used), the lead's settlement rows are linked to it and the lead is marked opened.
 */
export async function openPersonFromLead(actor: SessionUser, input: { id: string; name: string; idNumber: string }, ctx: { ip?: string | null } = {}): Promise<Result<{ personId: string }>> {
  if (!(WATCH_ACTORS as readonly string[]).includes(actor.role) || !actor.region) return refuse('forbidden', '审计员只能查看，不能建立档案。');
  const wd = schema.watchLeads;
  const hmac = lookupHash(`id:${input.idNumber}`);
  return transaction(async (db) => {
    const [lead] = await db.select().from(wd).where(eq(wd.id, input.id));
    if (!lead || lead.region !== actor.region) return notFound();
    if (lead.status !== 'open') return refuse('conflict', '这条线索已经建立了档案。');
    if (lead.idNumberHmac !== hmac) return refuse('invalid', '身份证号与这条结算记录的不一致，请核对。', { idNumber: '身份证号与这条结算记录的不一致，请核对' });
    const [existing] = await db.select().from(schema.persons).where(eq(schema.persons.idNumberHmac, hmac));
    if (existing && openName(existing.nameEnc) !== input.name) return refuse('invalid', '这个身份证号登记的姓名与填写的不一致，请对照身份证核对。', { name: '这个身份证号登记的姓名与填写的不一致，请对照身份证核对' });
    let personId = existing?.id;
    if (!personId) {
      const [made] = await db.insert(schema.persons).values({ ...sealName(input.name), idNumberEnc: encrypt(input.idNumber), idNumberHmac: hmac, insuredRegion: actor.region }).returning({ id: schema.persons.id });
      personId = made!.id;
    }
    const s = schema.settlements;
    const linked = await db.update(s).set({ personId }).where(and(eq(s.region, actor.region!), eq(s.idNumberHmac, hmac), isNull(s.personId))).returning({ id: s.id });
    const moved = await db.update(wd).set({ status: 'opened', personId, updatedAt: new Date().toISOString() }).where(and(eq(wd.id, lead.id), eq(wd.status, 'open'))).returning({ id: wd.id });
    if (moved.length === 0) return refuse('conflict', '这条线索刚刚被其他人处理过，请刷新后再看。');
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'watch_lead.open_person', entity: 'watch_lead', entityId: lead.id, ip: ctx.ip, summary: { personId, newPerson: !existing, settlementsLinked: linked.length } });
    return { ok: true as const, personId };
  });
}
