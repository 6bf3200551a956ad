// 上海市 (000). Expected fen are worked out by hand from the clause, shown next to each row.
import { describe, expect, it } from 'vitest';
import type { CategoryCode } from '@/lib/calculator';
import { amounts, ep, params, pool, year } from './helpers';

// A stay whose policy-range self-pay after insurance is 1,000,000: policy 3,000,000 − basic 2,000,000.
const stay = (extra = {}) => ep('inpatient', '2024-04-01', 0, { totalFen: 3_200_000, policyFen: 3_000_000, basicPaidFen: 2_000_000, ...extra });
const visit = (kind: 'outpatient' | 'outpatient_special' = 'outpatient', extra = {}) => ep(kind, '2024-04-02', 100_000, extra);

describe('上海 000 二(二)4 住院救助比例（不设起付标准）', () => {
  const rows: { name: string; cat: CategoryCode; fen: number; max: number }[] = [
    { name: '低保对象住院自付部分按90%救助', cat: 'dibao', fen: 900_000, max: 900_000 }, // 1,000,000 × 90%
    { name: '低收入对象住院自付部分按80%救助', cat: 'low_income', fen: 800_000, max: 800_000 }, // 1,000,000 × 80%
    { name: '社会散居孤儿住院参照低保对象按90%救助', cat: 'orphan', fen: 900_000, max: 900_000 }, // × 90%
    { name: '困境儿童住院参照低保对象按90%救助', cat: 'child_in_distress', fen: 900_000, max: 900_000 }, // × 90%
    { name: '第一类支出型贫困家庭成员住院按50%–70%救助，预计按50%，最高70%', cat: 'expenditure_poverty_1', fen: 500_000, max: 700_000 }, // × 50% / × 70%
    { name: '第二类支出型贫困家庭成员住院按50%–70%救助，预计按50%，最高70%', cat: 'expenditure_poverty_2', fen: 500_000, max: 700_000 }, // × 50% / × 70%
  ];
  it.each(rows)('$name', ({ cat, fen, max }) => {
    const r = year('shanghai', [cat], [stay()], params({ 'annualLimitFen.inpatient': 10_000_000 }));
    expect(r.totals.assistanceFen).toBe(fen);
    expect(r.totals.assistanceMaxFen).toBe(max);
    // out of pocket = 3,200,000 − 2,000,000 − assistance (200,000 of it out of catalog)
    expect(r.totals.outOfPocketFen).toBe(1_200_000 - fen);
    expect(r.missingParameters).toEqual([]);
  });
  it('支出型贫困家庭按范围估算时，写明按较低标准预计、最高可达多少', () => {
    const r = year('shanghai', ['expenditure_poverty_1'], [stay()], params({ 'annualLimitFen.inpatient': 10_000_000 }));
    expect(r.trace.some((t) => t.step === 'range' && t.text.includes('7,000.00 元'))).toBe(true);
  });
});

describe('上海 000 二(二)4 门急诊救助比例', () => {
  const rows: { name: string; cat: CategoryCode; kind: 'outpatient' | 'outpatient_special'; fen: number }[] = [
    { name: '低保对象门急诊自付部分按60%救助', cat: 'dibao', kind: 'outpatient', fen: 60_000 }, // 100,000 × 60%
    { name: '低收入对象门急诊自付部分按50%救助', cat: 'low_income', kind: 'outpatient', fen: 50_000 }, // 100,000 × 50%
    { name: '孤儿门急诊参照低保对象按60%救助', cat: 'orphan', kind: 'outpatient', fen: 60_000 }, // × 60%
    { name: '困境儿童门急诊参照低保对象按60%救助', cat: 'child_in_distress', kind: 'outpatient', fen: 60_000 }, // × 60%
    { name: '低保对象门诊慢特病也按门急诊60%救助', cat: 'dibao', kind: 'outpatient_special', fen: 60_000 }, // × 60%
    { name: '支出型贫困家庭成员门急诊没有规定比例，不予救助', cat: 'expenditure_poverty_2', kind: 'outpatient', fen: 0 }, // no ratio in 000 二(二)4
  ];
  it.each(rows)('$name', ({ cat, kind, fen }) => {
    const r = year('shanghai', [cat], [visit(kind)], params({ 'annualLimitFen.outpatient': 1_000_000 }));
    expect(r.totals.assistanceFen).toBe(fen);
    expect(r.episodes[0]!.pool).toBe('outpatient');
  });
  it('支出型贫困家庭成员门急诊不救助时说明原因', () => {
    const r = year('shanghai', ['expenditure_poverty_1'], [visit()]);
    expect(r.episodes[0]!.reasons.join('')).toContain('没有规定支出型贫困家庭成员的门急诊救助比例');
  });
});

describe('上海 000 二(二)4 年度救助限额（由市医保局会同市财政局制订，经办部门设定）', () => {
  it('住院救助达到年度限额后不再救助', () => {
    const r = year('shanghai', ['dibao'], [
      ep('inpatient', '2024-02-01', 800_000), // 800,000 × 90% = 720,000
      ep('inpatient', '2024-05-01', 800_000), // 720,000, only 1,000,000 − 720,000 = 280,000 left
    ], params({ 'annualLimitFen.inpatient': 1_000_000 }));
    expect(amounts(r)).toEqual([720_000, 280_000]);
    expect(pool(r, 'inpatient')).toEqual({ pool: 'inpatient', limitFen: 1_000_000, usedFen: 1_000_000, remainingFen: 0 });
  });
  it('门急诊救助达到年度限额后不再救助', () => {
    const r = year('shanghai', ['dibao'], [visit(), { ...visit(), date: '2024-05-02' }, { ...visit(), date: '2024-06-02' }], params({ 'annualLimitFen.outpatient': 100_000 }));
    expect(amounts(r)).toEqual([60_000, 40_000, 0]); // 60,000; then 100,000 − 60,000 = 40,000; then 0
  });
  it('限额尚未设定时不封顶，并列出缺少的住院限额参数', () => {
    const r = year('shanghai', ['dibao'], [stay()]);
    expect(r.totals.assistanceFen).toBe(900_000); // 1,000,000 × 90%, no cap
    expect(pool(r, 'inpatient')).toEqual({ pool: 'inpatient', limitFen: null, usedFen: 900_000, remainingFen: null });
    expect(r.missingParameters).toEqual(['annualLimitFen.inpatient']);
  });
  it('只有门急诊时只列出门急诊限额参数', () => {
    const r = year('shanghai', ['dibao'], [visit()]);
    expect(r.missingParameters).toEqual(['annualLimitFen.outpatient']);
  });
  it('没有就医记录时不缺任何参数', () => {
    expect(year('shanghai', ['dibao'], []).missingParameters).toEqual([]);
  });
});

describe('上海 000 二(二)4 分类设定年度救助限额（按类别另设的限额优先，没有时用该类救助的统一限额）', () => {
  // Each stay: policy-range self-pay 800,000.
  const s800 = (date: string) => ep('inpatient', date, 800_000);
  it('低保对象有自己的住院限额时按它封顶，不看统一限额', () => {
    // 800,000 × 90% = 720,000 > own limit 500,000 → 500,000 (the pool's 1,000,000 does not apply)
    const r = year('shanghai', ['dibao'], [s800('2024-02-01')], params({ 'annualLimitFen.inpatient': 1_000_000, 'annualLimitFen.inpatient.dibao': 500_000 }));
    expect(amounts(r)).toEqual([500_000]);
    expect(pool(r, 'inpatient')).toEqual({ pool: 'inpatient', limitFen: 500_000, usedFen: 500_000, remainingFen: 0 });
    expect(r.trace.some((t) => t.step === 'limit' && t.text.includes('住院救助（低保对象）年度救助限额 5,000.00 元'))).toBe(true);
  });
  it('别的类别设了限额、本类别没有时，用统一限额', () => {
    // low_income: 800,000 × 80% = 640,000 ≤ pool 1,000,000 → 640,000 (dibao's 500,000 is not low_income's)
    const r = year('shanghai', ['low_income'], [s800('2024-02-01')], params({ 'annualLimitFen.inpatient': 1_000_000, 'annualLimitFen.inpatient.dibao': 500_000 }));
    expect(amounts(r)).toEqual([640_000]);
    expect(pool(r, 'inpatient')?.limitFen).toBe(1_000_000);
  });
  it('本类别的限额已设定时，统一限额没有设定也不列为缺少', () => {
    // 720,000 ≤ own 1,000,000 → 720,000
    const r = year('shanghai', ['dibao'], [s800('2024-02-01')], params({ 'annualLimitFen.inpatient.dibao': 1_000_000 }));
    expect(amounts(r)).toEqual([720_000]);
    expect(r.missingParameters).toEqual([]);
  });
  it('本类别和统一限额都没有设定：不封顶，只列出统一限额的参数名', () => {
    // 640,000, uncapped
    const r = year('shanghai', ['low_income'], [s800('2024-02-01')], params({ 'annualLimitFen.inpatient.dibao': 500_000 }));
    expect(amounts(r)).toEqual([640_000]);
    expect(r.missingParameters).toEqual(['annualLimitFen.inpatient']);
    expect(pool(r, 'inpatient')).toEqual({ pool: 'inpatient', limitFen: null, usedFen: 640_000, remainingFen: null });
  });
  it('门急诊也可以按类别设定限额', () => {
    // visit: 100,000 × 60% = 60,000 each; own outpatient limit 100,000 → 60,000, then 40,000; the pool's 1,000,000 is not used
    const r = year('shanghai', ['dibao'], [visit(), { ...visit(), date: '2024-05-02' }], params({ 'annualLimitFen.outpatient': 1_000_000, 'annualLimitFen.outpatient.dibao': 100_000 }));
    expect(amounts(r)).toEqual([60_000, 40_000]);
  });
  it('年内身份变化时，每次住院按当时的类别限额封顶，已用额度全年累计', () => {
    // 2024-02-01 as dibao: 720,000 capped at dibao's 700,000 → 700,000
    // 2024-05-01 as low_income: 800,000 × 80% = 640,000; low_income limit 1,000,000 − 700,000 used = 300,000 → 300,000
    const r = year('shanghai', [{ code: 'dibao', to: '2024-03-31' }, { code: 'low_income', from: '2024-04-01' }], [s800('2024-02-01'), s800('2024-05-01')],
      params({ 'annualLimitFen.inpatient.dibao': 700_000, 'annualLimitFen.inpatient.low_income': 1_000_000 }));
    expect(amounts(r)).toEqual([700_000, 300_000]);
    expect(pool(r, 'inpatient')).toEqual({ pool: 'inpatient', limitFen: 1_000_000, usedFen: 1_000_000, remainingFen: 0 });
    expect(r.missingParameters).toEqual([]);
  });
});

describe('上海 000 二(二)3 救助范围：本市定点医疗机构；外省市须办理就医关系转移或异地就医实时结算', () => {
  const rows = [
    { name: '在本市就医的住院费用可以救助', extra: { location: 'local' as const }, fen: 900_000 }, // × 90%
    { name: '上海是直辖市，选择“省内”仍视为本市', extra: { location: 'province' as const }, fen: 900_000 },
    { name: '到外省市就医但没有办理异地就医备案的，不救助', extra: { location: 'elsewhere' as const, offsiteFiled: false }, fen: 0 },
    { name: '到外省市就医并已办理异地就医实时结算的，可以救助', extra: { location: 'elsewhere' as const, offsiteFiled: true }, fen: 900_000 },
  ];
  it.each(rows)('$name', ({ extra, fen }) => {
    expect(year('shanghai', ['dibao'], [stay(extra)], params({ 'annualLimitFen.inpatient': 10_000_000 })).totals.assistanceFen).toBe(fen);
  });
});

describe('上海 000 二(一) 无法计算的身份与多重身份', () => {
  it('特殊救济对象的标准另行制定，无法估算，金额为0并说明原因', () => {
    const r = year('shanghai', ['special_relief'], [stay()]);
    expect(r).toMatchObject({ category: 'special_relief', computable: false });
    expect(r.totals.assistanceFen).toBe(0);
    expect(r.episodes[0]!.reasons[0]).toContain('另行制定');
  });
  it('特困人员在上海文件中没有救助比例，无法估算', () => {
    const r = year('shanghai', ['tekun'], [stay()]);
    expect(r).toMatchObject({ category: 'tekun', computable: false });
    expect(r.totals.assistanceFen).toBe(0);
  });
  it('特殊救济对象同时是低保对象时，按低保对象计算', () => {
    const r = year('shanghai', ['special_relief', 'dibao'], [stay()], params({ 'annualLimitFen.inpatient': 10_000_000 }));
    expect(r).toMatchObject({ category: 'dibao', computable: true });
    expect(r.totals.assistanceFen).toBe(900_000);
  });
  it('低收入对象同时属于第二类支出型贫困家庭，按较高的低收入对象80%计算', () => {
    const r = year('shanghai', ['expenditure_poverty_2', 'low_income'], [stay(), visit()], params({ 'annualLimitFen.inpatient': 10_000_000, 'annualLimitFen.outpatient': 1_000_000 }));
    expect(r.category).toBe('low_income');
    expect(amounts(r)).toEqual([800_000, 50_000]); // 1,000,000 × 80%; 100,000 × 50% (vs 500,000 + 0 as 支出型)
    expect(r.totals.assistanceMaxFen).toBe(850_000); // no range for low_income
  });
});
