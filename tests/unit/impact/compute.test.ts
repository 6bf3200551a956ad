import { describe, expect, it } from 'vitest';
import type { EpisodeInput, ParamSet } from '@/lib/calculator';
import { computeImpact, type PersonYear } from '@/lib/office/impact';

const yuan = (y: number) => y * 100;
const stay = (policyYuan: number, basicYuan: number): EpisodeInput => ({
  date: '2026-03-01', endDate: '2026-03-10', kind: 'inpatient', hospitalLevel: 3, location: 'local', referred: true,
  totalFen: yuan(policyYuan), policyFen: yuan(policyYuan), basicPaidFen: yuan(basicYuan), criticalPaidFen: 0,
});
const IN_FORCE: ParamSet = {
  'annualLimitFen.inpatient': { value: yuan(80_000), source: '演示通知' },
  'annualLimitFen.outpatient': { value: yuan(10_000), source: '演示通知' },
};

describe('参数变化的影响（上海住院限额 8 万 → 10 万）', () => {
  it('只有被限额卡住的人多得，合计、人数、类别、资金池和最大变化都按手算', async () => {
    const people: PersonYear[] = [
      // 低保 self-pay 200,000 − 50,000 = 150,000 元; 90% = 135,000 → capped at 80,000 now, at 100,000 under the draft.
      { key: 'SH-A', source: 'application', person: { categories: ['dibao'] }, episodes: [stay(200_000, 50_000)] },
      // 低保 self-pay 100,000 − 10,000 = 90,000 元; 90% = 81,000 → capped at 80,000 now, 81,000 under the draft.
      { key: 'SH-B', source: 'application', person: { categories: ['dibao'] }, episodes: [stay(100_000, 10_000)] },
      // 低收入 self-pay 50,000 元; 80% = 40,000: below both limits, unchanged.
      { key: 'SH-C', source: 'settlement', person: { categories: ['low_income'] }, episodes: [stay(100_000, 50_000)] },
    ];
    const progress: number[] = [];
    const r = await computeImpact(
      { region: 'shanghai', year: 2026, name: 'annualLimitFen.inpatient', draftValue: yuan(100_000), inForce: IN_FORCE, personYears: people, total: 3 },
      (p) => void progress.push(p.done),
    );
    // before 80,000 + 80,000 + 40,000 = 200,000 元; after 100,000 + 81,000 + 40,000 = 221,000 元
    expect(r.totals).toEqual({ beforeFen: yuan(200_000), afterFen: yuan(221_000), deltaFen: yuan(21_000) });
    expect([r.personYears, r.affected]).toEqual([3, 2]);
    expect(r.inForceValue).toBe(yuan(80_000));
    expect(r.largest.map((c) => [c.key, c.deltaFen])).toEqual([
      ['SH-A', yuan(20_000)],
      ['SH-B', yuan(1_000)],
    ]);
    expect(r.byCategory).toEqual([
      { category: 'dibao', personYears: 2, affected: 2, beforeFen: yuan(160_000), afterFen: yuan(181_000) },
      { category: 'low_income', personYears: 1, affected: 0, beforeFen: yuan(40_000), afterFen: yuan(40_000) },
    ]);
    expect(r.byPool).toEqual([{ pool: 'inpatient', nameZh: '住院救助', beforeFen: yuan(200_000), afterFen: yuan(221_000) }]);
    expect(r.missing).toEqual({ before: 0, after: 0 });
    expect(progress.at(-1)).toBe(3);
    // Serialisable: what is stored is what is read back.
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('现行没有设定限额时，草稿给出限额会让救助变少，并少了缺参数的估算', async () => {
    const r = await computeImpact({
      region: 'shanghai', year: 2026, name: 'annualLimitFen.inpatient', draftValue: yuan(100_000), inForce: {}, total: 1,
      personYears: [{ key: 'SH-A', source: 'application', person: { categories: ['dibao'] }, episodes: [stay(200_000, 50_000)] }],
    });
    // Without a limit the ratio amount is paid uncapped: 135,000 元; the draft caps it at 100,000.
    expect(r.totals).toEqual({ beforeFen: yuan(135_000), afterFen: yuan(100_000), deltaFen: -yuan(35_000) });
    expect(r.inForceValue).toBeNull();
    expect(r.missing).toEqual({ before: 1, after: 0 });
  });
});
