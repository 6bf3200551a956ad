import { describe, expect, it } from 'vitest';
import { checkIdNumber, idNumberCheckChar } from '@/lib/personal/id-number';
import { formatMoney, maskBankAccount, maskIdNumber, maskName, maskPhone, parseYuanToFen } from '@/lib/format';

describe('身份证号校验', () => {
  it.each([
    // ISO 7064 MOD 11-2 worked by hand for 11010519491231002: Σ(aᵢ·wᵢ) = 167, 167 mod 11 = 2 → check "X".
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['110105194912310021', false],
    ['320202195803150012', true],
    ['32020219580315001', false],
    ['320202195802300012', false], // 2 月 30 日
    ['abcdefghijklmnopqr', false],
  ])('%s → %s', (id, ok) => {
    expect(checkIdNumber(id).ok).toBe(ok);
  });

  it('校验位按 GB 11643 计算', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
  });

  it('给出清楚的中文原因', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, message: '身份证号校验位不对，请逐位核对是否输错' });
    expect(checkIdNumber('123')).toMatchObject({ ok: false, message: expect.stringContaining('18 位') });
  });

  it('返回出生日期并把小写 x 改成大写', () => {
    expect(checkIdNumber(' 11010519491231002x ')).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31' });
  });
});

describe('遮挡个人信息（手机号、身份证号、银行卡号、姓名）', () => {
  it('银行卡只显示后四位', () => {
    expect(maskBankAccount('6222 0200 0000 1234 567')).toBe('**** **** 4567');
    expect(maskBankAccount('6222020000001234567')).not.toContain('62220200');
  });
  it('手机号显示前三后四', () => expect(maskPhone('13812341234')).toBe('138****1234'));
  it('身份证号显示前三后四', () => expect(maskIdNumber('11010519491231002X')).toBe('110***********002X'));
  it('姓名遮挡中间', () => {
    expect(maskName('张三明')).toBe('张*明');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳小明')).toBe('欧**明');
  });
});

describe('金额：元输入转为分', () => {
  it.each([
    ['1,234.56', 123456],
    ['12', 1200],
    ['0.5', 50],
    ['１２３.４', 12340],
    ['12.345', null],
    ['-1', null],
    ['abc', null],
  ])('%s → %s', (input, fen) => expect(parseYuanToFen(input)).toBe(fen));
  it('显示为 ¥ 加千分位', () => expect(formatMoney(123456789)).toBe('¥1,234,567.89'));
});

describe('工作日', () => {
  it('从周三起 30 个工作日（不算周末）', async () => {
    const { addWorkingDays, todayInShanghai } = await import('@/lib/format');
    // 2026-11-25 is a Wednesday: 30 working days = 6 weeks → Wednesday 2027-01-06.
    expect(todayInShanghai(addWorkingDays(new Date('2026-11-25T03:00:00Z'), 30))).toBe('2027-01-06');
    // Friday + 1 working day → Monday.
    expect(todayInShanghai(addWorkingDays(new Date('2026-11-27T03:00:00Z'), 1))).toBe('2026-11-30');
  });
});
