import '../helpers/test-db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dayBefore, parametersForYear, parametersOnDate, periodsOverlap, publishParameter, regionParameters, versionForYear, versionOn } from '@/lib/dal/parameters';
import { q, schema } from '@/lib/store/db';
import { testDialect } from '../helpers/test-db';
import { staffUser } from '../ledger/fixtures';

const LIMIT = 'annualLimitFen.inpatient';
const v = (effectiveFrom: string, effectiveTo: string | null) => ({ effectiveFrom, effectiveTo });

describe('参数版本的日期规则', () => {
  it('按日期选出当天有效的版本', () => {
    const versions = [v('2025-01-01', '2025-12-31'), v('2026-01-01', '2026-06-30'), v('2026-07-01', null)];
    expect(versionOn(versions, '2025-12-31')).toBe(versions[0]);
    expect(versionOn(versions, '2026-06-30')).toBe(versions[1]);
    expect(versionOn(versions, '2026-07-01')).toBe(versions[2]);
    expect(versionOn(versions, '2099-01-01')).toBe(versions[2]);
    expect(versionOn(versions, '2024-12-31')).toBeUndefined();
  });

  it('一年中途换了版本时，全年估算用当年最后开始的版本', () => {
    const versions = [v('2025-01-01', '2026-06-30'), v('2026-07-01', null)];
    expect(versionForYear(versions, 2026)).toBe(versions[1]);
    expect(versionForYear(versions, 2025)).toBe(versions[0]);
    expect(versionForYear(versions, 2024)).toBeUndefined();
  });

  it('首尾相接不算重叠，共有一天就算重叠，没有截止日期的一直有效', () => {
    expect(periodsOverlap(v('2026-01-01', '2026-06-30'), v('2026-07-01', null))).toBe(false);
    expect(periodsOverlap(v('2026-01-01', '2026-07-01'), v('2026-07-01', null))).toBe(true);
    expect(periodsOverlap(v('2026-01-01', null), v('2030-01-01', '2030-01-31'))).toBe(true);
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });
});

describe(`设定参数（${testDialect}）`, () => {
  const input = (o: Partial<Parameters<typeof publishParameter>[1]> = {}) => ({
    name: LIMIT, value: 8_000_000, effectiveFrom: '2026-01-01', effectiveTo: null, source: '沪医保规〔2026〕1号', closePrevious: false, ...o,
  });

  it('管理员设定上海住院限额，估算按年份读到它，并写审计', async () => {
    const admin = await staffUser('admin', 'shanghai');
    const r = await publishParameter(admin, input());
    if (!r.ok) throw new Error(r.message);
    const params = await parametersForYear('shanghai', 2026);
    expect(params[LIMIT]).toMatchObject({ value: 8_000_000, source: '沪医保规〔2026〕1号', demo: false, version: r.id });
    expect(await parametersForYear('shanghai', 2025)).not.toHaveProperty(LIMIT);
    const audit = await q((db) => db.select().from(schema.auditLog).where(and(eq(schema.auditLog.action, 'parameter.publish'), eq(schema.auditLog.entityId, r.id))));
    expect(audit).toHaveLength(1);
  });

  it('日期重叠的新版本被拒绝，原版本不变', async () => {
    const admin = await staffUser('admin', 'shanghai');
    const r = await publishParameter(admin, input({ name: 'annualLimitFen.outpatient', effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31', value: 1_000_000 }));
    expect(r.ok).toBe(true);
    const clash = await publishParameter(admin, input({ name: 'annualLimitFen.outpatient', effectiveFrom: '2026-06-01', value: 1_500_000 }));
    expect(clash).toMatchObject({ ok: false, code: 'conflict' });
    expect(clash.ok ? '' : clash.message).toMatch(/与已有版本（2026-01-01 至 2026-12-31，沪医保规〔2026〕1号）的日期重叠/);
    expect((await parametersOnDate('shanghai', '2026-06-01'))['annualLimitFen.outpatient']!.value).toBe(1_000_000);
  });

  it('勾选“结束现行版本”时，旧版本到新版本前一天为止，新旧各管各的日期', async () => {
    const admin = await staffUser('admin', 'chongqing-shapingba');
    const name = 'monitoringStandardFen';
    expect((await publishParameter(admin, input({ name, value: 760_000, effectiveFrom: '2025-01-01' }))).ok).toBe(true);
    // Without the explicit step the open-ended version blocks the new one.
    expect(await publishParameter(admin, input({ name, value: 800_000, effectiveFrom: '2026-01-01' }))).toMatchObject({ ok: false, code: 'conflict' });
    const r = await publishParameter(admin, input({ name, value: 800_000, effectiveFrom: '2026-01-01', closePrevious: true }));
    if (!r.ok) throw new Error(r.message);
    expect(r.closed).toMatchObject({ effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' });
    expect((await parametersOnDate('chongqing-shapingba', '2025-12-31'))[name]!.value).toBe(760_000);
    expect((await parametersOnDate('chongqing-shapingba', '2026-01-01'))[name]!.value).toBe(800_000);
  });

  it('两个管理员同时设定同一参数的重叠版本：只有一个成功', async () => {
    const a = await staffUser('admin', 'national');
    const b = await staffUser('admin', 'national');
    const results = await Promise.all([
      publishParameter(a, input({ name: 'tiltRatioPercent', value: 50, effectiveFrom: '2026-01-01' })),
      publishParameter(b, input({ name: 'tiltRatioPercent', value: 60, effectiveFrom: '2026-03-01' })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)[0]).toMatchObject({ code: 'conflict' });
    const rows = await q((db) => db.select().from(schema.parameters).where(and(eq(schema.parameters.region, 'national'), eq(schema.parameters.name, 'tiltRatioPercent'))));
    expect(rows).toHaveLength(1);
  });

  it('只有管理员能设定；别的地区的参数看不到，本地区的审核员能看', async () => {
    const reviewer = await staffUser('reviewer', 'shanghai');
    expect(await publishParameter(reviewer, input())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await regionParameters(reviewer, 'wuxi')).toMatchObject({ ok: false, code: 'not_found' });
    const own = await regionParameters(reviewer, 'shanghai');
    if (!own.ok) throw new Error(own.message);
    expect(own.defs.map((d) => d.def.name)).toContain(LIMIT);
    // The figures 000 fixes are listed too, with their clause: 低保 inpatient 90% (000 二(二)4).
    expect(own.fixed).toContainEqual(expect.objectContaining({ name: 'ratio', value: 90, source: '000 二(二)4' }));
    const wuxiAdmin = await staffUser('admin', 'wuxi');
    expect(await publishParameter(wuxiAdmin, input())).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('截止日期早于开始日期被拒绝，并标在截止日期旁', async () => {
    const admin = await staffUser('admin', 'shanghai');
    const r = await publishParameter(admin, input({ name: 'dibaoStandardMonthlyFen', effectiveFrom: '2026-05-01', effectiveTo: '2026-04-30' }));
    expect(r).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { effectiveTo: '截止日期不能早于开始日期' } });
  });
});

describe(`读取一年的参数（${testDialect}）`, () => {
  it('一年里先后两个版本时用开始得晚的；演示值标着演示，生效日期和来源照存', async () => {
    const admin = await staffUser('admin', 'wuxi');
    const p = schema.parameters;
    await q((db) => db.insert(p).values([
      { region: 'wuxi', name: 'annualLimitFen.inpatient', value: 6_000_000, unit: 'fen', effectiveFrom: '2025-01-01', effectiveTo: '2026-03-31', source: '锡医保〔2025〕演示', demo: true, setBy: admin.id },
      { region: 'wuxi', name: 'annualLimitFen.inpatient', value: 9_000_000_000, unit: 'fen', effectiveFrom: '2026-04-01', effectiveTo: null, source: '锡医保〔2026〕演示', demo: true, setBy: admin.id },
      // Another region's value is not Wuxi's.
      { region: 'shanghai', name: 'annualLimitFen.outpatient', value: 1, unit: 'fen', effectiveFrom: '2020-01-01', effectiveTo: null, source: '别的地区', demo: false, setBy: admin.id },
    ]));
    const year = await parametersForYear('wuxi', 2026);
    // 9,000,000,000 fen is past 2^31: PostgreSQL's bigint must still come back as a number.
    expect(year['annualLimitFen.inpatient']).toMatchObject({ value: 9_000_000_000, source: '锡医保〔2026〕演示', effectiveFrom: '2026-04-01', demo: true });
    expect(year).not.toHaveProperty('annualLimitFen.outpatient');
    expect((await parametersOnDate('wuxi', '2026-03-31'))['annualLimitFen.inpatient']).toMatchObject({ value: 6_000_000, effectiveFrom: '2025-01-01', demo: true });
    expect(await parametersOnDate('wuxi', '2024-12-31')).not.toHaveProperty('annualLimitFen.inpatient');
  });
});
