// Independent review: expected fen worked out by hand from the documents (the five policy documents listed in README.md)
// and the digest's rulings (POLICY.md), arithmetic shown next to each case. Not a copy of the other files' rows.
import { describe, expect, it } from 'vitest';
import {
  checkEligibility,
  estimate,
  type CategoryCode,
  type CategoryPeriod,
  type EligibilityFacts,
  type EpisodeInput,
  type EstimateResult,
  type ParamSet,
  type PersonInput,
  type RegionCode,
} from '@/lib/calculator';

// ---------------------------------------------------------------------------------------------
// Local builders (independent of helpers.ts)

/** Policy-range self-pay `selfPay`, no insurance payment, nothing out of catalog, unless overridden. */
function e(kind: EpisodeInput['kind'], date: string, selfPay: number, extra: Partial<EpisodeInput> = {}): EpisodeInput {
  return { date, kind, totalFen: selfPay, policyFen: selfPay, ...extra };
}

function P(values: Record<string, number>): ParamSet {
  const out: ParamSet = {};
  for (const [k, v] of Object.entries(values)) out[k] = { value: v, source: '复核测试参数', effectiveFrom: '2024-01-01' };
  return out;
}

function calc(
  region: RegionCode,
  categories: (CategoryCode | CategoryPeriod)[],
  episodes: EpisodeInput[],
  parameters: ParamSet = {},
  person: Partial<PersonInput> = {},
  year = 2024,
): EstimateResult {
  return estimate({ region, year, person: { categories, ...person }, episodes, parameters });
}

const assist = (r: EstimateResult) => r.episodes.map((x) => x.assistanceFen);
const tilt = (r: EstimateResult) => r.episodes.map((x) => x.tiltFen);
const poolOf = (r: EstimateResult, name: string) => r.pools.find((p) => p.pool === name);

// ---------------------------------------------------------------------------------------------
// 无锡 001

describe('复核 无锡 001 四(六)(七) 限额与倾斜救助的累计', () => {
  it('无锡低保两次住院累计超过30万元封顶，封顶后剩下的负担全部按60%倾斜救助', () => {
    const r = calc('wuxi', ['dibao'], [
      // 20,000,000 × 85% = 17,000,000; residual 3,000,000 → (3,000,000 − 600,000) × 60% = 1,440,000
      e('inpatient', '2024-02-01', 20_000_000),
      // 17,000,000 but only 30,000,000 − 17,000,000 = 13,000,000 left; residual 7,000,000, all above 6,000 yuan → × 60% = 4,200,000 (tilt has no limit)
      e('inpatient', '2024-06-01', 20_000_000),
    ]);
    expect(assist(r)).toEqual([17_000_000, 13_000_000]);
    expect(tilt(r)).toEqual([1_440_000, 4_200_000]);
    expect(poolOf(r, 'inpatient')).toEqual({ pool: 'inpatient', limitFen: 30_000_000, usedFen: 30_000_000, remainingFen: 0 });
    expect(r.totals.tiltFen).toBe(5_640_000);
  });

  it('无锡特困人员住院限额用完后，门诊慢特病的剩余负担跨过6000元才有倾斜救助，普通门诊另有限额', () => {
    const r = calc('wuxi', ['tekun'], [
      // 30,500,000 × 100% = 30,500,000 → capped at 30,000,000; residual 500,000 (running 500,000 ≤ 600,000): tilt 0
      e('inpatient', '2024-03-01', 30_500_000),
      // shared pool empty → 0; residual 300,000 → running 800,000 → (800,000 − 600,000) × 60% = 120,000
      e('outpatient_special', '2024-05-01', 300_000),
      // ordinary outpatient pool (10,000 yuan) untouched: 100,000 × 100% = 100,000; residual 0 → no tilt
      e('outpatient', '2024-06-01', 100_000),
    ]);
    expect(assist(r)).toEqual([30_000_000, 0, 100_000]);
    expect(tilt(r)).toEqual([0, 120_000, 0]);
  });

  it('无锡低保普通门诊超过1万元限额后，未救助的部分仍计入倾斜救助', () => {
    // 2,000,000 × 85% = 1,700,000 → capped at 1,000,000; residual 1,000,000 → (1,000,000 − 600,000) × 60% = 240,000
    const r = calc('wuxi', ['dibao'], [e('outpatient', '2024-04-01', 2_000_000)]);
    expect(assist(r)).toEqual([1_000_000]);
    expect(tilt(r)).toEqual([240_000]);
  });

  it('无锡低保边缘门诊自付5分按70%为3.5分，四舍五入为4分', () => {
    // 5 × 70% = 3.5 → 4 (half-up)
    const r = calc('wuxi', ['dibao_edge'], [e('outpatient', '2024-04-01', 5, { referred: false })]);
    expect(assist(r)).toEqual([4]);
  });
});

describe('复核 无锡 001 四(八) 身份变化（次月起停止；住院期间丧失或取得）', () => {
  // referred: false keeps the tilt out; inpatient self-pay 1,000,000 × 85% = 850,000; outpatient 100,000 × 85% = 85,000.
  const rows: { name: string; cats: CategoryPeriod[]; eps: EpisodeInput[]; want: number[] }[] = [
    {
      name: '无锡月中丧失低保身份后当月入院、次月出院，整次住院仍按低保救助',
      cats: [{ code: 'dibao', to: '2024-06-15' }],
      eps: [e('inpatient', '2024-06-20', 1_000_000, { endDate: '2024-07-05', referred: false })],
      want: [850_000], // entitled to the end of June; status ends during the stay → the stay keeps it
    },
    {
      name: '无锡低保身份6月中丧失，7月1日入院的住院不再救助',
      cats: [{ code: 'dibao', to: '2024-06-15' }],
      eps: [e('inpatient', '2024-07-01', 1_000_000, { endDate: '2024-07-10', referred: false })],
      want: [0], // 次月起不再享受
    },
    {
      name: '无锡12月10日丧失身份，12月31日的门诊仍按原身份救助',
      cats: [{ code: 'dibao', to: '2024-12-10' }],
      eps: [e('outpatient', '2024-12-31', 100_000, { referred: false })],
      want: [85_000],
    },
    {
      name: '无锡上月入院、住院期间取得低保身份，整次住院按低保救助',
      cats: [{ code: 'dibao', from: '2024-03-05' }],
      eps: [e('inpatient', '2024-02-25', 1_000_000, { endDate: '2024-03-10', referred: false })],
      want: [850_000], // 当次住院起即可
    },
    {
      name: '无锡出院当天取得身份，这次住院也按新身份救助',
      cats: [{ code: 'dibao', from: '2024-03-10' }],
      eps: [e('inpatient', '2024-03-01', 1_000_000, { endDate: '2024-03-10', referred: false })],
      want: [850_000],
    },
    {
      name: '无锡出院次日才取得身份，这次住院不救助',
      cats: [{ code: 'dibao', from: '2024-03-11' }],
      eps: [e('inpatient', '2024-03-01', 1_000_000, { endDate: '2024-03-10', referred: false })],
      want: [0],
    },
    {
      name: '无锡上年12月丧失低保身份，次年1月的门诊不再救助',
      cats: [{ code: 'dibao', to: '2023-12-20' }],
      eps: [e('outpatient', '2024-01-02', 100_000, { referred: false })],
      want: [0],
    },
  ];
  it.each(rows)('$name', ({ cats, eps, want }) => {
    expect(assist(calc('wuxi', cats, eps))).toEqual(want);
  });

  it('无锡低保月中降为低保边缘，当月门诊仍按低保85%，次月起按70%', () => {
    const r = calc('wuxi', [{ code: 'dibao', to: '2024-04-10' }, { code: 'dibao_edge', from: '2024-04-11' }], [
      e('outpatient', '2024-04-20', 100_000, { referred: false }), // dibao until 04-30: × 85% = 85,000 (就高)
      e('outpatient', '2024-05-03', 100_000, { referred: false }), // dibao_edge: × 70% = 70,000
    ]);
    // plan dibao 85,000 + 70,000 = 155,000 > plan dibao_edge 70,000 + 70,000 = 140,000
    expect(assist(r)).toEqual([85_000, 70_000]);
    expect(r.category).toBe('dibao');
  });

  it('无锡全年低保、下半年又认定为特困人员，上半年按85%、下半年按100%', () => {
    const r = calc('wuxi', ['dibao', { code: 'tekun', from: '2024-07-01' }], [
      e('outpatient', '2024-03-10', 100_000, { referred: false }), // dibao: 85,000
      e('outpatient', '2024-08-10', 100_000, { referred: false }), // tekun: 100,000
    ]);
    // plan tekun (gaps filled by dibao) 185,000 > plan dibao 170,000
    expect(assist(r)).toEqual([85_000, 100_000]);
    expect(r.category).toBe('tekun');
  });
});

// ---------------------------------------------------------------------------------------------
// 重庆市沙坪坝区 004

describe('复核 沙坪坝 004 二(三) 三个资金池', () => {
  const CQ = 'chongqing-shapingba' as const;
  const away = { location: 'elsewhere' as const }; // referred care outside Chongqing: no tilt
  const mon = P({ monitoringStandardFen: 1_000_000 });

  it('沙坪坝一次住院政策范围内费用超过3万元、未填医院等级（默认二级），按大额费用救助', () => {
    // policy 3,500,000 > 3,000,000, level default 2; self-pay 3,500,000 − 2,000,000 = 1,500,000 × 80% = 1,200,000
    const r = calc(CQ, ['dibao'], [e('inpatient', '2024-03-01', 0, { totalFen: 3_500_000, policyFen: 3_500_000, basicPaidFen: 2_000_000, ...away })]);
    expect(assist(r)).toEqual([1_200_000]);
    expect(r.episodes[0]!.pool).toBe('large_expense');
  });

  it('沙坪坝低保边缘家庭成员在一级医院因特殊疾病住院，仍按特殊疾病60%救助', () => {
    // special disease has no hospital-level condition: 1,000,000 × 60% = 600,000
    const r = calc(CQ, ['dibao_edge'], [e('inpatient', '2024-03-01', 1_000_000, { specialDisease: true, hospitalLevel: 1, ...away })]);
    expect(assist(r)).toEqual([600_000]);
    expect(r.episodes[0]!.pool).toBe('special_disease');
  });

  it('沙坪坝返贫致贫人口大额费用救助按80%四舍五入到分', () => {
    // policy 3,000,001 > 3,000,000; self-pay 3,000,001 − 1,234,567 = 1,765,434 × 80% = 1,412,347.2 → 1,412,347
    const r = calc(CQ, ['returned_poverty'], [
      e('inpatient', '2024-03-01', 0, { totalFen: 3_000_001, policyFen: 3_000_001, basicPaidFen: 1_234_567, hospitalLevel: 3, ...away }),
    ]);
    expect(assist(r)).toEqual([1_412_347]);
  });

  it('沙坪坝特殊疾病限额用完后，特殊疾病住院不能改用大额费用救助', () => {
    const r = calc(CQ, ['dibao'], [
      e('outpatient', '2024-02-01', 13_000_000, { specialDisease: true, ...away }), // × 80% = 10,400,000 → capped 10,000,000
      // special disease, level 3, self-pay 4,000,000: pool 1 empty; pool 2 is only for 特殊疾病以外的其他疾病 → 0
      e('inpatient', '2024-05-01', 0, { totalFen: 5_000_000, policyFen: 5_000_000, basicPaidFen: 1_000_000, specialDisease: true, hospitalLevel: 3, ...away }),
    ]);
    expect(assist(r)).toEqual([10_000_000, 0]);
    expect(poolOf(r, 'large_expense')!.usedFen).toBe(0);
  });

  it('沙坪坝倾斜救助分四次就医累计，跨过监测标准后按80%，累计到2万元封顶', () => {
    // non-special outpatient visits in Chongqing: no basic assistance, whole self-pay counts
    const r = calc(CQ, ['dibao'], [
      e('outpatient', '2024-03-01', 600_000), // running 600,000 ≤ 1,000,000: 0
      e('outpatient', '2024-04-01', 1_400_000), // running 2,000,000: (2,000,000 − 1,000,000) × 80% = 800,000
      e('outpatient', '2024-05-01', 1_000_000), // 800,000 (tilt used 1,600,000)
      e('outpatient', '2024-06-01', 1_000_000), // 800,000 → only 2,000,000 − 1,600,000 = 400,000 left
    ], mon);
    expect(tilt(r)).toEqual([0, 800_000, 800_000, 400_000]);
    expect(poolOf(r, 'tilt')).toEqual({ pool: 'tilt', limitFen: 2_000_000, usedFen: 2_000_000, remainingFen: 0 });
  });

  it('沙坪坝低保边缘家庭成员：普通门诊自付与大额费用救助后的剩余一起累计，超过监测标准的部分按60%倾斜', () => {
    const r = calc(CQ, ['dibao_edge'], [
      e('outpatient', '2024-02-01', 600_000), // no pool; residual 600,000 (running 600,000): 0
      // level 2, policy 4,000,000 > 3,000,000; self-pay 2,000,000 × 60% = 1,200,000; residual 800,000 → running 1,400,000 → 400,000 × 60% = 240,000
      e('inpatient', '2024-03-01', 0, { totalFen: 4_000_000, policyFen: 4_000_000, basicPaidFen: 2_000_000, hospitalLevel: 2 }),
    ], mon);
    expect(assist(r)).toEqual([0, 1_200_000]);
    expect(tilt(r)).toEqual([0, 240_000]);
  });

  it('沙坪坝就医记录顺序颠倒时，按就医日期先后累计倾斜救助，结果按原顺序返回', () => {
    const r = calc(CQ, ['dibao'], [
      e('outpatient', '2024-08-01', 800_000, { id: 'later' }), // second by date: running 1,600,000 → 600,000 × 80% = 480,000
      e('outpatient', '2024-03-01', 800_000, { id: 'earlier' }), // first by date: running 800,000: 0
    ], mon);
    expect(r.episodes.map((x) => x.id)).toEqual(['later', 'earlier']);
    expect(tilt(r)).toEqual([480_000, 0]);
  });

  it('沙坪坝大额费用限额6万元用完后，未救助的自付全部计入倾斜救助', () => {
    const stay = (date: string) => e('inpatient', date, 0, { totalFen: 4_000_000, policyFen: 4_000_000, basicPaidFen: 1_000_000, hospitalLevel: 2 });
    const r = calc(CQ, ['dibao'], [
      stay('2024-01-10'), // 3,000,000 × 80% = 2,400,000; residual 600,000 (running 600,000): 0
      stay('2024-04-10'), // 2,400,000; residual 600,000 → running 1,200,000 → 200,000 × 80% = 160,000
      stay('2024-07-10'), // 2,400,000 → only 6,000,000 − 4,800,000 = 1,200,000; residual 1,800,000 × 80% = 1,440,000 (tilt room 1,840,000)
    ], mon);
    expect(assist(r)).toEqual([2_400_000, 2_400_000, 1_200_000]);
    expect(tilt(r)).toEqual([0, 160_000, 1_440_000]);
  });

  it('沙坪坝只在重庆市外就医时用不到监测标准，不列为缺少的参数', () => {
    // special disease, referred, elsewhere: 1,000,000 × 80% = 800,000; tilt gate (市内) fails before the threshold is read
    const r = calc(CQ, ['dibao'], [e('inpatient', '2024-03-01', 1_000_000, { specialDisease: true, ...away })]);
    expect(assist(r)).toEqual([800_000]);
    expect(r.missingParameters).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 全国 003

describe('复核 国家 003 四(五)(六) 起付标准、比例范围与倾斜救助', () => {
  const income = { perCapitaIncomePrevYearFen: 5_000_000 };
  const limit = { 'annualLimitFen.inpatient': 100_000_000 };

  it('国家低保边缘家庭成员的门诊慢特病先计入年度起付标准，之后的住院只扣剩下的部分', () => {
    // deductible 5,000,000 × 10% = 500,000
    const r = calc('national', ['dibao_edge'], [
      e('outpatient_special', '2024-03-01', 300_000), // all within the deductible → 0
      e('inpatient', '2024-06-01', 1_000_000), // 200,000 left → 800,000 × 60% = 480,000
    ], P({ ...income, ...limit }));
    expect(assist(r)).toEqual([0, 480_000]);
    expect(r.totals.assistanceMaxFen).toBe(560_000); // 800,000 × 70% (the 10% deductible is not a range)
  });

  it('国家未转诊的住院和普通门急诊不占用年度起付标准', () => {
    const r = calc('national', ['dibao_edge'], [
      e('outpatient', '2024-02-01', 400_000), // 普通门急诊 not covered
      e('inpatient', '2024-03-01', 1_000_000, { referred: false }), // not referred: not covered
      e('inpatient', '2024-06-01', 1_000_000), // full deductible 500,000 still applies: 500,000 × 60% = 300,000
    ], P({ ...income, ...limit }));
    expect(assist(r)).toEqual([0, 0, 300_000]);
    expect(r.totals.assistanceMaxFen).toBe(350_000); // 500,000 × 70%
  });

  it('国家低保起付标准先按5%四舍五入到分，再对余额按70%四舍五入', () => {
    // deductible 3,333,333 × 5% = 166,666.65 → 166,667; (1,000,001 − 166,667) = 833,334 × 70% = 583,333.8 → 583,334
    // generous: no deductible → 1,000,001 × 70% = 700,000.7 → 700,001
    const r = calc('national', ['dibao'], [e('inpatient', '2024-03-01', 1_000_001)], P({ perCapitaIncomePrevYearFen: 3_333_333, ...limit }));
    expect(assist(r)).toEqual([583_334]);
    expect(r.totals.assistanceMaxFen).toBe(700_001);
  });

  it('国家低保两次住院，倾斜救助在累计负担跨过起点的那次只算超出部分', () => {
    const r = calc('national', ['dibao'], [
      // deductible 250,000 → 750,000 × 70% = 525,000; residual 475,000 (running 475,000 ≤ 600,000): 0
      e('inpatient', '2024-03-01', 1_000_000),
      // deductible used up → 700,000; residual 300,000 → running 775,000 → 175,000 × 50% = 87,500
      e('inpatient', '2024-06-01', 1_000_000),
    ], P({ ...income, ...limit, tiltThresholdFen: 600_000, tiltRatioPercent: 50 }));
    expect(assist(r)).toEqual([525_000, 700_000]);
    expect(tilt(r)).toEqual([0, 87_500]);
    expect(r.totals.assistanceMaxFen).toBe(1_400_000); // generous: 700,000 + 700,000 (tilt not included)
  });

  it('国家倾斜救助比例有小数（62.5%）时四舍五入一次', () => {
    // residual 1,000,000 − 525,000 = 475,000; above 474,995 → 5 × 62.5% = 3.125 → 3
    const r = calc('national', ['dibao'], [e('inpatient', '2024-03-01', 1_000_000)], P({ ...income, ...limit, tiltThresholdFen: 474_995, tiltRatioPercent: 62.5 }));
    expect(tilt(r)).toEqual([3]);
  });

  it('国家只有普通门急诊时不在救助范围，也不需要任何参数', () => {
    const r = calc('national', ['dibao'], [e('outpatient', '2024-03-01', 100_000)]);
    expect(assist(r)).toEqual([0]);
    expect(r.missingParameters).toEqual([]);
  });

  it('国家低保对象同时是农村易返贫致贫人口，按低保对象计算，可以估算', () => {
    const r = calc('national', ['monitored_rural', 'dibao'], [e('inpatient', '2024-03-01', 1_000_000)], P({ ...income, ...limit }));
    expect(r).toMatchObject({ category: 'dibao', computable: true });
    expect(assist(r)).toEqual([525_000]); // (1,000,000 − 250,000) × 70%
  });

  it('国家缺少人均可支配收入和年度限额时，最高可达金额按不封顶计算，两项参数都列为缺少', () => {
    // conservative: deductible unknown → 0; generous: no deductible, 1,000,000 × 70% = 700,000, uncapped because the limit is not set
    const r = calc('national', ['dibao_edge'], [e('inpatient', '2024-03-01', 1_000_000)]);
    expect(r.totals.assistanceFen).toBe(0);
    expect(r.totals.assistanceMaxFen).toBe(700_000);
    expect(poolOf(r, 'inpatient')!.limitFen).toBeNull();
    expect(r.missingParameters).toEqual(expect.arrayContaining(['perCapitaIncomePrevYearFen', 'annualLimitFen.inpatient']));
  });
});

// ---------------------------------------------------------------------------------------------
// 上海 000

describe('复核 上海 000 二(二)3、4 比例、范围与限额', () => {
  it('上海第一类支出型贫困家庭住院自付奇数分，50%和70%分别四舍五入', () => {
    // 333,333 × 50% = 166,666.5 → 166,667; × 70% = 233,333.1 → 233,333
    const r = calc('shanghai', ['expenditure_poverty_1'], [e('inpatient', '2024-04-01', 333_333)], P({ 'annualLimitFen.inpatient': 10_000_000 }));
    expect(r.totals.assistanceFen).toBe(166_667);
    expect(r.totals.assistanceMaxFen).toBe(233_333);
    expect(r.missingParameters).toEqual([]); // 人均可支配收入 is for eligibility only
  });

  it('上海低保对象普通门急诊和门诊慢特病共用门急诊限额，住院限额另算', () => {
    const r = calc('shanghai', ['dibao'], [
      e('outpatient', '2024-02-01', 100_000), // × 60% = 60,000
      e('outpatient_special', '2024-03-01', 100_000), // 60,000 → only 100,000 − 60,000 = 40,000
      e('inpatient', '2024-04-01', 100_000), // × 90% = 90,000 from the inpatient pool
    ], P({ 'annualLimitFen.outpatient': 100_000, 'annualLimitFen.inpatient': 1_000_000 }));
    expect(assist(r)).toEqual([60_000, 40_000, 90_000]);
    expect(poolOf(r, 'outpatient')).toEqual({ pool: 'outpatient', limitFen: 100_000, usedFen: 100_000, remainingFen: 0 });
    expect(poolOf(r, 'inpatient')).toEqual({ pool: 'inpatient', limitFen: 1_000_000, usedFen: 90_000, remainingFen: 910_000 });
  });

  it('上海低收入对象下半年认定为低保，上半年住院按80%、下半年按90%', () => {
    const r = calc('shanghai', ['low_income', { code: 'dibao', from: '2024-07-01' }], [
      e('inpatient', '2024-03-01', 1_000_000), // low_income 80% = 800,000
      e('inpatient', '2024-08-01', 1_000_000), // dibao 90% = 900,000
    ], P({ 'annualLimitFen.inpatient': 10_000_000 }));
    expect(assist(r)).toEqual([800_000, 900_000]);
    expect(r.category).toBe('dibao');
  });

  it('上海门急诊和住院的限额都未设定时，两个参数都列出，两个资金池的限额和余额为空', () => {
    const r = calc('shanghai', ['dibao'], [
      e('outpatient', '2024-02-01', 100_000), // 60,000 uncapped
      e('inpatient', '2024-03-01', 1_000_000), // 900,000 uncapped
    ]);
    expect(assist(r)).toEqual([60_000, 900_000]);
    expect([...r.missingParameters].sort()).toEqual(['annualLimitFen.inpatient', 'annualLimitFen.outpatient']);
    expect(poolOf(r, 'outpatient')).toEqual({ pool: 'outpatient', limitFen: null, usedFen: 60_000, remainingFen: null });
    expect(poolOf(r, 'inpatient')).toEqual({ pool: 'inpatient', limitFen: null, usedFen: 900_000, remainingFen: null });
  });

  it('上海特殊救济对象只有门诊记录时无法估算，也不列出任何参数', () => {
    const r = calc('shanghai', ['special_relief'], [e('outpatient', '2024-02-01', 100_000)]);
    expect(r).toMatchObject({ category: 'special_relief', computable: false, missingParameters: [] });
    expect(r.totals).toMatchObject({ assistanceFen: 0, assistanceMaxFen: 0, tiltFen: 0, outOfPocketFen: 100_000 });
  });

  it('上海外省市未备案的门诊不救助，也不占用门急诊限额', () => {
    const r = calc('shanghai', ['dibao'], [
      e('outpatient', '2024-02-01', 100_000, { location: 'elsewhere', offsiteFiled: false }), // not covered: 0
      e('outpatient', '2024-03-01', 100_000), // × 60% = 60,000, the full limit still there
      e('outpatient', '2024-04-01', 100_000, { location: 'elsewhere', offsiteFiled: true }), // covered, but limit used up: 0
    ], P({ 'annualLimitFen.outpatient': 60_000 }));
    expect(assist(r)).toEqual([0, 60_000, 0]);
  });
});

// ---------------------------------------------------------------------------------------------
// 上海市民社区医疗互助帮困 002

describe('复核 互助帮困 002 五', () => {
  const MA = 'shanghai-mutual-aid' as const;

  const outRows = [
    // 15,000 allowance; own cash 50,000; (70,000 − 65,000) × 85% = 4,250 → 15,000 + 4,250
    { name: '互助帮困一级医院一次门诊跨过补贴和500元自负，超出部分按85%', selfPay: 70_000, level: 1 as const, fen: 19_250 },
    // rest 65,333 − 65,000 = 333 × 75% = 249.75 → 250 → 15,000 + 250
    { name: '互助帮困三级医院超出部分333分按75%四舍五入为250分', selfPay: 65_333, level: 3 as const, fen: 15_250 },
    // no level given → level 2 default: 15,000 + 35,000 × 80% = 43,000
    { name: '互助帮困门诊未填医院等级时按二级80%', selfPay: 100_000, level: undefined, fen: 43_000 },
  ];
  it.each(outRows)('$name', ({ selfPay, level, fen }) => {
    const r = calc(MA, ['returnee'], [e('outpatient', '2024-02-01', selfPay, level ? { hospitalLevel: level } : {})]);
    expect(assist(r)).toEqual([fen]);
  });

  it('互助帮困外省市门诊不补助，也不占用150元补贴', () => {
    const r = calc(MA, ['returnee'], [
      e('outpatient', '2024-02-01', 10_000, { location: 'elsewhere' }), // not covered
      e('outpatient', '2024-03-01', 20_000), // allowance 15,000 still whole; own cash 5,000 → 15,000
    ]);
    expect(assist(r)).toEqual([0, 15_000]);
  });

  it('互助帮困住院补助不占用门诊补贴和个人自负额度', () => {
    const r = calc(MA, ['returnee'], [
      e('inpatient', '2024-01-10', 300_000), // (300,000 − 100,000) × 60% = 120,000
      e('outpatient', '2024-02-01', 100_000, { hospitalLevel: 2 }), // 15,000 + (100,000 − 65,000) × 80% = 43,000
    ], {}, { hasEmployeeInsuranceElsewhere: true, homeDeductibleFen: 100_000 });
    expect(assist(r)).toEqual([120_000, 43_000]);
  });

  it('互助帮困有职工医保，两次住院累计跨过当地起付标准，超出部分按60%四舍五入', () => {
    const r = calc(MA, ['returnee'], [
      e('inpatient', '2024-02-01', 80_000), // cumulative 80,000 ≤ 99,999: 0
      e('inpatient', '2024-06-01', 50_000), // cumulative 130,000 → 30,001 × 60% = 18,000.6 → 18,001
    ], {}, { hasEmployeeInsuranceElsewhere: true, homeDeductibleFen: 99_999 });
    expect(assist(r)).toEqual([0, 18_001]);
  });

  it('互助帮困没有职工医保，累计总医疗费跨过1000元，超出部分按50%四舍五入', () => {
    const r = calc(MA, ['returnee'], [
      e('inpatient', '2024-02-01', 60_000), // cumulative total 60,000 ≤ 100,000: 0
      e('inpatient', '2024-06-01', 60_001), // cumulative 120,001 → 20,001 × 50% = 10,000.5 → 10,001 (≤ self-pay 60,001)
    ], {}, { hasEmployeeInsuranceElsewhere: false });
    expect(assist(r)).toEqual([0, 10_001]);
  });

  it('互助帮困有职工医保时按当地医保报销后的自负计算，目录外费用不计入', () => {
    // self-pay = 400,000 − 250,000 = 150,000; (150,000 − 50,000) × 60% = 60,000
    // out of pocket = 500,000 − 250,000 − 60,000 = 190,000
    const r = calc(MA, ['returnee'], [e('inpatient', '2024-03-01', 0, { totalFen: 500_000, policyFen: 400_000, basicPaidFen: 250_000 })], {}, {
      hasEmployeeInsuranceElsewhere: true,
      homeDeductibleFen: 50_000,
    });
    expect(assist(r)).toEqual([60_000]);
    expect(r.totals.outOfPocketFen).toBe(190_000);
  });
});

// ---------------------------------------------------------------------------------------------
// Eligibility

describe('复核 资格判断', () => {
  const check = (region: RegionCode, facts: EligibilityFacts, p: Record<string, number> = {}) =>
    checkEligibility({ region, date: '2024-05-01', facts, parameters: P(p) });

  it('沙坪坝同时是特困人员和低保对象，参保资助按特困全额，直接获得救助', () => {
    const r = check('chongqing-shapingba', { certifications: ['dibao', 'tekun'] });
    expect(r).toMatchObject({ eligible: true, primary: 'tekun', applicationRequired: false, premiumSubsidy: { kind: 'full' } });
  });

  it('上海家庭财产超过标准时已确定不是支出型贫困，不需要上年人均可支配收入参数', () => {
    // 000 四: both classes require assets within the low-income criteria; assets fail → both false whatever the income
    const r = check('shanghai', { insuredLocal: true, household: { size: 2, annualDisposableIncomeFen: 6_000_000, assetsWithinLimit: false } });
    expect(r.eligible).toBe(false);
    expect(r.categories).toEqual([]);
    expect(r.missingParameters).toEqual([]);
  });
});

describe('复核 无锡 001 二(一) 重度残疾人：一项条件不符就不再追问其他情况', () => {
  it('三级残疾已确定不符合，不把残疾类别和是否无业列为缺少', () => {
    const r = checkEligibility({ region: 'wuxi', date: '2024-05-01', facts: { hukouLocal: true, insuredLocal: true, disability: { grade: 3 } }, parameters: {} });
    expect(r.eligible).toBe(false);
    expect(r.missingFacts).not.toContain('disability.type');
    expect(r.missingFacts).not.toContain('disability.employed');
  });
  it('一级听力残疾已确定不符合，不追问是否无业', () => {
    const r = checkEligibility({ region: 'wuxi', date: '2024-05-01', facts: { hukouLocal: true, insuredLocal: true, disability: { grade: 1, type: 'hearing' } }, parameters: {} });
    expect(r.missingFacts).not.toContain('disability.employed');
  });
  it('一级肢体残疾、是否无业未答时，列为缺少', () => {
    const r = checkEligibility({ region: 'wuxi', date: '2024-05-01', facts: { hukouLocal: true, insuredLocal: true, disability: { grade: 1, type: 'limb' } }, parameters: {} });
    expect(r.missingFacts).toContain('disability.employed');
  });
});
