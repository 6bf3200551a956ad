import { describe, expect, it } from 'vitest';
import { checkEligibility, estimate, type ParamSet } from '@/lib/calculator';
import type { CheckAnswers } from '@/lib/check/answers';
import { decodeDraft, encodeDraft, type EstimateDraft } from '@/lib/estimate/draft';
import { billSplit, buildEstimateInput, checkEpisodeYear, isHeavy } from '@/lib/estimate/input';
import { answersToFacts } from '@/lib/check/facts';
import { openQuestions, verdict } from '@/lib/check/verdict';

const SH_PARAMS: ParamSet = {
  perCapitaIncomePrevYearFen: { value: 8_483_400, source: '测试' },
  dibaoStandardMonthlyFen: { value: 142_000, source: '测试' },
};

function run(a: CheckAnswers & { region: NonNullable<CheckAnswers['region']> }, parameters: ParamSet = {}) {
  const result = checkEligibility({ region: a.region, date: '2025-06-01', facts: answersToFacts(a), parameters });
  const open = openQuestions(result, a);
  return { result, open, verdict: verdict(result, open) };
}

describe('查询结果：是、很可能、可能、否', () => {
  it('无锡本地户籍参保的低保对象：可以救助，不用申请', () => {
    const r = run({ region: 'wuxi', hukou: 'yes', insurance: 'yes', cards: ['dibao'] });
    expect(r.verdict).toBe('yes');
    expect(r.result.categories.map((c) => c.code)).toEqual(['dibao']);
    expect(r.result.applicationRequired).toBe(false);
  });

  it('上海第二类支出型贫困家庭：按回答符合条件，还需认定', () => {
    const sh = { region: 'shanghai' as const, insurance: 'yes' as const, cards: [], householdSize: 3, incomeFen: 12_000_000, medicalFen: 5_000_000, assets: 'yes' as const };
    const r = run(sh, SH_PARAMS);
    expect(r.verdict).toBe('likely');
    expect(r.result.categories).toMatchObject([{ code: 'expenditure_poverty_2', basis: 'computed' }]);
  });

  it('上海家庭：经办部门还没设定人均收入标准时，结果是“可能”并列出缺少的标准', () => {
    const sh = { region: 'shanghai' as const, insurance: 'yes' as const, cards: [], householdSize: 3, incomeFen: 12_000_000, medicalFen: 5_000_000, assets: 'yes' as const };
    const r = run(sh);
    expect(r.verdict).toBe('maybe');
    expect(r.result.missingParameters).toContain('perCapitaIncomePrevYearFen');
  });

  it('户口不清楚：结果是“可能”，并指出要回答户口问题', () => {
    const r = run({ region: 'wuxi', hukou: 'unsure', insurance: 'yes', cards: ['dibao'] });
    expect(r.verdict).toBe('maybe');
    expect(r.open).toEqual(['hukou']);
  });

  it('没有残疾人证的无锡居民：结果是“否”，不会追问残疾类别', () => {
    const r = run({ region: 'wuxi', hukou: 'yes', insurance: 'yes', cards: [], disability: 'none' });
    expect(r.verdict).toBe('no');
    expect(r.open).toEqual([]);
  });

  it('户口不在无锡：结果是“否”', () => {
    expect(run({ region: 'wuxi', hukou: 'no' }).verdict).toBe('no');
  });

  it('互助帮困：参加了上海基本医保的退休回沪人员，结果是“否”，并说明本计划不适用', () => {
    const r = run({ region: 'shanghai-mutual-aid', hukou: 'yes', insurance: 'yes', cards: ['returnee'] });
    expect(r.verdict).toBe('no');
    expect(r.result.trace.some((t) => t.source === '002 前言' && t.text.includes('不适用于您'))).toBe(true);
  });

  it('互助帮困：是否参加上海医保不清楚时，结果是“可能”，并指出要回答这个问题', () => {
    const r = run({ region: 'shanghai-mutual-aid', hukou: 'yes', insurance: 'unsure', cards: ['returnee'], employeeInsurance: 'no' });
    expect(r.verdict).toBe('maybe');
    expect(r.open).toEqual(['insurance']);
  });

  it('互助帮困：外省市职工医保答“不清楚”时，不当作“没有”，列为要回答的问题', () => {
    const a = { region: 'shanghai-mutual-aid' as const, hukou: 'yes' as const, insurance: 'no' as const, cards: ['returnee' as const], employeeInsurance: 'unsure' as const };
    expect(answersToFacts(a).hasEmployeeInsuranceElsewhere).toBeUndefined();
    const r = run(a);
    expect(r.result.missingFacts).toEqual(['hasEmployeeInsuranceElsewhere']);
    expect(r.open).toEqual(['employee-insurance']);
    expect(answersToFacts({ ...a, employeeInsurance: 'no' }).hasEmployeeInsuranceElsewhere).toBe(false);
    expect(run({ ...a, employeeInsurance: 'yes' }).open).toEqual([]);
  });
});

const stay = (date: string, end: string, total: string, policy: string, basic: string, critical: string) => ({
  kind: 'inpatient',
  date,
  endDate: end,
  hospitalLevel: '3',
  referred: 'yes',
  location: 'local',
  totalYuan: total,
  policyYuan: policy,
  basicPaidYuan: basic,
  criticalPaidYuan: critical,
});

describe('估算', () => {
  const draft: EstimateDraft = {
    region: 'wuxi',
    cards: ['dibao'],
    episodes: [stay('2024-03-02', '2024-03-10', '420000', '400000', '100000', '50000'), stay('2024-06-01', '2024-06-20', '330000', '300000', '80000', '20000')],
  };

  it('草稿压缩存进 cookie 再读出来，内容不变', () => {
    expect(decodeDraft(JSON.parse(JSON.stringify(encodeDraft(draft))))).toEqual(draft);
    expect(decodeDraft({ e: 'garbage' })).toEqual({ episodes: [] });
  });

  it('一次估算只算同一年的就医', () => {
    expect(checkEpisodeYear(draft.episodes, 2, '2025-01-05')).toMatch(/已经填的就医在 2024 年/);
    expect(checkEpisodeYear(draft.episodes, 2, '2024-12-31')).toBeNull();
    expect(checkEpisodeYear(draft.episodes, 0, '2025-01-05')).toMatch(/2024/);
  });

  it('无锡低保两次大额住院：用满30万住院限额，金额按分计算，几部分加起来等于总费用', async () => {
    const built = await buildEstimateInput(draft, '2025-01-01', () => ({}));
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.input.year).toBe(2024);
    expect(built.episodes[0]).toMatchObject({ id: '1', totalFen: 42_000_000, policyFen: 40_000_000, basicPaidFen: 10_000_000 });
    const result = estimate(built.input);
    expect(result.pools.find((p) => p.pool === 'inpatient')).toMatchObject({ usedFen: 30_000_000, remainingFen: 0 });
    const split = billSplit(built.episodes, result);
    expect(split.insuranceFen + split.assistanceFen + split.tiltFen + split.youPayFen).toBe(split.totalFen);
    expect(split.insuranceFen).toBe(25_000_000);
    expect(isHeavy(result)).toBe(true);
  });

  it('互助帮困：没有回答是否有外省市职工医保时，不当作“没有”，估算列为缺少的情况', async () => {
    // one stay: total 420,000 yuan (42,000,000 fen), policy 40,000,000, basic 10,000,000, critical 5,000,000
    // → paid 42,000,000 − 15,000,000 = 27,000,000; policy self-pay 40,000,000 − 15,000,000 = 25,000,000
    const ma: EstimateDraft = { region: 'shanghai-mutual-aid', cards: ['returnee'], episodes: [draft.episodes[0]!] };
    const built = await buildEstimateInput(ma, '2025-01-01', () => ({}));
    if (!built.ok) throw new Error('not built');
    expect(built.input.person.hasEmployeeInsuranceElsewhere).toBeUndefined();
    const r = estimate(built.input);
    expect(r.missingFacts).toEqual(['hasEmployeeInsuranceElsewhere']);
    expect(r.totals.assistanceFen).toBe(0);
    // generous: without employee insurance (42,000,000 − 100,000) × 50% = 20,950,000 ≤ paid 27,000,000;
    // with it and no home deductible, self-pay 25,000,000 × 60% = 15,000,000 → the larger, 20,950,000
    expect(r.totals.assistanceMaxFen).toBe(20_950_000);
    const no = await buildEstimateInput({ ...ma, insuredElsewhere: 'no' }, '2025-01-01', () => ({}));
    if (!no.ok) throw new Error('not built');
    expect(no.input.person.hasEmployeeInsuranceElsewhere).toBe(false);
    expect(estimate(no.input).totals.assistanceFen).toBe(20_950_000);
  });

  it('还没选身份或没有就医记录时不计算', async () => {
    expect(await buildEstimateInput({ region: 'wuxi', episodes: draft.episodes }, '2025-01-01', () => ({}))).toEqual({ ok: false, reason: 'who' });
    expect(await buildEstimateInput({ region: 'wuxi', cards: [], episodes: [] }, '2025-01-01', () => ({}))).toEqual({ ok: false, reason: 'episodes' });
  });
});
