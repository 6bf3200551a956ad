import { describe, expect, it } from 'vitest';
import { rejectReason, rejectReasonsFor } from '@/lib/workflow/reject-reasons';

const codes = (region: string, local = {}) => rejectReasonsFor(region, local).map((r) => r.code);
const deadline = { claimDeadline: { text: '出院后的下一个季度内提交', source: '某区医保局办事指南' } };

describe('不予救助的原因：每个地区只列文件支持的原因，各带条款原文', () => {
  it.each([
    // Worked out from each document: who (二(一)/002 二), local registration/insurance, referral, scope, insurance first…
    ['wuxi', ['not_in_category', 'not_local', 'status_lost', 'outside_scope', 'insurance_first', 'duplicate', 'other']],
    ['shanghai', ['not_in_category', 'not_local', 'offsite_not_filed', 'outside_scope', 'insurance_first', 'duplicate', 'other']],
    ['national', ['not_in_category', 'not_referred', 'outside_scope', 'insurance_first', 'other']],
    ['chongqing-shapingba', ['not_in_category', 'not_referred', 'large_expense_not_met', 'outside_scope', 'insurance_first', 'other']],
    ['shanghai-mutual-aid', ['outside_scope', 'not_member', 'not_paid', 'insured_locally', 'below_threshold', 'other']],
  ])('%s', (region, expected) => {
    expect(codes(region)).toEqual(expected);
  });

  it.each([
    ['wuxi', 'status_lost', '001 四(八)', '《无锡市实施意见》第四部分（八）：“丧失相应救助对象身份的，原则上次月起不再享受医疗救助待遇”'],
    ['shanghai', 'offsite_not_filed', '000 二(二)3', '《上海市实施意见》第二部分（二）3：“救助对象按照规定，办理就医关系转移或异地就医实时结算后'],
    ['chongqing-shapingba', 'not_referred', '004 二(六)', '《沙坪坝区实施方案》第二部分（六）：“未按规定转诊的救助对象'],
    ['national', 'not_referred', '003 七(十三)', '《国务院办公厅意见》第七部分（十三）：“未按规定转诊的救助对象'],
    ['chongqing-shapingba', 'large_expense_not_met', '004 二(三)2', '《沙坪坝区实施方案》第二部分（三）2：“救助对象患特殊疾病以外的其他疾病，在二级及以上医疗机构一次性住院'],
    ['shanghai-mutual-aid', 'not_paid', '002 三', '《上海市市民社区医疗互助帮困计划意见》第三部分：“可根据个人自愿的原则，在按照规定缴费后'],
  ])('%s %s 引用 %s，并写出条款原文', (region, code, clause, words) => {
    const r = rejectReason(region, code)!;
    expect(r.clauseCode).toBe(clause);
    expect(r.clause!.startsWith(words)).toBe(true);
    expect(r.clause).not.toMatch(/00[0-4] /);
  });

  it('超过申请期限不是文件的规定：只有本地区设了期限才可选，写明是本地区规定和依据，不引用文件条款', () => {
    expect(codes('wuxi')).not.toContain('late_claim');
    const r = rejectReason('wuxi', 'late_claim', deadline)!;
    expect(r).toMatchObject({ clauseCode: null, localRule: deadline.claimDeadline });
    expect(r.clause).toBe('本地区规定：出院后的下一个季度内提交（依据：某区医保局办事指南）');
    expect(codes('shanghai-mutual-aid', deadline)).toContain('late_claim');
  });

  it('同一原因各地区按本地区的文件引用：上海“未参加本市医保”引用 000 二(二)4，不是无锡的户籍要求', () => {
    expect(rejectReason('shanghai', 'not_local')).toMatchObject({ clauseCode: '000 二(二)4', label: expect.stringContaining('非本市参保人员') });
    expect(rejectReason('wuxi', 'not_local')).toMatchObject({ clauseCode: '001 二(一)' });
    expect(rejectReason('national', 'not_local')).toBeUndefined();
  });
});
