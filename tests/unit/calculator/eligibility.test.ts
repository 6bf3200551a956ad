// Eligibility (docs/api.md /api/v1/eligibility): categories held or computed, conditions, premium subsidy, documents.
import { describe, expect, it } from 'vitest';
import { checkEligibility, type EligibilityFacts, type RegionCode } from '@/lib/calculator';
import { params } from './helpers';

const check = (region: RegionCode, facts: EligibilityFacts, p: Record<string, number> = {}, date = '2024-05-01') =>
  checkEligibility({ region, date, facts, parameters: params(p) });
const SH = { perCapitaIncomePrevYearFen: 8_483_400, dibaoStandardMonthlyFen: 142_000 };
const codes = (r: ReturnType<typeof check>) => r.categories.map((c) => `${c.code}:${c.basis}`);

describe('上海 000 四 支出型贫困家庭的两类定义', () => {
  const base = { insuredLocal: true, household: { size: 2, annualDisposableIncomeFen: 6_000_000, assetsWithinLimit: true } };
  const rows = [
    // per head 3,000,000 < 8,483,400; 100,000 < 142,000 → class 1; 1,000,000 < 40% × 6,000,000 = 2,400,000 → not class 2
    { name: '扣除必需支出后月人均收入低于低保标准，属于第一类', h: { monthlyPerCapitaIncomeAfterNecessaryFen: 100_000, medicalOutOfPocket12mFen: 1_000_000 }, want: ['expenditure_poverty_1:computed'] },
    // 2,400,000 × 100 ≥ 6,000,000 × 40 → class 2 (达到即可)
    { name: '近12个月个人负担医疗费正好达到家庭年收入的40%，属于第二类', h: { monthlyPerCapitaIncomeAfterNecessaryFen: 142_000, medicalOutOfPocket12mFen: 2_400_000 }, want: ['expenditure_poverty_2:computed'] },
    { name: '医疗费差1分不到40%，不属于第二类', h: { monthlyPerCapitaIncomeAfterNecessaryFen: 142_000, medicalOutOfPocket12mFen: 2_399_999 }, want: [] },
    { name: '两个条件都满足时，两类都列出', h: { monthlyPerCapitaIncomeAfterNecessaryFen: 100_000, medicalOutOfPocket12mFen: 3_000_000 }, want: ['expenditure_poverty_1:computed', 'expenditure_poverty_2:computed'] },
    { name: '家庭财产超过认定标准的，两类都不属于', h: { assetsWithinLimit: false, monthlyPerCapitaIncomeAfterNecessaryFen: 100_000, medicalOutOfPocket12mFen: 3_000_000 }, want: [] },
    // 2 × 8,483,400 = 16,966,800: per-head income equal to the city figure is not "below"
    { name: '家庭人均收入等于上年全市人均可支配收入，不属于支出型贫困', h: { annualDisposableIncomeFen: 16_966_800, monthlyPerCapitaIncomeAfterNecessaryFen: 100_000, medicalOutOfPocket12mFen: 9_000_000 }, want: [] },
  ];
  it.each(rows)('$name', ({ h, want }) => {
    const r = check('shanghai', { ...base, household: { ...base.household, ...h } }, SH);
    expect(codes(r)).toEqual(want);
    expect(r.eligible).toBe(want.length > 0);
    if (want.length) expect(r.applicationRequired).toBe(true);
  });

  it('docs/api.md 的例子：已认定低收入对象，另算出第二类支出型贫困，65岁享受定额资助', () => {
    const r = check('shanghai', { hukouLocal: true, insuredLocal: true, age: 65, certifications: ['low_income'], household: { size: 3, annualDisposableIncomeFen: 9_000_000, monthlyPerCapitaIncomeAfterNecessaryFen: 150_000, assetsWithinLimit: true, medicalOutOfPocket12mFen: 4_000_000 } }, SH);
    expect(codes(r)).toEqual(['low_income:certified', 'expenditure_poverty_2:computed']);
    expect(r).toMatchObject({ eligible: true, primary: 'low_income', applicationRequired: false, missingFacts: [], missingParameters: [] });
    expect(r.premiumSubsidy.kind).toBe('fixed');
  });
  it('缺少认定所需的情况和参数时，列出缺少的项目', () => {
    const r = check('shanghai', { insuredLocal: true, household: {} });
    expect(r.missingFacts).toEqual(expect.arrayContaining(['household.size', 'household.annualDisposableIncomeFen', 'household.assetsWithinLimit']));
    expect(r.missingParameters).toContain('perCapitaIncomePrevYearFen');
    expect(r.eligible).toBe(false);
  });
});

describe('上海 000 二(二)4 须参加本市基本医保；000 二(二)1 参保资助', () => {
  it('没有参加本市医保的，目前不能按本文件救助', () => {
    const r = check('shanghai', { insuredLocal: false, certifications: ['dibao'] });
    expect(r).toMatchObject({ eligible: false, categories: [], primary: null });
    expect(r.trace.some((t) => t.source === '000 二(二)4' && t.text.includes('还在研究完善'))).toBe(true);
  });
  it('不知道是否参加本市医保时，列为缺少的情况', () => {
    const r = check('shanghai', { certifications: ['dibao'] });
    expect(r.missingFacts).toEqual(['insuredLocal']);
    expect(r.eligible).toBe(false);
  });
  const rows = [
    { name: '低保对象全额资助参保', facts: { certifications: ['dibao' as const] }, kind: 'full' },
    { name: '60周岁以上低收入对象定额资助参保', facts: { age: 60, certifications: ['low_income' as const] }, kind: 'fixed' },
    { name: '不满60周岁的低收入对象没有参保资助', facts: { age: 59, certifications: ['low_income' as const] }, kind: 'none' },
  ];
  it.each(rows)('$name', ({ facts, kind }) => {
    expect(check('shanghai', { insuredLocal: true, ...facts }).premiumSubsidy.kind).toBe(kind);
  });
  it('低收入对象不知道年龄时，列出缺少年龄', () => {
    expect(check('shanghai', { insuredLocal: true, certifications: ['low_income'] }).missingFacts).toEqual(['age']);
  });
  it('特殊救济对象是上海的救助类别，但标准另行制定，理由中说明', () => {
    const r = check('shanghai', { insuredLocal: true, certifications: ['special_relief'] });
    expect(r.eligible).toBe(true);
    expect(r.categories[0]!.reasons.join('')).toContain('另行制定');
  });
  it('要带的材料只列与本人有关的，并说明用途', () => {
    const r = check('shanghai', { insuredLocal: true, certifications: ['dibao'] });
    expect(r.documents).toContain('低保证（证明您的低保对象身份）');
    expect(r.documents.some((d) => d.includes('残疾人证'))).toBe(false);
  });
});

describe('无锡 001 二(一) 须本市户籍并参加本市基本医保', () => {
  it('本市户籍、本市参保的低保对象，直接获得救助，全额资助参保', () => {
    const r = check('wuxi', { hukouLocal: true, insuredLocal: true, certifications: ['dibao'] });
    expect(r).toMatchObject({ eligible: true, primary: 'dibao', applicationRequired: false, premiumSubsidy: { kind: 'full' } });
    expect(r.documents).toContain('户口簿（证明您具有本市户籍）');
  });
  it('不是本市户籍的，不是无锡的医疗救助对象', () => {
    const r = check('wuxi', { hukouLocal: false, insuredLocal: true, certifications: ['dibao'] });
    expect(r.eligible).toBe(false);
    expect(r.trace.some((t) => t.source === '001 二(一)' && t.text.includes('须具有本市户籍'))).toBe(true);
  });
  it('户籍和参保情况都不知道时，两项都列为缺少', () => {
    expect(check('wuxi', { certifications: ['dibao'] }).missingFacts).toEqual(['hukouLocal', 'insuredLocal']);
  });
  it('低收入对象不是无锡的救助类别，明确说明', () => {
    const r = check('wuxi', { hukouLocal: true, insuredLocal: true, certifications: ['low_income'] });
    expect(r.eligible).toBe(false);
    expect(r.trace.some((t) => t.text.includes('“低收入对象”不是无锡市医疗救助的对象类别'))).toBe(true);
  });
  const rows = [
    { name: '二级肢体残疾且无业，符合重度残疾人条件', d: { grade: 2 as const, type: 'limb' as const, employed: false }, ok: true },
    { name: '一级多重残疾且无业，符合条件', d: { grade: 1 as const, type: 'multiple' as const, employed: false }, ok: true },
    { name: '三级残疾不符合重度残疾人条件', d: { grade: 3 as const, type: 'limb' as const, employed: false }, ok: false },
    { name: '听力残疾不在所列类别中', d: { grade: 1 as const, type: 'hearing' as const, employed: false }, ok: false },
    { name: '有工作的不符合“无业”条件', d: { grade: 1 as const, type: 'visual' as const, employed: true }, ok: false },
  ];
  it.each(rows)('$name', ({ d, ok }) => {
    const r = check('wuxi', { hukouLocal: true, insuredLocal: true, disability: d });
    expect(codes(r)).toEqual(ok ? ['severe_disability:computed'] : []);
    if (ok) {
      expect(r.premiumSubsidy).toMatchObject({ kind: 'percent', percent: 100 });
      expect(r.applicationRequired).toBe(true);
      expect(r.documents).toContain('《中华人民共和国残疾人证》（证明残疾类别和等级）');
    }
  });
  it('残疾类别没填时列为缺少', () => {
    const r = check('wuxi', { hukouLocal: true, insuredLocal: true, disability: { grade: 1, employed: false } });
    expect(r.missingFacts).toEqual(['disability.type']);
  });
});

describe('沙坪坝 004 二(二)1、国家 003 三(二)、五(八)', () => {
  const rows = [
    { name: '沙坪坝特困人员全额资助参保', region: 'chongqing-shapingba' as const, cat: 'tekun' as const, premium: { kind: 'full' } },
    { name: '沙坪坝低保对象按90%资助参保', region: 'chongqing-shapingba' as const, cat: 'dibao' as const, premium: { kind: 'percent', percent: 90 } },
    { name: '沙坪坝低保边缘家庭成员按70%资助参保', region: 'chongqing-shapingba' as const, cat: 'dibao_edge' as const, premium: { kind: 'percent', percent: 70 } },
    { name: '沙坪坝因病致贫重病患者没有参保资助', region: 'chongqing-shapingba' as const, cat: 'illness_poverty' as const, premium: { kind: 'none' } },
    { name: '国家文件定额资助低保对象参保', region: 'national' as const, cat: 'dibao' as const, premium: { kind: 'fixed' } },
  ];
  it.each(rows)('$name', ({ region, cat, premium }) => {
    expect(check(region, { certifications: [cat] }).premiumSubsidy).toMatchObject(premium);
  });
  it('已认定的低保对象直接获得救助，不需申请', () => {
    expect(check('national', { certifications: ['dibao'] }).applicationRequired).toBe(false);
  });
  it('低保边缘家庭成员需依申请获得救助，并列出申请材料', () => {
    const r = check('national', { certifications: ['dibao_edge'] });
    expect(r.applicationRequired).toBe(true);
    expect(r.documents).toContain('本人银行卡（用于接收救助金）');
  });
  it('国家文件中返贫致贫人口只有定额资助参保，不是医疗救助对象', () => {
    const r = check('national', { certifications: ['returned_poverty'] });
    expect(r.eligible).toBe(false);
    expect(r.premiumSubsidy.kind).toBe('fixed');
  });
});

describe('互助帮困 002 前言、二、五(三)、六', () => {
  const out = { hukouLocal: true, insuredLocal: false };
  it('退休回沪人员报入本市户口、不在本市基本医保范围内的，可以参加，住院补助需申请', () => {
    const r = check('shanghai-mutual-aid', { ...out, returnee: true, hasEmployeeInsuranceElsewhere: false });
    expect(r).toMatchObject({ eligible: true, primary: 'returnee', applicationRequired: true, missingFacts: [] });
    expect(r.documents).toContain('《市民社区医疗互助帮困申请表》（申请住院医疗费补助时填写）');
    expect(r.trace.find((t) => t.step === 'benefit')).toMatchObject({ source: '002 五(三)' });
    expect(r.trace.find((t) => t.step === 'benefit')!.text).toContain('50%');
  });
  it('参加了本市基本医保的退休回沪人员：告知本计划不适用，并说明理由和依据', () => {
    const r = check('shanghai-mutual-aid', { hukouLocal: true, insuredLocal: true, returnee: true });
    expect(r).toMatchObject({ eligible: false, categories: [], primary: null });
    const row = r.trace.find((t) => t.step === 'prerequisite' && t.source === '002 前言')!;
    expect(row.text).toContain('基本医疗保险覆盖范围以外');
    expect(row.text).toContain('不适用于您');
    expect(r.missingFacts).toEqual([]);
  });
  it('不知道是否参加本市基本医保时，列为缺少，不能确定', () => {
    const r = check('shanghai-mutual-aid', { hukouLocal: true, returnee: true, hasEmployeeInsuranceElsewhere: true });
    expect(r.eligible).toBe(false);
    expect(r.missingFacts).toEqual(['insuredLocal']);
  });
  it('不知道是否在外省市有职工医保：列为缺少的情况（住院补助规则未定），不当作“没有”', () => {
    const r = check('shanghai-mutual-aid', { ...out, returnee: true });
    expect(r.missingFacts).toEqual(['hasEmployeeInsuranceElsewhere']);
    expect(r.eligible).toBe(true); // membership itself does not depend on it (002 二)
    expect(r.trace.find((t) => t.step === 'benefit')!.text).toContain('还需要知道');
    expect(r.trace.some((t) => t.text.includes('补助50%'))).toBe(false);
  });
  it('不知道是否属于退休回沪人员时，列为缺少', () => {
    expect(check('shanghai-mutual-aid', out).missingFacts).toEqual(['returnee']);
  });
  it('低保对象身份不适用于互助帮困计划', () => {
    const r = check('shanghai-mutual-aid', { ...out, returnee: false, certifications: ['dibao'] });
    expect(r.eligible).toBe(false);
  });
  it('有效期之后的日期不能按本计划判断', () => {
    expect(check('shanghai-mutual-aid', { hukouLocal: true, insuredLocal: false, returnee: true }, {}, '2028-01-01').eligible).toBe(false);
  });
});
