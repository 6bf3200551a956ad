// The stats_daily_triggers migration fills decision_ms and application_stats_daily from the applications that
// existed before it (and stats_rollup_triggers the monthly rollup and the payments' rollup), and the triggers then carry on from those figures. Runs on SQLite, and on PostgreSQL with
// PG_TEST_URL (a throw-away database per run).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withScratchDatabase } from '../helpers/pg-scratch';

const folder = (name: string) => fileURLToPath(new URL(`../../../db/${name}`, import.meta.url));
const statements = (dir: string, file: string) => readFileSync(`${dir}/${file}`, 'utf8').split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean);
function split(dir: string) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const at = files.findIndex((f) => /^\d{4}_stats_daily_triggers\.sql$/.test(f));
  if (at < 0) throw new Error('no stats_daily_triggers migration');
  return { before: files.slice(0, at), from: files.slice(at) };
}
const APP = `insert into applications (id, ref, filed_by_user_id, region, year, status, district, submitted_at, decided_at) values`;
const BEFORE = [
  `insert into users (id, role, display_name) values ('u', 'clerk', 'x')`,
  // a: submitted 2026-03-01 17:00 UTC = 03-02 01:00 Shanghai, approved 2 days 12 h later (216,000,000 ms, day 2).
  // b: submitted 03-01 18:00 UTC = 03-02 Shanghai, no decision (−2). c: a draft, never counted.
  // d: submitted 03-01 15:00 UTC = 03-01 23:00 Shanghai, no district, rejected an hour later (3,600,000 ms, day 0).
  `${APP} ('a', 'R-a', 'u', 'wuxi', 2026, 'approved', '梁溪区', '2026-03-01T17:00:00.000Z', '2026-03-04T05:00:00.000Z'),
    ('b', 'R-b', 'u', 'wuxi', 2026, 'submitted', '梁溪区', '2026-03-01T18:00:00.000Z', null),
    ('c', 'R-c', 'u', 'wuxi', 2026, 'draft', '梁溪区', null, null),
    ('d', 'R-d', 'u', 'wuxi', 2026, 'rejected', null, '2026-03-01T15:00:00.000Z', '2026-03-01T16:00:00.000Z')`,
  // a was paid 123.45 on 2026-03-04 17:00 UTC = 03-05 01:00 Shanghai (and an approval row, which is not a payment).
  `insert into persons (id, name_enc, name_masked) values ('p', 'x', '申*')`,
  `insert into payments (id, application_id, person_id, region, year, pool, amount_fen, status, kind, paid_at) values
    ('p1', 'a', 'p', 'wuxi', 2026, 'inpatient', 12345, 'pending', 'approval', null),
    ('p2', 'a', 'p', 'wuxi', 2026, 'inpatient', 12345, 'paid', 'payment', '2026-03-04T17:00:00.000Z')`,
];
// After the migration a trigger counts a new submission on top of the backfilled row: 梁溪区 03-02 submitted → 2.
const AFTER = `${APP} ('e', 'R-e', 'u', 'wuxi', 2026, 'submitted', '梁溪区', '2026-03-02T01:00:00.000Z', null)`;
const DAILY = `select day, district, status, decision_day, n from application_stats_daily where n <> 0 order by day, district, status`;
const MS = `select id, decision_ms from applications order by id`;
const MONTHLY = `select month, district, status, decision_day, n from application_stats_monthly where n <> 0 order by month, district, status`;
const PAID = `select day, district, category, pool, amount_fen, n from payment_stats_daily order by day`;
const expected = {
  daily: [
    ['2026-03-01', '', 'rejected', 0, 1],
    ['2026-03-02', '梁溪区', 'approved', 2, 1],
    ['2026-03-02', '梁溪区', 'submitted', -2, 2],
  ],
  monthly: [
    ['2026-03', '', 'rejected', 0, 1],
    ['2026-03', '梁溪区', 'approved', 2, 1],
    ['2026-03', '梁溪区', 'submitted', -2, 2],
  ],
  paid: [['2026-03-05', '梁溪区', '', 'inpatient', 12345, 1]],
  ms: [['a', 216_000_000], ['b', null], ['c', null], ['d', 3_600_000], ['e', null]],
};
const rows = (rs: Record<string, unknown>[]) => rs.map((r) => Object.values(r).map((v) => (typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v)));

describe('统计日表的迁移补齐已有申请', () => {
  it('SQLite', () => {
    const dir = folder('migrations');
    const { before, from } = split(dir);
    const db = new Database(':memory:');
    for (const f of before) for (const s of statements(dir, f)) db.exec(s);
    for (const s of BEFORE) db.exec(s);
    for (const f of from) for (const s of statements(dir, f)) db.exec(s);
    db.exec(AFTER);
    expect(rows(db.prepare(DAILY).all() as Record<string, unknown>[])).toEqual(expected.daily);
    expect(rows(db.prepare(MS).all() as Record<string, unknown>[])).toEqual(expected.ms);
    expect(rows(db.prepare(MONTHLY).all() as Record<string, unknown>[])).toEqual(expected.monthly);
    expect(rows(db.prepare(PAID).all() as Record<string, unknown>[])).toEqual(expected.paid);
    db.close();
  });

  it.skipIf(!process.env.PG_TEST_URL)('PostgreSQL', async () => {
    await withScratchDatabase('portal_statsmig', async (c) => {
      const dir = folder('migrations-pg');
      const { before, from } = split(dir);
      for (const f of before) for (const s of statements(dir, f)) await c.query(s);
      for (const s of BEFORE) await c.query(s);
      for (const f of from) for (const s of statements(dir, f)) await c.query(s);
      await c.query(AFTER);
      expect(rows((await c.query(DAILY)).rows)).toEqual(expected.daily);
      expect(rows((await c.query(MS)).rows)).toEqual(expected.ms);
      expect(rows((await c.query(MONTHLY)).rows)).toEqual(expected.monthly);
      expect(rows((await c.query(PAID)).rows)).toEqual(expected.paid);
    });
  });
});
