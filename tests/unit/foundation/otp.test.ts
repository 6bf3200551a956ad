import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { q, schema } from '@/lib/store/db';
import { lookupHash } from '@/lib/personal/crypto';
import { OTP_LOCKOUT_MS, OTP_RESEND_COOLDOWN_MS, OTP_TTL_MS, requestOtp, verifyOtp } from '@/lib/dal/otp';

const t0 = new Date('2026-03-01T02:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

async function codeFor(phone: string, at = t0): Promise<string> {
  const r = await requestOtp(phone, at);
  if (!r.ok || !r.demoCode) throw new Error('no code issued');
  return r.demoCode;
}

describe('手机验证码登录', () => {
  it('同一手机号同时请求 6 次：只发出 1 个验证码，其余按重发间隔拒绝', async () => {
    const phone = '13900000077';
    const results = await Promise.all(Array.from({ length: 6 }, () => requestOtp(phone, t0)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(5).fill('cooldown'));
    const rows = await q((db) => db.select().from(schema.otpCodes).where(eq(schema.otpCodes.phoneHmac, lookupHash(`phone:${phone}`))));
    expect(rows).toHaveLength(1);
  });

  it('发出 6 位数字验证码，数据库里只存哈希', async () => {
    const code = await codeFor('13900000001');
    expect(code).toMatch(/^\d{6}$/);
    const rows = (await q((db) => db.select().from(schema.otpCodes).where(eq(schema.otpCodes.phoneHmac, lookupHash('phone:13900000001')))));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.codeHash).not.toContain(code);
  });

  it('正确的验证码登录成功并自动开通居民账号，验证码只能用一次', async () => {
    const code = await codeFor('13900000002');
    const ok = await verifyOtp('13900000002', code, later(1000));
    expect(ok.ok).toBe(true);
    const user = (await q((db) => db.select().from(schema.users).where(eq(schema.users.phoneHmac, lookupHash('phone:13900000002')))))[0];
    expect(user?.role).toBe('resident');
    expect(user?.phoneEnc).not.toContain('13900000002');
    expect(await verifyOtp('13900000002', code, later(2000))).toMatchObject({ ok: false, reason: 'none' });
  });

  it('超过 5 分钟的验证码失效', async () => {
    const code = await codeFor('13900000003');
    expect(await verifyOtp('13900000003', code, later(OTP_TTL_MS + 1))).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('输错 5 次后锁定，即使再输入正确的验证码也不能登录', async () => {
    const code = await codeFor('13900000004');
    const wrong = code === '000000' ? '111111' : '000000';
    const results = [];
    for (const i of [1, 2, 3, 4, 5]) results.push(await verifyOtp('13900000004', wrong, later(i * 1000)));
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'locked']);
    expect(results[0]).toMatchObject({ attemptsLeft: 4 });
    expect(await verifyOtp('13900000004', code, later(6000))).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('锁定期间不能重新获取验证码，锁定期过后可以', async () => {
    const code = await codeFor('13900000005');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await verifyOtp('13900000005', wrong, later(1000));
    expect(await requestOtp('13900000005', later(2 * 60_000))).toMatchObject({ ok: false, reason: 'locked' });
    expect(await requestOtp('13900000005', later(OTP_LOCKOUT_MS + 1000))).toMatchObject({ ok: true });
  });

  it('60 秒内不能重复获取验证码', async () => {
    await codeFor('13900000006');
    expect(await requestOtp('13900000006', later(10_000))).toMatchObject({ ok: false, reason: 'cooldown' });
    const again = await requestOtp('13900000006', later(OTP_RESEND_COOLDOWN_MS + 1));
    expect(again.ok).toBe(true);
  });

  it('重新获取后旧验证码作废', async () => {
    const first = await codeFor('13900000007');
    const second = await codeFor('13900000007', later(OTP_RESEND_COOLDOWN_MS + 1));
    if (first !== second) {
      expect(await verifyOtp('13900000007', first, later(OTP_RESEND_COOLDOWN_MS + 2000))).toMatchObject({ ok: false });
    }
    expect((await verifyOtp('13900000007', second, later(OTP_RESEND_COOLDOWN_MS + 3000))).ok).toBe(true);
  });
});
