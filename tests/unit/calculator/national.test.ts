// 全国 (003), a guideline: bounds become ranges; what it leaves to localities is a staff-set parameter.
import { describe, expect, it } from 'vitest';
import type { CategoryCode } from '@/lib/calculator';
import { amounts, ep, params, pool, tilts, year } from './helpers';

const income = { perCapitaIncomePrevYearFen: 5_000_000 }; // 上年居民人均可支配收入 50,000 yuan
const limit = { 'annualLimitFen.inpatient': 100_000_000 };

describe('国家 003 四(五) 起付标准和救助比例（范围：预计取保守端，最高取宽松端）', () => {
  const rows: { name: string; cat: CategoryCode; fen: number; max: number }[] = [
    // 原则上取消起付标准 → no deductible: 1,000,000 × 70% = 700,000 at both ends (the 5% ceiling is not applied)
    { name: '低保对象原则上取消起付标准，按不低于70%救助', cat: 'dibao', fen: 700_000, max: 700_000 },
    { name: '特困人员与低保对象相同', cat: 'tekun', fen: 700_000, max: 700_000 },
    // deductible 10% × 5,000,000 = 500,000 → 500,000 × 60% = 300,000; generous 500,000 × 70% = 350,000
    { name: '低保边缘家庭成员起付标准约为10%，比例略低于低保对象（60%–70%）', cat: 'dibao_edge', fen: 300_000, max: 350_000 },
    // deductible 25% × 5,000,000 = 1,250,000 ≥ 1,000,000 → 0
    { name: '因病致贫重病患者起付标准约为25%，自付未超过起付标准的不救助', cat: 'illness_poverty', fen: 0, max: 0 },
  ];
  it.each(rows)('$name', ({ cat, fen, max }) => {
    const r = year('national', [cat], [ep('inpatient', '2024-03-01', 1_000_000)], params({ ...income, ...limit }));
    expect(r.totals.assistanceFen).toBe(fen);
    expect(r.totals.assistanceMaxFen).toBe(max);
  });

  it('起付标准按全年累计：第二次住院只扣剩下的起付标准', () => {
    const r = year('national', ['illness_poverty'], [
      ep('inpatient', '2024-03-01', 1_000_000), // all 1,000,000 within the 1,250,000 deductible → 0
      ep('inpatient', '2024-06-01', 1_000_000), // 250,000 of deductible left → (1,000,000 − 250,000) × 60% = 450,000
    ], params({ ...income, ...limit }));
    expect(amounts(r)).toEqual([0, 450_000]);
    expect(r.totals.assistanceMaxFen).toBe(525_000); // 750,000 × 70%
  });

  it('低保对象住院1000元、没有设定人均可支配收入：不设起付标准，按70%救助，不列收入参数；5%上限只在说明中提到', () => {
    // 100,000 × 70% = 70,000 at both ends; no deductible, so the income figure is never needed
    const r = year('national', ['dibao'], [ep('inpatient', '2024-03-01', 100_000)], params(limit));
    expect(r.totals).toMatchObject({ assistanceFen: 70_000, assistanceMaxFen: 70_000 });
    expect(r.missingParameters).not.toContain('perCapitaIncomePrevYearFen');
    expect(r.missingParameters).toEqual(['tiltThresholdFen', 'tiltRatioPercent']); // the tilt standard is still needed
    const row = r.trace.find((t) => t.step === 'deductible')!;
    expect(row.text).toContain('不设年度救助起付标准');
    expect(row.text).toContain('5%');
    expect(row.source).toBe('003 四(五)');
  });

  it('特困人员两次住院，人均可支配收入已设定也不扣起付标准', () => {
    // 300,000 × 70% = 210,000; 200,000 × 70% = 140,000 (5% × 5,000,000 = 250,000 would have taken the whole first stay)
    const r = year('national', ['tekun'], [ep('inpatient', '2024-03-01', 300_000), ep('inpatient', '2024-05-01', 200_000)], params({ ...income, ...limit }));
    expect(amounts(r)).toEqual([210_000, 140_000]);
    expect(r.totals.assistanceMaxFen).toBe(350_000);
  });

  it('缺少上年人均可支配收入时，预计金额不计入、最高可达按无起付标准计算，并列出该参数', () => {
    const r = year('national', ['dibao_edge'], [ep('inpatient', '2024-03-01', 1_000_000)], params(limit));
    expect(r.totals.assistanceFen).toBe(0);
    expect(r.totals.assistanceMaxFen).toBe(700_000); // 1,000,000 × 70%, no deductible
    expect(r.missingParameters).toContain('perCapitaIncomePrevYearFen');
  });

  it('农村易返贫致贫人口的救助水平按其他政策执行，国家文件无法估算', () => {
    const r = year('national', ['monitored_rural'], [ep('inpatient', '2024-03-01', 1_000_000)], params(income));
    expect(r).toMatchObject({ category: 'monitored_rural', computable: false });
    expect(r.totals.assistanceFen).toBe(0);
  });

  it('返贫致贫人口在国家文件中只有参保资助，不是医疗救助对象', () => {
    const r = year('national', ['returned_poverty'], [ep('inpatient', '2024-03-01', 1_000_000)], params(income));
    expect(r.category).toBeNull();
    expect(r.totals.assistanceFen).toBe(0);
  });

  it('同时是低保对象和低保边缘家庭成员，按低保对象计算', () => {
    const r = year('national', ['dibao_edge', 'dibao'], [ep('inpatient', '2024-03-01', 1_000_000)], params({ ...income, ...limit }));
    expect(r.category).toBe('dibao');
    expect(r.totals.assistanceFen).toBe(700_000); // 1,000,000 × 70% = 700,000 > 300,000
  });
});

describe('国家 003 四(四)、七(十三) 救助范围', () => {
  it('未按规定转诊的费用不纳入救助', () => {
    const r = year('national', ['dibao'], [ep('inpatient', '2024-03-01', 1_000_000, { referred: false })], params({ ...income, ...limit }));
    expect(r.totals.assistanceFen).toBe(0);
    expect(r.episodes[0]!.reasons[0]).toContain('未按规定转诊');
  });
  it('普通门急诊不在国家文件的救助范围内，门诊慢特病在', () => {
    const r = year('national', ['dibao'], [
      ep('outpatient', '2024-03-01', 100_000), // not covered
      ep('outpatient_special', '2024-03-02', 1_000_000), // no deductible: 1,000,000 × 70% = 700,000
    ], params({ ...income, ...limit }));
    expect(amounts(r)).toEqual([0, 700_000]);
  });
  it('按规定转诊到省外就医，执行户籍地标准，但不享受倾斜救助', () => {
    const r = year('national', ['dibao'], [ep('inpatient', '2024-03-01', 1_000_000, { location: 'elsewhere' })], params({ ...income, ...limit, tiltThresholdFen: 0, tiltRatioPercent: 50 }));
    expect(r.totals).toMatchObject({ assistanceFen: 700_000, tiltFen: 0 }); // 1,000,000 × 70%
  });
});

describe('国家 003 四(六) 共用年度限额和倾斜救助（标准由统筹地区确定：参数）', () => {
  it('住院和门诊慢特病共用年度限额，达到后不再救助', () => {
    const r = year('national', ['dibao'], [
      ep('inpatient', '2024-03-01', 500_000), // 500,000 × 70% = 350,000
      ep('outpatient_special', '2024-04-01', 1_000_000), // 1,000,000 × 70% = 700,000, only 600,000 − 350,000 = 250,000 left
    ], params({ ...income, 'annualLimitFen.inpatient': 600_000 }));
    expect(amounts(r)).toEqual([350_000, 250_000]);
    expect(r.totals.assistanceMaxFen).toBe(600_000); // no range: the same 350,000 + 250,000
    expect(pool(r, 'inpatient')?.remainingFen).toBe(0);
  });
  it('年度限额尚未设定时不封顶并列出参数', () => {
    const r = year('national', ['dibao'], [ep('inpatient', '2024-03-01', 1_000_000)], params(income));
    expect(r.missingParameters).toContain('annualLimitFen.inpatient');
    expect(pool(r, 'inpatient')?.limitFen).toBeNull();
  });
  // dibao, self-pay 1,000,000: no deductible, assistance 700,000, residual 300,000
  const rows = [
    { name: '累计负担刚好低于倾斜救助起点，没有倾斜救助', threshold: 300_001, tilt: 0 },
    { name: '累计负担正好等于倾斜救助起点，没有倾斜救助', threshold: 300_000, tilt: 0 },
    { name: '累计负担超过起点1分，按50%四舍五入为1分', threshold: 299_999, tilt: 1 }, // 1 × 50% = 0.5 → 1
    { name: '累计负担超过起点的部分按设定比例倾斜救助', threshold: 200_000, tilt: 50_000 }, // (300,000 − 200,000) × 50% = 50,000
  ];
  it.each(rows)('$name', ({ threshold, tilt }) => {
    const r = year('national', ['dibao'], [ep('inpatient', '2024-03-01', 1_000_000)], params({ ...income, ...limit, tiltThresholdFen: threshold, tiltRatioPercent: 50 }));
    expect(tilts(r)).toEqual([tilt]);
  });
  it('倾斜救助标准未设定时不计算，并列出两个参数', () => {
    const r = year('national', ['dibao'], [ep('inpatient', '2024-03-01', 1_000_000)], params({ ...income, ...limit }));
    expect(r.totals.tiltFen).toBe(0);
    expect(r.missingParameters).toEqual(expect.arrayContaining(['tiltThresholdFen', 'tiltRatioPercent']));
  });
  it('没有规范转诊时用不到倾斜救助参数，也不列为缺少', () => {
    const r = year('national', ['dibao'], [ep('inpatient', '2024-03-01', 1_000_000, { referred: false })], params(income));
    expect(r.missingParameters).toEqual([]);
  });
});
