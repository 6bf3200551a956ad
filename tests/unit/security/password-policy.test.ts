import { describe, expect, it } from 'vitest';
import { passwordProblem } from '@/lib/auth/password-policy';

describe('工作人员新密码的要求（ASVS 5.0 V6.2）', () => {
  it('少于 12 个字符的拒绝，12 个字符的好密码通过', () => {
    expect(passwordProblem('Kx7-plum-rv')).toMatch(/至少 12/); // 11 characters
    expect(passwordProblem('Kx7-plum-rva')).toBeNull(); // 12
  });

  it('汉字和空格可以用，按字符而不是字节计数', () => {
    expect(passwordProblem('锡山区 周三 开会 带上茶叶')).toBeNull(); // 13 characters
    expect(passwordProblem('两个字')).toMatch(/至少 12/);
  });

  it('常见密码和“常见词 + 数字/符号”拒绝', () => {
    for (const p of ['123456789012', 'password1234', 'Password2026!', 'woaini131452', 'qwertyuiop123', '1q2w3e4r5t6y', 'woainizhongguo', '2026-03-01 2026']) {
      expect(passwordProblem(p), p).toMatch(/常见|连续|重复/);
    }
  });

  it('重复片段、连续字符和键盘顺序拒绝', () => {
    expect(passwordProblem('abc1abc1abc1')).toMatch(/重复|常见/);
    expect(passwordProblem('kx7Rkx7Rkx7R')).toMatch(/重复/);
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/重复/);
    expect(passwordProblem('abcdefghijklm')).toMatch(/常见|连续/);
    expect(passwordProblem('9876543210987')).toMatch(/常见|连续/);
  });

  it('包含用户名的拒绝', () => {
    expect(passwordProblem('wuxi.clerk-horse-7', { username: 'wuxi.clerk' })).toMatch(/用户名/);
    expect(passwordProblem('river-horse-staple-7', { username: 'wuxi.clerk' })).toBeNull();
  });

  it('超过 128 个字符拒绝', () => {
    expect(passwordProblem('x1'.repeat(65))).toMatch(/最多/);
  });
});
