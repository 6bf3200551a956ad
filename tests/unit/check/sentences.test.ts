import { describe, expect, it } from 'vitest';
import { transitionNoticeBody } from '@/lib/workflow/states';
import { sentences } from '@/lib/format';

describe('通知和说明里不会出现“。。”', () => {
  it('每句只有一个句号，已有句号的不再加', () => {
    expect(sentences('请补交出院小结。', '提交后继续审核。')).toBe('请补交出院小结。提交后继续审核。');
    expect(sentences('请补交出院小结', '提交后继续审核。')).toBe('请补交出院小结。提交后继续审核。');
    expect(sentences('材料不全。。', '')).toBe('材料不全。');
    expect(sentences(undefined, '  ', '好的！', '办完了')).toBe('好的！办完了。');
  });

  it('经办人员写的原因带不带句号，通知都只有一个句号', () => {
    const withStop = transitionNoticeBody('reject', 'rejected', { text: '家庭收入超过标准。' });
    const without = transitionNoticeBody('reject', 'rejected', { text: '家庭收入超过标准' });
    expect(withStop).toBe(without);
    expect(withStop).toMatch(/^家庭收入超过标准。请查看原因/);
    expect(withStop).not.toContain('。。');
    expect(transitionNoticeBody('request_info', 'needs_info', { text: '' })).toBe('请按下面的要求补充说明或上传材料，提交后继续审核。');
    expect(transitionNoticeBody('approve', 'approved', { amountFen: 850_000 })).toBe('核定救助金额 ¥8,500.00。救助金将发放到您填写的银行账户，请留意到账。');
  });
});
