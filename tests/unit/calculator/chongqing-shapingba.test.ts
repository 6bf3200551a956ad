// 重庆市沙坪坝区 (004). Expected fen are worked out by hand from the clause, shown next to each row.
import { describe, expect, it } from 'vitest';
import type { CategoryCode } from '@/lib/calculator';
import { amounts, ep, params, pool, tilts, year } from './helpers';

const CQ = 'chongqing-shapingba' as const;
// Referred care outside Chongqing: pools 1–2 apply, the tilt (市内 only) does not — isolates the basic assistance.
const away = { location: 'elsewhere' as const };
// A non-special stay at level 2 with policy-range cost 4,000,000 (> 30,000 yuan), basic 1,000,000 → self-pay 3,000,000.
const bigStay = (date: string, extra = {}) => ep('inpatient', date, 0, { totalFen: 4_000_000, policyFen: 4_000_000, basicPaidFen: 1_000_000, hospitalLevel: 2, ...away, ...extra });

describe('沙坪坝 004 二(三)1 特殊疾病救助', () => {
  const rows: { name: string; cat: CategoryCode; fen: number }[] = [
    { name: '低保对象患特殊疾病，报销后政策范围内费用按80%救助', cat: 'dibao', fen: 800_000 }, // 1,000,000 × 80%
    { name: '特困人员患特殊疾病按80%救助', cat: 'tekun', fen: 800_000 },
    { name: '返贫致贫人口患特殊疾病按80%救助', cat: 'returned_poverty', fen: 800_000 },
    { name: '低保边缘家庭成员患特殊疾病按60%救助', cat: 'dibao_edge', fen: 600_000 }, // 1,000,000 × 60%
    { name: '农村易返贫致贫人口患特殊疾病按60%救助', cat: 'monitored_rural', fen: 600_000 },
    { name: '因病致贫重病患者患特殊疾病按60%救助', cat: 'illness_poverty', fen: 600_000 },
  ];
  it.each(rows)('$name', ({ cat, fen }) => {
    const r = year(CQ, [cat], [ep('outpatient', '2024-03-01', 1_000_000, { specialDisease: true, ...away })]);
    expect(r.totals.assistanceFen).toBe(fen);
    expect(r.episodes[0]!.pool).toBe('special_disease');
  });

  it('特殊疾病门诊和住院共用10万元年度限额', () => {
    const r = year(CQ, ['dibao'], [
      ep('inpatient', '2024-02-01', 8_000_000, { specialDisease: true, ...away }), // × 80% = 6,400,000
      ep('outpatient', '2024-05-01', 8_000_000, { specialDisease: true, ...away }), // 6,400,000, only 10,000,000 − 6,400,000 = 3,600,000 left
    ]);
    expect(amounts(r)).toEqual([6_400_000, 3_600_000]);
    expect(pool(r, 'special_disease')).toEqual({ pool: 'special_disease', limitFen: 10_000_000, usedFen: 10_000_000, remainingFen: 0 });
  });
});

describe('沙坪坝 004 二(三)2 大额费用救助：二级及以上医院一次住院政策范围内费用超过3万元', () => {
  const rows = [
    // policy 3,000,001 − basic 1,000,001 = 2,000,000 → × 80% = 1,600,000
    { name: '政策范围内费用超过3万元（多1分）的住院按特殊疾病比例救助', extra: { policyFen: 3_000_001, totalFen: 3_000_001, basicPaidFen: 1_000_001 }, fen: 1_600_000, pool: 'large_expense' },
    { name: '政策范围内费用正好3万元的住院不属于大额费用', extra: { policyFen: 3_000_000, totalFen: 3_000_000, basicPaidFen: 1_000_000 }, fen: 0, pool: null },
    { name: '在一级医院住院不属于大额费用救助', extra: { hospitalLevel: 1 as const }, fen: 0, pool: null },
    { name: '三级医院住院超过3万元属于大额费用救助', extra: { hospitalLevel: 3 as const }, fen: 2_400_000, pool: 'large_expense' }, // 3,000,000 × 80%
  ];
  it.each(rows)('$name', ({ extra, fen, pool: p }) => {
    const r = year(CQ, ['dibao'], [bigStay('2024-03-01', extra)]);
    expect(r.totals.assistanceFen).toBe(fen);
    expect(r.episodes[0]!.pool).toBe(p);
  });

  it('普通门诊既不是特殊疾病也不是大额住院，不能从这两项救助', () => {
    const r = year(CQ, ['dibao'], [ep('outpatient', '2024-03-01', 5_000_000, away)]);
    expect(r.totals.assistanceFen).toBe(0);
    expect(r.episodes[0]!.reasons[0]).toContain('都不适用');
  });

  it('大额费用救助年度限额6万元', () => {
    const r = year(CQ, ['dibao'], [
      bigStay('2024-01-10'), // 3,000,000 × 80% = 2,400,000
      bigStay('2024-04-10'), // 2,400,000 (used 4,800,000)
      bigStay('2024-07-10'), // 2,400,000, only 6,000,000 − 4,800,000 = 1,200,000 left
    ]);
    expect(amounts(r)).toEqual([2_400_000, 2_400_000, 1_200_000]);
    expect(pool(r, 'large_expense')?.usedFen).toBe(6_000_000);
  });
});

describe('沙坪坝 004 二(六) 未按规定转诊不救助；按规范转诊到外地执行本区标准', () => {
  it('患特殊疾病但未按规定转诊，不纳入救助，也不计倾斜救助', () => {
    const r = year(CQ, ['dibao'], [ep('inpatient', '2024-03-01', 2_000_000, { specialDisease: true, referred: false })], params({ monitoringStandardFen: 0 }));
    expect(r.totals).toMatchObject({ assistanceFen: 0, tiltFen: 0 });
    expect(r.missingParameters).toEqual([]);
  });
});

describe('沙坪坝 004 二(三)3 倾斜救助：规范转诊且市内就医，累计自付超过上年监测标准的部分', () => {
  const monitoring = params({ monitoringStandardFen: 1_000_000 });
  // A non-special outpatient visit gets no basic assistance; its whole self-pay counts towards the tilt.
  const rows = [
    { name: '累计自付比监测标准少1分，没有倾斜救助', selfPay: 999_999, tilt: 0 },
    { name: '累计自付正好等于监测标准，没有倾斜救助', selfPay: 1_000_000, tilt: 0 },
    { name: '累计自付超过监测标准1分，按80%四舍五入为1分', selfPay: 1_000_001, tilt: 1 }, // 1 × 80% = 0.8 → 1
    { name: '低保对象累计自付超过监测标准的部分按80%倾斜救助', selfPay: 1_500_000, tilt: 400_000 }, // (1,500,000 − 1,000,000) × 80%
  ];
  it.each(rows)('$name', ({ selfPay, tilt }) => {
    const r = year(CQ, ['dibao'], [ep('outpatient', '2024-03-01', selfPay)], monitoring);
    expect(tilts(r)).toEqual([tilt]);
    expect(pool(r, 'tilt')?.usedFen).toBe(tilt);
  });
  it('低保边缘家庭成员超过监测标准的部分按60%倾斜救助', () => {
    const r = year(CQ, ['dibao_edge'], [ep('outpatient', '2024-03-01', 2_000_000)], monitoring);
    expect(r.totals.tiltFen).toBe(600_000); // (2,000,000 − 1,000,000) × 60%
  });
  it('特殊疾病救助后剩下的自付计入倾斜救助', () => {
    const r = year(CQ, ['dibao'], [ep('inpatient', '2024-03-01', 6_000_000, { specialDisease: true })], monitoring);
    expect(r.totals).toMatchObject({ assistanceFen: 4_800_000, tiltFen: 160_000 }); // 6,000,000 × 80%; residual 1,200,000 → 200,000 × 80%
  });
  it('倾斜救助年度限额2万元', () => {
    const r = year(CQ, ['dibao'], [ep('outpatient', '2024-03-01', 5_000_000)], monitoring);
    expect(r.totals.tiltFen).toBe(2_000_000); // (5,000,000 − 1,000,000) × 80% = 3,200,000 → capped at 2,000,000
    expect(pool(r, 'tilt')).toEqual({ pool: 'tilt', limitFen: 2_000_000, usedFen: 2_000_000, remainingFen: 0 });
  });
  it('重庆是直辖市：在市内其他区县（省内）就医也算市内', () => {
    const r = year(CQ, ['dibao'], [ep('outpatient', '2024-03-01', 1_500_000, { location: 'province' })], monitoring);
    expect(r.totals.tiltFen).toBe(400_000);
  });
  it('在重庆市外就医的不享受倾斜救助', () => {
    const r = year(CQ, ['dibao'], [ep('outpatient', '2024-03-01', 1_500_000, away)], monitoring);
    expect(r.totals.tiltFen).toBe(0);
  });
  it('监测标准尚未设定时不计算倾斜救助，并列出该参数', () => {
    const r = year(CQ, ['dibao'], [ep('outpatient', '2024-03-01', 1_500_000)]);
    expect(r.totals.tiltFen).toBe(0);
    expect(r.missingParameters).toEqual(['monitoringStandardFen']);
  });
  it('同时是低保对象和低保边缘家庭成员，按低保对象计算', () => {
    const r = year(CQ, ['dibao_edge', 'dibao'], [ep('outpatient', '2024-03-01', 2_000_000)], monitoring);
    expect(r.category).toBe('dibao');
    expect(r.totals.tiltFen).toBe(800_000); // 1,000,000 × 80% beats × 60%
  });
  it('文件印发（2023-08-14）前的就医不按本方案救助', () => {
    const r = year(CQ, ['dibao'], [ep('inpatient', '2023-08-13', 1_000_000, { specialDisease: true, ...away }), ep('inpatient', '2023-08-14', 1_000_000, { specialDisease: true, ...away })], {}, {}, 2023);
    expect(amounts(r)).toEqual([0, 800_000]);
  });
});
