import 'server-only';
// 免申即享 (003 五(八), 000 二(五)1): a clerk imports the medical-insurance settlement records (结算单) of a
// period; every row is checked first (lib/office/settlement-file.ts) and, unless the clerk asked to import the good
// rows only, one bad row means nothing is imported. The import itself is a job (lib/jobs): the rows are stored
// idempotently by settlement number, matched to people by the HMAC of the 身份证号, and each person-year of a
// person certified in a category the region assists without an application (the calculator's `direct`) becomes
// an approved case (lib/workflow/verbs/direct-award.ts). A row with a blank cell a rule depends on is stored held
// 待核实 and waits for a clerk (lib/dal/held-settlements.ts), who fills it; it then goes through the same verb.
import { and, desc, eq, inArray, isNotNull, isNull, like } from 'drizzle-orm';
import { encryptJson, lookupHash } from '@/lib/personal/crypto';
import { writeAudit } from '@/lib/dal/audit';
import { toSessionUser, type SessionUser } from '@/lib/dal/users';
import { todayInShanghai } from '@/lib/format';
import { enqueue, payloadOf } from '@/lib/jobs/queue';
import { JobFailure, type JobContext } from '@/lib/jobs/runner';
import { refuse, type Result } from '@/lib/result';
import { HELD_TEXT, parseSettlementCsv, type LineError } from '@/lib/office/settlement-file';
import { bulkInsertIgnore, q, savepoint, schema, transaction, type BulkColumn } from '@/lib/store/db';
import { perform } from '@/lib/workflow';
import { Abort } from '@/lib/workflow/run';
import { visitKeys } from '@/lib/personal/visit-key';
import { DIRECT_KEY_PREFIX, directCategoryCodes, directClause, type DirectAwardSnapshot } from '@/lib/workflow/verbs/direct-award';
import { ACTING_STAFF } from '@/lib/auth/roles';

export const IMPORTERS = ACTING_STAFF;
/** Lines listed on the page when a file has problems (the count says how many more). */
export const SHOWN_ERRORS = 50;
const CHUNK = 1000;
/** Cases per commit: fewer disk syncs; each batch holds SQLite's write lock for well under a second. */
const AWARD_BATCH = 50;
// The settlements columns the import writes, in the order of its value rows (db/schema.ts settlements).
const SETTLEMENT_INSERT: readonly BulkColumn[] = [
  { name: 'id', pgType: 'text' }, { name: 'region', pgType: 'text' }, { name: 'settlement_no', pgType: 'text' }, { name: 'id_number_hmac', pgType: 'text' },
  { name: 'person_id', pgType: 'text' }, { name: 'date', pgType: 'text' }, { name: 'year', pgType: 'int4' }, { name: 'data_enc', pgType: 'text' },
  { name: 'self_pay_fen', pgType: 'int8' }, { name: 'job_id', pgType: 'text' }, { name: 'created_at', pgType: 'text' },
  { name: 'assistance_paid_fen', pgType: 'int8' }, { name: 'no_key', pgType: 'text' }, { name: 'visit_key', pgType: 'text' }, { name: 'hold_reason', pgType: 'text' },
];

export type ImportPayload = { text: string; from: string; to: string; today: string; goodOnly: boolean; fileName: string };
export type StartResult = Result<{ jobId: string; rows: number; skipped: number }> | { ok: false; code: 'invalid'; message: string; lines: LineError[]; errorCount: number };

/** Checks the whole file; starts the import job when it may go ahead. */
export async function startSettlementImport(
  actor: SessionUser,
  input: { text: string; fileName: string; from: string; to: string; goodOnly: boolean },
  ctx: { ip?: string | null; now?: Date } = {},
): Promise<StartResult> {
  if (!(IMPORTERS as readonly string[]).includes(actor.role) || !actor.region) return refuse('forbidden', '只有本地区的受理员、审核员和管理员可以导入结算记录。');
  if (input.from > input.to) return refuse('invalid', '起始日期晚于截止日期。', { from: '起始日期晚于截止日期' });
  const now = ctx.now ?? new Date();
  const today = todayInShanghai(now);
  const parsed = parseSettlementCsv(input.text, { from: input.from, to: input.to, today, region: actor.region });
  const fatal = parsed.rows.length === 0 || (parsed.errors.length > 0 && !input.goodOnly);
  if (fatal) {
    const message = parsed.rows.length === 0 ? '文件里没有可以导入的结算记录，一行也没有导入。' : `有 ${parsed.errors.length} 行有问题，一行也没有导入。请改正后重新导入，或勾选“只导入没有问题的行”。`;
    return { ok: false, code: 'invalid', message, lines: parsed.errors.slice(0, SHOWN_ERRORS), errorCount: parsed.errors.length };
  }
  const payload: ImportPayload = { text: input.text, from: input.from, to: input.to, today, goodOnly: input.goodOnly, fileName: input.fileName.slice(0, 100) };
  return transaction(async () => {
    const job = await enqueue(
      { kind: 'settlement_import', region: actor.region!, title: `导入结算记录 ${input.from} 至 ${input.to}（${parsed.rows.length} 行）`, payload, total: parsed.rows.length, createdByUserId: actor.id },
      now,
    );
    await writeAudit({
      actorUserId: actor.id, actorRole: actor.role, action: 'settlement_import.start', entity: 'job', entityId: job.id, ip: ctx.ip,
      summary: { fileName: payload.fileName, from: input.from, to: input.to, rows: parsed.rows.length, skippedBadRows: parsed.errors.length },
    });
    return { ok: true as const, jobId: job.id, rows: parsed.rows.length, skipped: parsed.errors.length };
  });
}

export type ImportOutcome = {
  rows: number; skippedBadRows: number; inserted: number; alreadyImported: number; unmatched: number; notCertified: number; held?: number;
  cases: { ref: string; amountFen: number }[]; awardedFen: number; noAmount: number; refused: { message: string; count: number }[];
  /** Why a person-year got nothing new (what was due, paid at the hospital, settled before), by the file's settlement numbers; the first SHOWN_ERRORS. */
  noAmountWhy?: { settlementNos: string[]; message: string }[];
};

/** The job: store, match, award. Safe to run again on the same file: nothing is stored or paid twice. */
export async function runSettlementImport(ctx: JobContext): Promise<ImportOutcome> {
  const { job } = ctx;
  const payload = payloadOf<ImportPayload>(job);
  const parsed = parseSettlementCsv(payload.text, { ...payload, region: job.region });
  if (parsed.errors.length && !payload.goodOnly) throw new JobFailure(`文件有 ${parsed.errors.length} 行有问题（${parsed.errors[0]!.message}），一行也没有导入。`);
  const [creator] = job.createdByUserId ? await q((db) => db.select().from(schema.users).where(eq(schema.users.id, job.createdByUserId!))) : [];
  if (!creator || creator.disabled) throw new JobFailure('发起导入的工作人员账号不存在或已停用，请由在岗人员重新导入。');
  const actor = toSessionUser(creator);
  const region = job.region;
  const rows = parsed.rows;
  await ctx.progress(0, rows.length);

  // 1. Who is who: the HMAC of each 身份证号 against the person records.
  const hmacOf = new Map<string, string>();
  for (const r of rows) if (!hmacOf.has(r.idNumber)) hmacOf.set(r.idNumber, lookupHash(`id:${r.idNumber}`));
  const hmacs = [...new Set(hmacOf.values())];
  const personOf = new Map<string, string>();
  const p = schema.persons;
  for (let i = 0; i < hmacs.length; i += CHUNK) {
    const part = hmacs.slice(i, i + CHUNK);
    const found = await q((db) => db.select({ id: p.id, hmac: p.idNumberHmac }).from(p).where(inArray(p.idNumberHmac, part)));
    for (const f of found) personOf.set(f.hmac!, f.id);
  }

  // 2. The rows, idempotent by (region, settlement number): a row imported before is left as it is (and is not
  // even encrypted again). One transaction per chunk, its progress in the same commit.
  const createdAt = new Date().toISOString();
  // Ids in insertion order (time, job, line): appending to the primary-key index is several times faster than
  // random UUIDs at 100,000 rows. Unique: one job, one attempt at a time, distinct lines.
  const idPrefix = `${Date.now().toString(36).padStart(9, '0')}-${job.id.slice(0, 8)}-`;
  const s = schema.settlements;
  let inserted = 0;
  let unmatched = 0;
  let held = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await transaction(async (db) => {
      const known = new Set((await db.select({ no: s.settlementNo }).from(s).where(and(eq(s.region, region), inArray(s.settlementNo, part.map((r) => r.settlementNo))))).map((r) => r.no));
      const values = part
        .filter((r) => !known.has(r.settlementNo))
        .map((r) => {
          const hmac = hmacOf.get(r.idNumber)!;
          const keys = visitKeys(r.visit, r.settlementNo);
          const hold = r.held.length ? `${r.held.map((k) => HELD_TEXT[k]).join('、')}没有填写` : null;
          return [
            `${idPrefix}${String(r.line).padStart(7, '0')}`, region, r.settlementNo, hmac, personOf.get(hmac) ?? null, r.visit.date, r.year, encryptJson(r.visit), r.selfPayFen, job.id, createdAt,
            r.assistancePaidFen, keys.noKey, keys.visitKey, hold,
          ];
        });
      const added = await bulkInsertIgnore<{ person_id: string | null; hold_reason: string | null }>('settlements', SETTLEMENT_INSERT, values, ['region', 'settlement_no'], ['person_id', 'hold_reason']);
      inserted += added.length;
      unmatched += added.filter((a) => !a.person_id).length;
      held += added.filter((a) => a.hold_reason).length;
      await ctx.progress(Math.min(rows.length, i + CHUNK));
    });
  }

  // 3. Every person-year in the file with settlements no case covers yet and none held (new ones, or ones an earlier
  // import could not award): a person certified in the region's direct scope gets a case; the others apply.
  const people = [...new Set(personOf.values())];
  const groups: { personId: string; year: number }[] = [];
  for (let i = 0; i < people.length; i += CHUNK) {
    const part = people.slice(i, i + CHUNK);
    const open = await q((db) =>
      db.selectDistinct({ personId: s.personId, year: s.year }).from(s).where(and(eq(s.region, region), inArray(s.personId, part), isNull(s.applicationId), isNull(s.holdReason))),
    );
    for (const g of open) groups.push({ personId: g.personId!, year: g.year });
  }
  const certified = new Set<string>();
  const c = schema.personCategories;
  const direct = [...directCategoryCodes(region)];
  for (let i = 0; i < people.length && direct.length; i += CHUNK) {
    const part = people.slice(i, i + CHUNK);
    const rowsC = await q((db) => db.selectDistinct({ personId: c.personId }).from(c).where(and(inArray(c.personId, part), eq(c.region, region), eq(c.basis, 'certified'), inArray(c.code, direct))));
    for (const r of rowsC) certified.add(r.personId);
  }
  const eligible = groups.filter((g) => certified.has(g.personId));
  const total = rows.length + eligible.length;
  await ctx.progress(rows.length, total);
  const outcome: ImportOutcome = {
    rows: rows.length, skippedBadRows: parsed.errors.length, inserted, alreadyImported: rows.length - inserted, unmatched, notCertified: groups.length - eligible.length, held,
    cases: [], awardedFen: 0, noAmount: 0, refused: [], noAmountWhy: [],
  };
  // The file's settlement numbers of each person-year, to say on the job page which rows paid nothing new and why.
  const numbersOf = new Map<string, string[]>();
  for (const r of rows) {
    const personId = personOf.get(hmacOf.get(r.idNumber)!);
    if (!personId) continue;
    const key = `${personId}:${r.year}`;
    const list = numbersOf.get(key);
    if (list) list.push(r.settlementNo);
    else numbersOf.set(key, [r.settlementNo]);
  }
  const refusals = new Map<string, number>();
  // Cases in batches, one commit each; a refused person-year is undone alone (savepoint), the batch goes on.
  for (let i = 0; i < eligible.length; i += AWARD_BATCH) {
    const batch = eligible.slice(i, i + AWARD_BATCH);
    const results = await transaction(async () => {
      const out: Result<{ ref: string; amountFen: number }>[] = [];
      for (const g of batch) out.push(await awardPersonYear(actor, region, g.personId, g.year, job.id));
      await ctx.progress(rows.length + i + batch.length);
      return out;
    });
    for (const [k, r] of results.entries()) {
      if (r.ok) {
        outcome.cases.push({ ref: r.ref, amountFen: r.amountFen });
        outcome.awardedFen += r.amountFen;
      } else if (r.code === 'conflict' && r.message.includes('没有新增')) {
        outcome.noAmount++;
        const g = batch[k]!;
        if (outcome.noAmountWhy!.length < SHOWN_ERRORS) outcome.noAmountWhy!.push({ settlementNos: numbersOf.get(`${g.personId}:${g.year}`) ?? [], message: r.message });
      } else refusals.set(r.message, (refusals.get(r.message) ?? 0) + 1);
    }
  }
  outcome.refused = [...refusals].map(([message, count]) => ({ message, count }));
  await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'settlement_import.done', entity: 'job', entityId: job.id, summary: { ...outcome, cases: outcome.cases.length } });
  return outcome;
}

/** The draft and its approval together (a savepoint of the batch's transaction): if the verb refuses, the draft goes too. */
export async function awardPersonYear(actor: SessionUser, region: string, personId: string, year: number, source: string): Promise<Result<{ ref: string; amountFen: number }>> {
  try {
    return await savepoint(async () => {
      const t = schema.applications;
      const [draft] = await q((db) =>
        db.insert(t).values({ region, year, personId, filedByUserId: actor.id, status: 'draft', idempotencyKey: `${DIRECT_KEY_PREFIX}${source}:${personId}:${year}` }).returning({ id: t.id }),
      );
      const r = await perform(actor, draft!.id, 'direct_award', {});
      if (!r.ok) throw new Abort(r);
      const [row] = await q((db) => db.select({ fen: t.decidedAmountFen }).from(t).where(eq(t.id, draft!.id)));
      return { ok: true as const, ref: r.ref, amountFen: row!.fen ?? 0 };
    });
  } catch (error) {
    if (error instanceof Abort) return error.refusal;
    throw error;
  }
}

export type DirectCase = { ref: string; status: string; year: number; amountFen: number; decidedAt: string | null; clause: string; snapshot: DirectAwardSnapshot };

/** The resident's own 免申即享 cases (their person record only), newest first. */
export async function directCasesFor(actor: SessionUser): Promise<DirectCase[]> {
  if (actor.role !== 'resident') return [];
  const personId = actor.personId ?? (await q((db) => db.select({ p: schema.users.personId }).from(schema.users).where(eq(schema.users.id, actor.id))))[0]?.p;
  if (!personId) return [];
  const t = schema.applications;
  const rows = await q((db) =>
    db
      .select({ ref: t.ref, status: t.status, year: t.year, amountFen: t.decidedAmountFen, decidedAt: t.decidedAt, clause: t.decisionClause, region: t.region, snapshot: t.estimateSnapshot })
      .from(t)
      .where(and(eq(t.personId, personId), like(t.idempotencyKey, `${DIRECT_KEY_PREFIX}%`), isNotNull(t.ref), inArray(t.status, ['approved', 'paid'])))
      .orderBy(desc(t.decidedAt)),
  );
  return rows.map((r) => ({ ref: r.ref!, status: r.status, year: r.year, amountFen: r.amountFen ?? 0, decidedAt: r.decidedAt, clause: r.clause ?? directClause(r.region), snapshot: r.snapshot as DirectAwardSnapshot }));
}
