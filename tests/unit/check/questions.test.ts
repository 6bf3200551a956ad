import { describe, expect, it } from 'vitest';
import { checkEligibility, REGION_CODES } from '@/lib/calculator';
import type { CheckAnswers } from '@/lib/check/answers';
import {
  applicableAnswers,
  applicableQuestions,
  firstUnanswered,
  HUKOU_REGIONS,
  INSURANCE_REGIONS,
  nextPath,
  previousPath,
} from '@/lib/check/questions';

describe('每个地区只问和它有关的问题', () => {
  it('无锡：先问户口和医保，再问持有的证；持有低保证就不再问残疾情况', () => {
    const a: CheckAnswers = { region: 'wuxi', hukou: 'yes', insurance: 'yes', cards: ['dibao'] };
    expect(applicableQuestions(a)).toEqual(['region', 'hukou', 'insurance', 'cards']);
    expect(firstUnanswered(a)).toBeNull();
  });

  it('无锡：什么证都没有时问残疾人证；三级残疾不再问类别和工作', () => {
    const none: CheckAnswers = { region: 'wuxi', hukou: 'yes', insurance: 'yes', cards: [] };
    expect(firstUnanswered(none)).toBe('disability');
    expect(applicableQuestions({ ...none, disability: '3' })).not.toContain('disability-type');
    expect(applicableQuestions({ ...none, disability: '1', disabilityType: 'limb' })).toContain('employment');
    expect(applicableQuestions({ ...none, disability: '1', disabilityType: 'hearing' })).not.toContain('employment');
  });

  it('无锡：户口不在本市就不再往下问', () => {
    const a: CheckAnswers = { region: 'wuxi', hukou: 'no' };
    expect(applicableQuestions(a)).toEqual(['region', 'hukou']);
    expect(nextPath('hukou', a, false)).toBe('/check/answers');
  });

  it('上海：不问户口；没有证时问家庭人数、收入、看病自付和财产', () => {
    const a: CheckAnswers = { region: 'shanghai', insurance: 'yes', cards: [] };
    expect(applicableQuestions(a)).toEqual(['region', 'insurance', 'cards', 'household-size', 'income', 'medical-costs', 'assets']);
  });

  it('上海：持低收入证明时只多问年龄（60岁以上资助参保）', () => {
    expect(applicableQuestions({ region: 'shanghai', insurance: 'yes', cards: ['low_income'] })).toEqual(['region', 'insurance', 'cards', 'age']);
  });

  it('互助帮困计划：问户口是否迁回上海、是否参加上海医保，没有互助卡时问是不是退休回沪人员，再问外省市职工医保', () => {
    const ma = { region: 'shanghai-mutual-aid' as const, hukou: 'yes' as const, insurance: 'no' as const };
    expect(applicableQuestions({ ...ma, cards: [] })).toEqual(['region', 'hukou', 'insurance', 'cards', 'returnee']);
    expect(applicableQuestions({ ...ma, cards: [], returnee: 'yes' })).toEqual(['region', 'hukou', 'insurance', 'cards', 'returnee', 'employee-insurance']);
    expect(applicableQuestions({ ...ma, cards: [], returnee: 'no' })).toEqual(['region', 'hukou', 'insurance', 'cards', 'returnee']);
    expect(applicableQuestions({ ...ma, cards: ['returnee'] })).toEqual(['region', 'hukou', 'insurance', 'cards', 'employee-insurance']);
  });

  it('互助帮困计划：已参加上海基本医保的就不再往下问（002 前言）', () => {
    const a: CheckAnswers = { region: 'shanghai-mutual-aid', hukou: 'yes', insurance: 'yes' };
    expect(applicableQuestions(a)).toEqual(['region', 'hukou', 'insurance']);
    expect(nextPath('insurance', a, false)).toBe('/check/answers');
    // "no" is the answer that goes on for this plan
    expect(nextPath('insurance', { ...a, insurance: 'no' }, false)).toBe('/check/cards');
  });

  it('全国和沙坪坝：只问持有的证', () => {
    expect(applicableQuestions({ region: 'national' })).toEqual(['region', 'cards']);
    expect(applicableQuestions({ region: 'chongqing-shapingba' })).toEqual(['region', 'cards']);
  });

  it('问户口和医保的地区，和计算器认为缺少的前提条件一致', () => {
    for (const region of REGION_CODES) {
      const r = checkEligibility({ region, date: '2025-06-01', facts: {}, parameters: {} });
      expect(r.missingFacts.includes('hukouLocal'), region).toBe(HUKOU_REGIONS.includes(region));
      expect(r.missingFacts.includes('insuredLocal'), region).toBe(INSURANCE_REGIONS.includes(region));
    }
  });
});

describe('返回和修改', () => {
  const a: CheckAnswers = { region: 'shanghai', insurance: 'yes', cards: [], householdSize: 3, incomeFen: 9_000_000, medicalFen: 4_000_000, assets: 'yes' };

  it('返回链接指向上一个适用的问题，第一个问题返回开始页', () => {
    expect(previousPath('household-size', a)).toBe('/check/cards');
    expect(previousPath('region', a)).toBe('/check');
    expect(previousPath('answers', a)).toBe('/check/assets');
  });

  it('往前答时去下一个问题，即使后面的已经答过', () => {
    expect(nextPath('cards', a, false)).toBe('/check/household-size');
  });

  it('从检查页修改答案后直接回到检查页；改出新问题时先问新问题', () => {
    expect(nextPath('cards', a, true)).toBe('/check/answers');
    const withCard = { ...a, cards: ['low_income' as const] };
    expect(nextPath('cards', withCard, true)).toBe('/check/age?change=1');
  });

  it('不再适用的问题的回答不会被使用', () => {
    const stale = applicableAnswers({ ...a, cards: ['dibao'] });
    expect(stale.householdSize).toBeUndefined();
    expect(stale.incomeFen).toBeUndefined();
    expect(stale.cards).toEqual(['dibao']);
  });
});
