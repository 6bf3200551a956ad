import '../helpers/test-db';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ApplicationStatus } from '@/db/schema';
import { encrypt } from '@/lib/personal/crypto';
import { applicationPersonYears, impactCsv, impactRun, recentImpacts, runImpact } from '@/lib/dal/impact';
import { publishParameter } from '@/lib/dal/parameters';
import { HANDLERS } from '@/lib/jobs/handlers';
import { runNext } from '@/lib/jobs/runner';
import { sealVisit } from '@/lib/personal/records';
import { q, schema } from '@/lib/store/db';
import { testDialect } from '../helpers/test-db';
import { person, staffUser } from '../ledger/fixtures';

const yuan = (y: number) => y * 100;
let n = 0;

/** An application of 2026 with one local stay: policy-range cost and what basic insurance paid, in 元. */
async function application(region: string, status: ApplicationStatus, category: string, policyYuan: number, basicYuan: number) {
  const filer = await staffUser('clerk', region);
  const p = await person();
  await q((db) => db.insert(schema.personCategories).values({ personId: p.id, code: category, region, validFrom: '2026-01-01', basis: 'declared' }));
  const [app] = await q((db) =>
    db
      .insert(schema.applications)
      .values({ ref: `IM-2026-${String(++n).padStart(6, '0')}`, personId: p.id, filedByUserId: filer.id, region, year: 2026, status, submittedAt: '2026-05-01T00:00:00.000Z', bankAccountEnc: encrypt('6222020000001234567') })
      .returning(),
  );
  const dataEnc = sealVisit({
    hospitalName: '测试医院', date: '2026-04-01', endDate: '2026-04-12', kind: 'inpatient', hospitalLevel: 3, specialDisease: false, referred: true, location: 'local', offsiteFiled: false,
    totalFen: yuan(policyYuan), policyFen: yuan(policyYuan), basicPaidFen: yuan(basicYuan), criticalPaidFen: 0, supplementaryPaidFen: 0,
  });
  await q((db) => db.insert(schema.episodes).values({ applicationId: app!.id, seq: 0, dataEnc }));
  return app!.ref!;
}

describe(`预览参数变化：按本年的申请重新计算（${testDialect}）`, () => {
  it('上海住院限额 8 万 → 10 万：只算本地区本年仍在办理的申请，结果存下来，能导出 CSV', async () => {
    const admin = await staffUser('admin', 'shanghai');
    const published = await publishParameter(admin, { name: 'annualLimitFen.inpatient', value: yuan(80_000), effectiveFrom: '2026-01-01', effectiveTo: null, source: '沪医保测试〔2026〕1号', closePrevious: false });
    expect(published.ok).toBe(true);
    // 低保 self-pay 200,000 − 50,000 = 150,000; 90% = 135,000 → 80,000 under the limit in force, 100,000 under the draft.
    const capped = await application('shanghai', 'in_review', 'dibao', 200_000, 50_000);
    // 低收入 self-pay 30,000; 80% = 24,000: under both limits.
    await application('shanghai', 'approved', 'low_income', 60_000, 30_000);
    // Not counted: withdrawn, and another region.
    await application('shanghai', 'withdrawn', 'dibao', 200_000, 50_000);
    await application('wuxi', 'in_review', 'dibao', 200_000, 50_000);

    const r = await runImpact(admin, { name: 'annualLimitFen.inpatient', value: yuan(100_000), year: 2026 });
    if (!r.ok) throw new Error(r.message);
    // Started, not computed: the worker does that (one step of it here, as scripts/worker.ts would).
    const before = await impactRun(admin, r.id);
    expect(before.ok && before.run).toMatchObject({ status: 'running', result: null });
    expect((await runNext('test-worker', HANDLERS))?.id).toBe(r.jobId);
    const [job] = await q((db) => db.select().from(schema.jobs).where(eq(schema.jobs.id, r.jobId)));
    expect(job).toMatchObject({ kind: 'impact_preview', status: 'done', done: 2, total: 2 });
    const stored = await impactRun(admin, r.id);
    if (!stored.ok) throw new Error(stored.message);
    const { run } = stored;
    expect(run).toMatchObject({ status: 'done', done: 2, total: 2 });
    // 80,000 + 24,000 = 104,000 before; 100,000 + 24,000 = 124,000 after.
    expect(run.result!.totals).toEqual({ beforeFen: yuan(104_000), afterFen: yuan(124_000), deltaFen: yuan(20_000) });
    expect(run.result!.inForceValue).toBe(yuan(80_000));
    expect(run.result!.largest).toEqual([expect.objectContaining({ key: capped, deltaFen: yuan(20_000), category: 'dibao' })]);
    expect((await recentImpacts(admin)).map((x) => x.id)).toEqual([r.id]);

    const rows = parse(impactCsv(run.result!), { bom: true, relax_column_count: true }) as string[][];
    expect(rows).toContainEqual(['合计', '救助金额（含倾斜救助）', '104000.00', '124000.00', '20000.00', '2', '1']);
    expect(rows).toContainEqual(['按资金池', '住院救助', '104000.00', '124000.00', '20000.00', '', '']);
  });

  it('只有管理员能预览；别的地区的预览结果看不到', async () => {
    const reviewer = await staffUser('reviewer', 'shanghai');
    expect(await runImpact(reviewer, { name: 'annualLimitFen.inpatient', value: 1, year: 2026 })).toMatchObject({ ok: false, code: 'forbidden' });
    const admin = await staffUser('admin', 'chongqing-shapingba');
    const r = await runImpact(admin, { name: 'monitoringStandardFen', value: 800_000, year: 2026 });
    if (!r.ok) throw new Error(r.message);
    expect(await impactRun(reviewer, r.id)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await runImpact(admin, { name: 'annualLimitFen.inpatient', value: 1, year: 2026 })).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('一个地区一年七万份申请也能预览（旧的读取方式每份申请占一个查询参数，SQLite 三万多份、PostgreSQL 六万多份就失败）', async () => {
    // 70,000 > 65,535 (PostgreSQL's bound-parameter limit) > 32,766 (SQLite's).
    const COUNT = 70_000;
    const filer = await staffUser('clerk', 'national');
    const p = await person();
    await q((db) => db.insert(schema.personCategories).values({ personId: p.id, code: 'tekun', region: 'national', validFrom: '2025-01-01', basis: 'declared' }));
    for (let start = 0; start < COUNT; start += 2_000) {
      const rows = Array.from({ length: Math.min(2_000, COUNT - start) }, (_, i) => ({
        ref: `NB-2025-${String(start + i).padStart(6, '0')}`, personId: p.id, filedByUserId: filer.id, region: 'national', year: 2025, status: 'submitted' as const, submittedAt: '2025-05-01T00:00:00.000Z',
      }));
      await q((db) => db.insert(schema.applications).values(rows));
    }
    const [first] = await q((db) => db.select({ id: schema.applications.id }).from(schema.applications).where(eq(schema.applications.ref, 'NB-2025-000000')));
    const dataEnc = sealVisit({
      hospitalName: '测试医院', date: '2025-04-01', endDate: '2025-04-12', kind: 'inpatient', hospitalLevel: 3, specialDisease: false, referred: true, location: 'local', offsiteFiled: false,
      totalFen: yuan(10_000), policyFen: yuan(10_000), basicPaidFen: yuan(5_000), criticalPaidFen: 0, supplementaryPaidFen: 0,
    });
    await q((db) => db.insert(schema.episodes).values({ applicationId: first!.id, seq: 0, dataEnc }));

    const loaded = await applicationPersonYears('national', 2025);
    expect(loaded.total).toBe(COUNT);
    const years = [];
    for await (const py of loaded.personYears) years.push(py);
    // Read in pages of 2,000: all 70,000, each once, in order of reference.
    expect(years).toHaveLength(COUNT);
    expect(new Set(years.map((y) => y.key)).size).toBe(COUNT);
    // Sorted by reference: the first carries its one stay and the person's 特困 status; the others have no visit.
    expect(years[0]).toMatchObject({ key: 'NB-2025-000000', person: { categories: [{ code: 'tekun' }] }, episodes: [{ id: 'e1', totalFen: yuan(10_000), basicPaidFen: yuan(5_000) }] });
    // The same person on every application: the category is joined once per application of a page, and kept once.
    expect(years[COUNT - 1]).toMatchObject({ key: 'NB-2025-069999', person: { categories: [{ code: 'tekun' }] }, episodes: [] });
  }, 120_000);

  it('没有编号的申请也读到，每份一次，带自己的就医记录和这个人的类别', async () => {
    const filer = await staffUser('clerk', 'chongqing-shapingba');
    const p = await person();
    await q((db) => db.insert(schema.personCategories).values([
      { personId: p.id, code: 'dibao', region: 'chongqing-shapingba', validFrom: '2024-01-01', basis: 'declared' },
      // Another region's status is not this region's.
      { personId: p.id, code: 'tekun', region: 'wuxi', validFrom: '2024-01-01', basis: 'declared' },
    ]));
    const stay = (policyYuan: number) => sealVisit({
      hospitalName: '测试医院', date: '2024-04-01', endDate: '2024-04-12', kind: 'inpatient', hospitalLevel: 3, specialDisease: false, referred: true, location: 'local', offsiteFiled: false,
      totalFen: yuan(policyYuan), policyFen: yuan(policyYuan), basicPaidFen: 0, criticalPaidFen: 0, supplementaryPaidFen: 0,
    });
    const ids: string[] = [];
    for (const [ref, policyYuan] of [['CQ-2024-000001', 1_000], [null, 2_000], [null, 3_000]] as const) {
      const [app] = await q((db) => db.insert(schema.applications).values({ ref, personId: p.id, filedByUserId: filer.id, region: 'chongqing-shapingba', year: 2024, status: 'in_review', submittedAt: '2024-05-01T00:00:00.000Z' }).returning());
      await q((db) => db.insert(schema.episodes).values([{ applicationId: app!.id, seq: 0, dataEnc: stay(policyYuan) }, { applicationId: app!.id, seq: 1, dataEnc: stay(policyYuan + 1) }]));
      ids.push(app!.id);
    }
    const loaded = await applicationPersonYears('chongqing-shapingba', 2024);
    expect(loaded.total).toBe(3);
    const years = [];
    for await (const py of loaded.personYears) years.push(py);
    // The referenced one first, then the two without a reference (keyed by id, in id order); each with its own two visits in order.
    const unnumbered = [{ id: ids[1]!, yuan: 2_000 }, { id: ids[2]!, yuan: 3_000 }].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(years.map((y) => y.key)).toEqual(['CQ-2024-000001', unnumbered[0]!.id, unnumbered[1]!.id]);
    expect(years.map((y) => y.episodes.map((e) => e.policyFen))).toEqual([
      [yuan(1_000), yuan(1_001)], [yuan(unnumbered[0]!.yuan), yuan(unnumbered[0]!.yuan + 1)], [yuan(unnumbered[1]!.yuan), yuan(unnumbered[1]!.yuan + 1)],
    ]);
    for (const y of years) expect(y.person.categories).toEqual([{ code: 'dibao', from: undefined, to: undefined }]);
  });
});
