// The person_region_codes migration (SQLite 0024, PostgreSQL 0022): online submissions had stored a person's
// hukou_region / insured_region as 'local'; every other writer stores the region code. A 'local' becomes the region
// of the person's first submitted application; 'other', codes already there, and a person with no submitted case
// stay as they are. Runs on SQLite, and on PostgreSQL with PG_TEST_URL.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withScratchDatabase } from '../helpers/pg-scratch';

const folder = (name: string) => fileURLToPath(new URL(`../../../db/${name}`, import.meta.url));
const statements = (dir: string, file: string) => readFileSync(`${dir}/${file}`, 'utf8').split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean);

const BEFORE = [
  `insert into users (id, role, display_name) values ('u', 'resident', 'x')`,
  // p: local in both (cases in Shanghai first, then Wuxi); q: insured elsewhere, hukou local; r: only a draft; s: a code already.
  `insert into persons (id, name_enc, name_masked, hukou_region, insured_region) values
     ('p', 'x', 'x', 'local', 'local'), ('q', 'x', 'x', 'local', 'other'), ('r', 'x', 'x', 'local', 'local'), ('s', 'x', 'x', 'wuxi', 'wuxi')`,
  `insert into applications (id, filed_by_user_id, person_id, region, year, status, submitted_at) values
     ('a1', 'u', 'p', 'wuxi', 2026, 'submitted', '2026-05-01T00:00:00.000Z'),
     ('a2', 'u', 'p', 'shanghai', 2026, 'approved', '2026-02-01T00:00:00.000Z'),
     ('a3', 'u', 'q', 'wuxi', 2026, 'in_review', '2026-03-01T00:00:00.000Z'),
     ('a4', 'u', 'r', 'wuxi', 2026, 'draft', null)`,
];
const AFTER = [
  ['p', 'shanghai', 'shanghai'],
  ['q', 'wuxi', 'other'],
  ['r', 'local', 'local'],
  ['s', 'wuxi', 'wuxi'],
];

describe('人员的户籍地、参保地从“local”改为地区代码', () => {
  it('SQLite', () => {
    const dir = folder('migrations');
    const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
    const at = files.findIndex((f) => f.endsWith('_person_region_codes.sql'));
    const db = new Database(':memory:');
    for (const f of files.slice(0, at)) for (const s of statements(dir, f)) db.exec(s);
    for (const s of BEFORE) db.exec(s);
    for (const f of files.slice(at)) for (const s of statements(dir, f)) db.exec(s);
    const rows = db.prepare('select id, hukou_region as h, insured_region as i from persons order by id').all() as { id: string; h: string; i: string }[];
    expect(rows.map((r) => [r.id, r.h, r.i])).toEqual(AFTER);
    db.close();
  });

  it.skipIf(!process.env.PG_TEST_URL)('PostgreSQL', async () => {
    await withScratchDatabase('portal_regmig', async (c) => {
      const dir = folder('migrations-pg');
      const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
      const at = files.findIndex((f) => f.endsWith('_person_region_codes.sql'));
      for (const f of files.slice(0, at)) for (const s of statements(dir, f)) await c.query(s);
      for (const s of BEFORE) await c.query(s);
      for (const f of files.slice(at)) for (const s of statements(dir, f)) await c.query(s);
      const rows = (await c.query('select id, hukou_region as h, insured_region as i from persons order by id')).rows as { id: string; h: string; i: string }[];
      expect(rows.map((r) => [r.id, r.h, r.i])).toEqual(AFTER);
    });
  });
});
