import { describe, expect, it } from 'vitest';
import { answersToFacts, monthlyAfterMedicalFen } from '@/lib/check/facts';
import { applyAnswer, parseAnswer } from '@/lib/check/parse';

describe('回答变成计算器的事实', () => {
  it('“不清楚”的回答不当作事实，留给计算器列为缺少', () => {
    const f = answersToFacts({ region: 'wuxi', hukou: 'unsure', insurance: 'yes', cards: ['dibao'] });
    expect(f.hukouLocal).toBeUndefined();
    expect(f.insuredLocal).toBe(true);
    expect(f.certifications).toEqual(['dibao']);
  });

  it('别的地区才有的证不带过去', () => {
    expect(answersToFacts({ region: 'wuxi', hukou: 'yes', insurance: 'yes', cards: ['low_income', 'dibao'] }).certifications).toEqual(['dibao']);
  });

  it('上海家庭：扣除看病自付后的月人均收入按 (收入-医疗费)/12/人数 算出', () => {
    const a = { region: 'shanghai' as const, insurance: 'yes' as const, cards: [], householdSize: 3, incomeFen: 9_000_000, medicalFen: 4_000_000, assets: 'yes' as const };
    expect(monthlyAfterMedicalFen(a)).toBe(138_888);
    expect(answersToFacts(a).household).toEqual({
      size: 3,
      annualDisposableIncomeFen: 9_000_000,
      medicalOutOfPocket12mFen: 4_000_000,
      assetsWithinLimit: true,
      monthlyPerCapitaIncomeAfterNecessaryFen: 138_888,
    });
  });

  it('无锡重度残疾：残疾等级、类别和有没有工作', () => {
    const f = answersToFacts({ region: 'wuxi', hukou: 'yes', insurance: 'yes', cards: [], disability: '2', disabilityType: 'visual', employed: 'no' });
    expect(f.disability).toEqual({ grade: 2, type: 'visual', employed: false });
  });
});

describe('每个问题的输入检查', () => {
  it('金额：负数、三位小数和文字都给出中文提示，并保留输入', () => {
    const at = { region: 'shanghai' as const };
    expect(parseAnswer('income', { answer: '-5' }, at)).toEqual({ ok: false, error: '去年全家收入不能是负数', values: '-5' });
    expect(parseAnswer('income', { answer: '100.123' }, at)).toMatchObject({ ok: false, error: '去年全家收入最多保留两位小数（角、分）', values: '100.123' });
    expect(parseAnswer('income', { answer: '很多' }, at)).toMatchObject({ ok: false, values: '很多' });
    expect(parseAnswer('income', { answer: '90,000.5' }, at)).toEqual({ ok: true, patch: { incomeFen: 9_000_050 } });
  });

  it('点“不清楚，跳过”记为不清楚', () => {
    expect(parseAnswer('income', { answer: '', unsure: '1' }, { region: 'shanghai' })).toEqual({ ok: true, patch: { incomeFen: 'unsure' } });
  });

  it('年龄和人数只收整数', () => {
    expect(parseAnswer('age', { answer: '６５' }, { region: 'shanghai' })).toEqual({ ok: true, patch: { age: 65 } });
    expect(parseAnswer('age', { answer: '65.5' }, { region: 'shanghai' })).toMatchObject({ ok: false });
    expect(parseAnswer('household-size', { answer: '0' }, { region: 'shanghai' })).toMatchObject({ ok: false, error: '人数请填写 1 到 30 之间的整数' });
  });

  it('选了“都没有”又选了证，要求改正；什么都没选也要求选', () => {
    expect(parseAnswer('cards', { answer: ['none', 'dibao'] }, { region: 'wuxi' })).toMatchObject({ ok: false, error: '选了“都没有”，就不要再选其他的了' });
    expect(parseAnswer('cards', {}, { region: 'wuxi' })).toMatchObject({ ok: false });
    expect(parseAnswer('cards', { answer: 'none' }, { region: 'wuxi' })).toEqual({ ok: true, patch: { cards: [] } });
    expect(parseAnswer('cards', { answer: 'low_income' }, { region: 'wuxi' })).toMatchObject({ ok: false });
  });

  it('单选题只接受给出的选项', () => {
    expect(parseAnswer('hukou', { answer: 'maybe' }, { region: 'wuxi' })).toMatchObject({ ok: false, error: '请选择一项' });
    expect(parseAnswer('region', { answer: 'beijing' }, {})).toMatchObject({ ok: false });
  });

  it('换了地区，之前按旧地区回答的问题全部清空', () => {
    expect(applyAnswer({ region: 'wuxi', hukou: 'yes', cards: ['dibao'] }, { region: 'shanghai' })).toEqual({ region: 'shanghai' });
    expect(applyAnswer({ region: 'wuxi', hukou: 'yes' }, { region: 'wuxi' })).toEqual({ region: 'wuxi', hukou: 'yes' });
  });
});
