// 上海市市民社区医疗互助帮困计划 (002). Expected fen are worked out by hand from the clause.
import { describe, expect, it } from 'vitest';
import { amounts, ep, year } from './helpers';

const MA = 'shanghai-mutual-aid' as const;

describe('互助帮困 002 五(一)(二) 门急诊：先用150元补贴，个人现金自负到500元，超过部分按医院等级支付', () => {
  const rows = [
    { name: '门诊费用100元全部由150元补贴支付', selfPay: 10_000, level: 2 as const, fen: 10_000 },
    // 15,000 allowance + 50,000 own cash; (100,000 − 65,000) × 85% = 29,750 → 15,000 + 29,750 = 44,750
    { name: '在一级医疗机构超过部分按85%支付', selfPay: 100_000, level: 1 as const, fen: 44_750 },
    { name: '在二级医疗机构超过部分按80%支付', selfPay: 100_000, level: 2 as const, fen: 43_000 }, // 15,000 + 35,000 × 80%
    { name: '在三级医疗机构超过部分按75%支付', selfPay: 100_000, level: 3 as const, fen: 41_250 }, // 15,000 + 35,000 × 75%
  ];
  it.each(rows)('$name', ({ selfPay, level, fen }) => {
    const r = year(MA, ['returnee'], [ep('outpatient', '2024-02-01', selfPay, { hospitalLevel: level })]);
    expect(r.totals.assistanceFen).toBe(fen);
    expect(r.pools).toEqual([]);
  });

  it('补贴和个人自负500元按全年累计', () => {
    const r = year(MA, ['returnee'], [
      ep('outpatient', '2024-01-10', 30_000), // allowance 15,000; own cash 15,000 → 15,000
      ep('outpatient', '2024-02-10', 50_000), // allowance 0; own cash 35,000 more (reaches 50,000); 15,000 × 80% = 12,000
      ep('outpatient_special', '2024-03-10', 20_000, { hospitalLevel: 3 }), // all above: 20,000 × 75% = 15,000
    ]);
    expect(amounts(r)).toEqual([15_000, 12_000, 15_000]);
  });

  it('门急诊在外省市就医的不在互助帮困范围', () => {
    const r = year(MA, ['returnee'], [ep('outpatient', '2024-02-01', 100_000, { location: 'elsewhere' })]);
    expect(r.totals.assistanceFen).toBe(0);
  });
});

describe('互助帮困 002 五(三) 住院', () => {
  it('有外省市职工医保：全年累计住院自负超过当地起付标准的部分补助60%', () => {
    const r = year(MA, ['returnee'], [
      ep('inpatient', '2024-02-01', 150_000), // cumulative 150,000 ≤ 200,000 → 0
      ep('inpatient', '2024-06-01', 300_000), // cumulative 450,000 → (450,000 − 200,000) × 60% = 150,000
    ], {}, { hasEmployeeInsuranceElsewhere: true, homeDeductibleFen: 200_000 });
    expect(amounts(r)).toEqual([0, 150_000]);
  });

  it('没有职工医保：全年累计住院总医疗费超过1000元的部分补助50%', () => {
    const r = year(MA, ['returnee'], [
      ep('inpatient', '2024-02-01', 80_000), // cumulative total 80,000 ≤ 100,000 → 0
      ep('inpatient', '2024-06-01', 0, { totalFen: 220_000, policyFen: 200_000 }), // cumulative 300,000 → (300,000 − 100,000) × 50% = 100,000
    ], {}, { hasEmployeeInsuranceElsewhere: false });
    expect(amounts(r)).toEqual([0, 100_000]);
  });

  it('没有职工医保：目录外费用也计入总医疗费，补助上限是个人实际负担（例：总费用1万元、目录内2000元、医保未支付 → 4500元）', () => {
    // cumulative total 1,000,000 → (1,000,000 − 100,000) × 50% = 450,000; paid = 1,000,000 − 0 = 1,000,000 ≥ 450,000
    const r = year(MA, ['returnee'], [ep('inpatient', '2024-02-01', 0, { totalFen: 1_000_000, policyFen: 200_000 })], {}, { hasEmployeeInsuranceElsewhere: false });
    expect(r.totals.assistanceFen).toBe(450_000); // ¥4,500, not the ¥2,000 policy-range self-pay
    expect(r.totals.outOfPocketFen).toBe(550_000); // 1,000,000 − 450,000
    expect(r.missingFacts).toEqual([]);
  });

  it('没有职工医保：补助不超过总费用减去各项医保支付后的个人实际负担', () => {
    // total 1,000,000, basic paid 800,000 → paid 200,000; (1,000,000 − 100,000) × 50% = 450,000 → capped at 200,000
    const r = year(MA, ['returnee'], [ep('inpatient', '2024-02-01', 0, { totalFen: 1_000_000, policyFen: 1_000_000, basicPaidFen: 800_000 })], {}, { hasEmployeeInsuranceElsewhere: false });
    expect(r.totals.assistanceFen).toBe(200_000);
    expect(r.totals.outOfPocketFen).toBe(0); // 1,000,000 − 800,000 − 200,000
  });

  it('没有职工医保：全部是目录外费用的住院也能补助', () => {
    // policy 0 (self-pay 0) but total 300,000 paid by the person → (300,000 − 100,000) × 50% = 100,000
    const r = year(MA, ['returnee'], [ep('inpatient', '2024-02-01', 0, { totalFen: 300_000, policyFen: 0 })], {}, { hasEmployeeInsuranceElsewhere: false });
    expect(r.totals.assistanceFen).toBe(100_000);
    expect(r.episodes[0]!.selfPayPolicyFen).toBe(0);
  });

  it('有职工医保时目录外费用不计入（仍按政策范围内自负计算）', () => {
    // self-pay = policy 200,000; (200,000 − 100,000) × 60% = 60,000; the 800,000 out of catalogue is not in the base
    const r = year(MA, ['returnee'], [ep('inpatient', '2024-02-01', 0, { totalFen: 1_000_000, policyFen: 200_000 })], {}, { hasEmployeeInsuranceElsewhere: true, homeDeductibleFen: 100_000 });
    expect(r.totals.assistanceFen).toBe(60_000);
  });

  it('没有说明是否有职工医保：列为缺少的个人情况，预计不计入，最高可达按两种规则中较高者', () => {
    // insured rule, home deductible unknown → generous 0: 300,000 × 60% = 180,000; uninsured rule (300,000 − 100,000) × 50% = 100,000
    const r = year(MA, ['returnee'], [ep('inpatient', '2024-02-01', 300_000)]);
    expect(r.totals.assistanceFen).toBe(0);
    expect(r.totals.assistanceMaxFen).toBe(180_000);
    expect(r.missingFacts).toEqual(['hasEmployeeInsuranceElsewhere']);
    expect(r.missingParameters).toEqual([]);
  });

  it('没有说明是否有职工医保但填了当地起付标准：最高可达取较高的50%规则', () => {
    // insured (300,000 − 200,000) × 60% = 60,000; uninsured (300,000 − 100,000) × 50% = 100,000 → 100,000
    const r = year(MA, ['returnee'], [ep('inpatient', '2024-02-01', 300_000)], {}, { homeDeductibleFen: 200_000 });
    expect(r.totals).toMatchObject({ assistanceFen: 0, assistanceMaxFen: 100_000 });
    expect(r.missingFacts).toEqual(['hasEmployeeInsuranceElsewhere']);
  });

  it('只有门急诊时不需要知道是否有职工医保', () => {
    const r = year(MA, ['returnee'], [ep('outpatient', '2024-02-01', 10_000)]); // all from the 150-yuan allowance
    expect(r.totals.assistanceFen).toBe(10_000);
    expect(r.missingFacts).toEqual([]);
  });

  it('有职工医保但没填当地起付标准：预计不计入，最高可达按0元起付计算', () => {
    const r = year(MA, ['returnee'], [ep('inpatient', '2024-02-01', 300_000)], {}, { hasEmployeeInsuranceElsewhere: true });
    expect(r.totals.assistanceFen).toBe(0);
    expect(r.totals.assistanceMaxFen).toBe(180_000); // 300,000 × 60%
  });
});

describe('互助帮困 002 二 对象与有效期', () => {
  it('不是退休回沪人员的，不在互助帮困计划范围', () => {
    const r = year(MA, ['dibao'], [ep('outpatient', '2024-02-01', 10_000)]);
    expect(r.category).toBeNull();
    expect(r.totals.assistanceFen).toBe(0);
  });
  it('有效期（2027-12-31）之后的就医不再适用', () => {
    const r = year(MA, ['returnee'], [ep('outpatient', '2028-01-05', 10_000)], {}, {}, 2028);
    expect(r.totals.assistanceFen).toBe(0);
    expect(r.episodes[0]!.reasons[0]).toContain('有效期');
  });
});
