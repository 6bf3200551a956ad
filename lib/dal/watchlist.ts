import 'server-only';
// 因病致贫预警 (000 二(三); 003 五(七) 强化高额医疗费用支出预警监测) and 慈善推介 (000 二(四)1): people whose
// own burden in the last 12 months, after basic insurance, 大病保险 and assistance, is high against the household's
// income. Model: 000 四 第二类支出型贫困家庭 (年医疗费用个人负担 ≥ 家庭年可支配收入的 40%). The share and the
// income to compare with are staff parameters (WATCH_PARAMS): the documents leave 监测标准 to each locality
// ("结合实际合理确定监测标准", 003 五(七)), and a household's own income is not on record here.
// One entry per person, region and month (`period`): a refresh in the same month updates it, never adds another.
import { and, asc, desc, eq, exists, gte, isNotNull, lte, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { isRegionCode, regionInfo } from '@/lib/calculator';
import type { WatchlistStatus } from '@/db/schema-shared';
import { writeAudit } from '@/lib/dal/audit';
import { parametersOnDate } from '@/lib/dal/parameters';
import type { SessionUser } from '@/lib/dal/users';
import { formatMoney, todayInShanghai } from '@/lib/format';
import { enqueue } from '@/lib/jobs/queue';
import { JobFailure, type JobContext } from '@/lib/jobs/runner';
import { openName } from '@/lib/personal-data';
import { notFound, refuse, type Result } from '@/lib/result';
import { q, schema, transaction, type Db } from '@/lib/store/db';
import { staffAreaWhere } from '@/lib/dal/access';

import { WATCH_PARAMS } from '@/lib/watch-params';

export { WATCH_PARAMS };

export const WATCH_STAFF = ['clerk', 'reviewer', 'admin', 'auditor'] as const;
export const WATCH_ACTORS = ['clerk', 'reviewer', 'admin'] as const;

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

export type Burden = { personId: string; selfPayFen: number; settlements: number; applications: number; assistedFen: number; burdenFen: number };

/** Each person's burden in the window: 结算 self-pay (or, without settlements, what applications' estimates found), less assistance decided. */
async function burdens(region: string, from: string, to: string): Promise<Burden[]> {
  const s = schema.settlements;
  const bySettlement = await q((db) =>
    db
      .select({ personId: s.personId, fen: sql<number>`sum(${s.selfPayFen})`, n: sql<number>`count(*)` })
      .from(s)
      .where(and(eq(s.region, region), isNotNull(s.personId), gte(s.date, from), lte(s.date, to)))
      .groupBy(s.personId),
  );
  const t = schema.applications;
  const apps = await q((db) =>
    db
      .select({ personId: t.personId, status: t.status, snapshot: t.estimateSnapshot, decided: t.decidedAmountFen, key: t.idempotencyKey })
      .from(t)
      .where(and(eq(t.region, region), isNotNull(t.personId), notInArray(t.status, ['draft', 'withdrawn', 'transferred']), gte(t.submittedAt, shanghaiStart(from)), lte(t.submittedAt, shanghaiEnd(to)))),
  );
  const out = new Map<string, Burden>();
  const get = (personId: string) => out.get(personId) ?? out.set(personId, { personId, selfPayFen: 0, settlements: 0, applications: 0, assistedFen: 0, burdenFen: 0 }).get(personId)!;
  for (const r of bySettlement) {
    const b = get(r.personId!);
    b.selfPayFen += Number(r.fen);
    b.settlements += Number(r.n);
  }
  const fromSettlements = new Set(bySettlement.map((r) => r.personId));
  for (const a of apps) {
    const b = get(a.personId!);
    const direct = a.key?.startsWith('direct:') ?? false;
    // A person with imported settlements: those are the visits; an application's own estimate would count them twice.
    if (!direct) {
      b.applications++;
      if (!fromSettlements.has(a.personId)) b.selfPayFen += (a.snapshot as { result?: { totals?: { selfPayPolicyFen?: number } } } | null)?.result?.totals?.selfPayPolicyFen ?? 0;
    }
    if (a.status === 'approved' || a.status === 'paid') b.assistedFen += a.decided ?? 0;
  }
  for (const b of out.values()) b.burdenFen = Math.max(0, b.selfPayFen - b.assistedFen);
  return [...out.values()];
}

export type RefreshOutcome = { period: string; looked: number; listed: number; added: number; updated: number; notices: number; sharePercent: number; incomeFen: number };

/** The refresh job (on demand from the page, and nightly from the worker). */
export async function runWatchlistRefresh(ctx: JobContext): Promise<RefreshOutcome> {
  const region = ctx.job.region;
  const today = todayInShanghai();
  const params = await parametersOnDate(region, today);
  const share = params[WATCH_PARAMS.share.name];
  const income = params[WATCH_PARAMS.income.name];
  const missing = [!share && WATCH_PARAMS.share, !income && WATCH_PARAMS.income].filter((x) => x !== false);
  if (missing.length) throw new JobFailure(`还没有设定预警参数：${missing.map((m) => `${m.name}（${m.descriptionZh}）`).join('；')}。请管理员按本地监测标准设定后重试。`);
  const w = windowOf(today);
  const list = await burdens(region, w.from, w.to);
  await ctx.progress(0, list.length);
  const out: RefreshOutcome = { period: w.period, looked: list.length, listed: 0, added: 0, updated: 0, notices: 0, sharePercent: share!.value, incomeFen: income!.value };
  const wl = schema.watchlist;
  let done = 0;
  for (const b of list) {
    done++;
    if (overThreshold(b.burdenFen, income!.value, share!.value)) {
      out.listed++;
      const reason =
        `近12个月（${w.from} 至 ${w.to}）经基本医保、大病保险等支付后，政策范围内个人负担 ${formatMoney(b.selfPayFen)}` +
        `（结算记录 ${b.settlements} 笔、申请 ${b.applications} 份），已获医疗救助 ${formatMoney(b.assistedFen)}，个人仍负担 ${formatMoney(b.burdenFen)}，` +
        `达到家庭年可支配收入参照值 ${formatMoney(income!.value)} 的 ${share!.value}%（${formatMoney(Math.ceil((income!.value * share!.value) / 100))}）。` +
        `预警线：${share!.source}${share!.demo ? '（演示）' : ''}；参照收入：${income!.source}${income!.demo ? '（演示）' : ''}。`;
      await transaction(async (db) => {
        const now = new Date().toISOString();
        const [added] = await db
          .insert(wl)
          .values({ personId: b.personId, region, period: w.period, reason, burdenFen: b.burdenFen, incomeFen: income!.value, createdAt: now, updatedAt: now })
          .onConflictDoNothing({ target: [wl.personId, wl.region, wl.period] })
          .returning({ id: wl.id });
        if (added) {
          out.added++;
          if (await noticeResident(b.personId, region, added.id, now)) out.notices++;
          await writeAudit({ actorUserId: null, actorRole: 'system', action: 'watchlist.add', entity: 'watchlist', entityId: added.id, summary: { period: w.period, burdenFen: b.burdenFen, jobId: ctx.job.id } });
        } else {
          await db.update(wl).set({ reason, burdenFen: b.burdenFen, incomeFen: income!.value, updatedAt: now }).where(and(eq(wl.personId, b.personId), eq(wl.region, region), eq(wl.period, w.period)));
          out.updated++;
        }
      });
    }
    if (done % 100 === 0) await ctx.progress(done);
  }
  return out;
}

/** What the person may apply for, in words (documents by name), into their inbox if they have an account. */
async function noticeResident(personId: string, region: string, entryId: string, now: string): Promise<boolean> {
  const [user] = await q((db) => db.select({ id: schema.users.id }).from(schema.users).where(and(eq(schema.users.personId, personId), eq(schema.users.role, 'resident'))));
  if (!user) return false;
  const doc = isRegionCode(region) ? `《${regionInfo(region).document.titleZh}》` : '当地医疗救助政策';
  const body =
    `根据近12个月的就医结算记录，您自己负担的医疗费用较重。按照${doc}，您可以：` +
    '一、向户籍所在地街道（乡镇）申请认定低保边缘家庭、支出型贫困家庭或因病致贫重病患者，认定后可以申请医疗救助；' +
    '二、生活有困难的，可以申请临时救助；' +
    '三、工作人员可能会联系您，了解情况，并可以把您推荐给慈善组织帮扶。您也可以在本网站直接提出医疗救助申请。';
  await q((db) => db.insert(schema.notifications).values({ userId: user.id, title: '您可能可以申请更多帮助', body, createdAt: now }));
  await q((db) => db.update(schema.watchlist).set({ noticeSentAt: now }).where(eq(schema.watchlist.id, entryId)));
  return true;
}

/** Queues a refresh of the actor's region (the page's button); one per minute at most. */
export async function requestWatchlistRefresh(actor: SessionUser, ctx: { ip?: string | null; now?: Date } = {}): Promise<Result<{ jobId: string }>> {
  if (!(WATCH_ACTORS as readonly string[]).includes(actor.role) || !actor.region) return refuse('forbidden', '只有本地区的受理员、审核员和管理员可以刷新预警名单。');
  const now = ctx.now ?? new Date();
  return transaction(async () => {
    const job = await enqueue({ kind: 'watchlist_refresh', region: actor.region!, title: '刷新因病致贫预警名单', createdByUserId: actor.id, dedupeKey: `watch:${actor.region}:${now.toISOString().slice(0, 16)}` }, now);
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'watchlist.refresh', entity: 'job', entityId: job.id, ip: ctx.ip });
    return { ok: true as const, jobId: job.id };
  });
}

/** The nightly refresh of every region (the worker calls this; the key makes it once a day whatever the number of workers). */
export async function enqueueNightlyRefresh(regions: readonly string[], today: string): Promise<void> {
  for (const region of regions) await enqueue({ kind: 'watchlist_refresh', region, title: `每晚刷新因病致贫预警名单（${today}）`, dedupeKey: `watch-nightly:${region}:${today}` });
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

