// The "encrypt personal data" migrations (SQLite 0004+0005, PostgreSQL 0002+0003) keep rows that existed
// before: plain names, certificate numbers and visits are moved into the new columns as `p0:<plain>` (SQL has
// no keys) with the masked name computed, and the plain columns are dropped. `npm run keys:rotate` seals
// the `p0:` values (tests/unit/security/keys-rotate.test.ts). Runs on SQLite, and on PostgreSQL with PG_TEST_URL.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withScratchDatabase } from '../helpers/pg-scratch';

const folder = (name: string) => fileURLToPath(new URL(`../../../db/${name}`, import.meta.url));
function statements(dir: string, file: string): string[] {
  return readFileSync(`${dir}/${file}`, 'utf8').split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean);
}
const INSERT_BEFORE = [
  `insert into users (id, role, display_name) values ('u', 'resident', 'x')`,
  `insert into persons (id, name) values ('p', '张三明'), ('q', '王芳'), ('r', '李')`,
  `insert into person_categories (id, person_id, code, region, valid_from, basis, certificate_no) values ('c', 'p', 'dibao', 'wuxi', '2026-01-01', 'certified', 'DB-1'), ('d', 'q', 'tekun', 'wuxi', '2026-01-01', 'declared', null)`,
  `insert into applications (id, filed_by_user_id, region, year, status) values ('a', 'u', 'wuxi', 2026, 'submitted')`,
  `insert into episodes (id, application_id, seq, hospital_name, date, end_date, kind, hospital_level, special_disease, referred, location, offsite_filed, total_fen, policy_fen, basic_paid_fen, critical_paid_fen, supplementary_paid_fen)
   values ('e', 'a', 0, '无锡市人民医院', '2026-02-03', '2026-02-15', 'inpatient', 3, true, false, 'province', true, 5600000, 4800000, 3360000, 300000, 7)`,
];
const VISIT = {
  hospitalName: '无锡市人民医院', date: '2026-02-03', endDate: '2026-02-15', kind: 'inpatient', hospitalLevel: 3, specialDisease: true, referred: false,
  location: 'province', offsiteFiled: true, totalFen: 5600000, policyFen: 4800000, basicPaidFen: 3360000, criticalPaidFen: 300000, supplementaryPaidFen: 7,
};
type Rows = { persons: Record<string, unknown>[]; cats: Record<string, unknown>[]; eps: Record<string, unknown>[] };
function expectMoved({ persons, cats, eps }: Rows) {
  // 张三明 → 张*明, 王芳 → 王*, 李 stays (lib/format.ts maskName).
  expect(persons.map((p) => [p.id, p.name_enc, p.name_masked, 'name' in p])).toEqual([
    ['p', 'p0:张三明', '张*明', false],
    ['q', 'p0:王芳', '王*', false],
    ['r', 'p0:李', '李', false],
  ]);
  expect(cats.map((c) => [c.id, c.certificate_no_enc, 'certificate_no' in c])).toEqual([['c', 'p0:DB-1', false], ['d', null, false]]);
  expect(Object.keys(eps[0]!).sort()).toEqual(['application_id', 'data_enc', 'id', 'no_key', 'seq', 'visit_key']);
  expect(JSON.parse(String(eps[0]!.data_enc).slice(3))).toEqual(VISIT);
}

describe('加密个人信息的迁移保留已有数据', () => {
  it('SQLite', () => {
    const dir = folder('migrations');
    const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
    const at = files.findIndex((f) => /^\d{4}_encrypt_personal_data\.sql$/.test(f));
    const db = new Database(':memory:');
    for (const f of files.slice(0, at)) for (const s of statements(dir, f)) db.exec(s);
    for (const s of INSERT_BEFORE) db.exec(s.replace(/\btrue\b/g, '1').replace(/\bfalse\b/g, '0'));
    for (const f of files.slice(at)) for (const s of statements(dir, f)) db.exec(s);
    expectMoved({
      persons: db.prepare('select * from persons order by id').all() as Record<string, unknown>[],
      cats: db.prepare('select * from person_categories order by id').all() as Record<string, unknown>[],
      eps: db.prepare('select * from episodes').all() as Record<string, unknown>[],
    });
    db.close();
  });

  it.skipIf(!process.env.PG_TEST_URL)('PostgreSQL', async () => {
    await withScratchDatabase('portal_encmig', async (c) => {
      const dir = folder('migrations-pg');
      const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
      const at = files.findIndex((f) => f.includes('_encrypt_personal_data'));
      for (const f of files.slice(0, at)) for (const s of statements(dir, f)) await c.query(s);
      for (const s of INSERT_BEFORE) await c.query(s);
      for (const f of files.slice(at)) for (const s of statements(dir, f)) await c.query(s);
      expectMoved({
        persons: (await c.query('select * from persons order by id')).rows,
        cats: (await c.query('select * from person_categories order by id')).rows,
        eps: (await c.query('select * from episodes')).rows,
      });
    });
  });
});
