import { describe, expect, it } from 'vitest';
import { parseAnswer } from '@/lib/check/parse';
import { amountError, parseYuanToFen } from '@/lib/format';
import { parseEpisodeForm } from '@/lib/validation/episode-form';

// Fen worked out by hand: 1 元 = 100 分, 1 万元 = 10,000 元 = 1,000,000 分.
describe('金额怎么写都认：8万、8.5万元、¥8,000、全角数字', () => {
  it.each([
    ['8万', 8_000_000], // 8 × 10,000 元 × 100
    ['8.5万元', 8_500_000], // 85,000 元
    ['8.5 万 元', 8_500_000],
    ['0.05万', 50_000], // 500 元
    ['1.234567万', 1_234_567], // 12,345.67 元: six decimals of 万 reach the fen
    ['¥8,000', 800_000], // 8,000 元
    ['￥8,000.50', 800_050],
    ['８０００', 800_000], // full-width digits
    ['８，０００．５', 800_050], // full-width comma and point
    ['8000元', 800_000],
    ['12', 1200],
    ['0.5', 50],
  ])('%s → %i 分', (typed, fen) => expect(parseYuanToFen(typed)).toBe(fen));

  it.each(['', '-8', '8万万', '1.2345678万', '12.345', '1e5', '八千', '8.', '.5', '¥', '万'])('“%s”不是金额', (typed) =>
    expect(parseYuanToFen(typed)).toBeNull(),
  );

  it('说清楚为什么不行', () => {
    expect(amountError('总费用', '-8')).toBe('总费用不能是负数');
    expect(amountError('总费用', '12.345')).toBe('总费用最多保留两位小数（角、分）');
    expect(amountError('总费用', '八千')).toMatch(/8万/);
  });

  it('“能不能救助”和“能报多少”用的是同一个解析', () => {
    expect(parseAnswer('income', { answer: '8.5万元' }, { region: 'shanghai' })).toEqual({ ok: true, patch: { incomeFen: 8_500_000 } });
    const r = parseEpisodeForm(
      { kind: 'outpatient', date: '2026-01-05', hospitalLevel: '2', location: 'local', referred: 'yes', totalYuan: '¥8,000', policyYuan: '０.６万', basicPaidYuan: '3000元' },
      '2026-02-01',
    );
    expect(r.ok && r.episode).toMatchObject({ totalFen: 800_000, policyFen: 600_000, basicPaidFen: 300_000 });
  });

  it('申请时填“医院结算时医疗救助已付”：空着是没有，填了记下，多于保险后剩下的部分就指出来', () => {
    const visit = { kind: 'outpatient', date: '2026-01-05', hospitalLevel: '2', location: 'local', referred: 'yes', totalYuan: '8000', policyYuan: '6000', basicPaidYuan: '3000' };
    const blank = parseEpisodeForm(visit, '2026-02-01');
    expect(blank.ok && 'assistancePaidFen' in blank.episode).toBe(false);
    const typed = parseEpisodeForm({ ...visit, assistancePaidYuan: '1,000.50' }, '2026-02-01');
    expect(typed.ok && typed.episode.assistancePaidFen).toBe(100_050);
    // 8,000 total − 3,000 basic = 5,000 left: 5,000.01 cannot have been paid by assistance.
    const over = parseEpisodeForm({ ...visit, assistancePaidYuan: '5000.01' }, '2026-02-01');
    expect(over.ok ? null : over.fieldErrors.assistancePaidYuan).toBe('医疗救助已支付的金额不能大于总费用减去各项保险支付后的部分，请对照结算单核对');
    expect(parseEpisodeForm({ ...visit, assistancePaidYuan: '5000' }, '2026-02-01').ok).toBe(true);
    const negative = parseEpisodeForm({ ...visit, assistancePaidYuan: '-1' }, '2026-02-01');
    expect(negative.ok ? null : negative.fieldErrors.assistancePaidYuan).toBe('医院结算时医疗救助已支付的金额不能是负数');
  });
});
