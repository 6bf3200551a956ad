// Parallel guesses must each count. Before the fix the count was read, argon2 ran, then `old + 1`
// was written, so 30 simultaneous wrong passwords left failed_logins = 1 and no lock.
import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { q, schema } from '@/lib/store/db';
import { verifyStaffLogin } from '@/lib/dal/users';
import { requestOtp, verifyOtp } from '@/lib/dal/otp';
import { hashPassword } from '@/lib/auth/password';

describe('并发猜测也会触发锁定', () => {
  it('同时提交 30 个错误密码：账号被锁，失败次数至少 5', async () => {
    const passwordHash = await hashPassword('a-long-staff-password');
    const [u] = await q((db) => db.insert(schema.users).values({ username: 'race.clerk', role: 'clerk', displayName: 'r', region: 'wuxi', passwordHash }).returning());
    const now = new Date('2026-03-01T00:00:00Z');
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => verifyStaffLogin('race.clerk', `wrong-${i}`, now)));
    expect(results.every((r) => !r.ok)).toBe(true);
    const [row] = await q((db) => db.select().from(schema.users).where(eq(schema.users.id, u!.id)));
    // Every guess that got past the lock check adds one; at least the first 5 do, so ≥ 5 and a lock is set.
    expect(row!.failedLogins).toBeGreaterThanOrEqual(5);
    expect(row!.lockedUntil).not.toBeNull();
    // The right password is refused while locked (a minute later, still inside the 15-minute lock).
    expect((await verifyStaffLogin('race.clerk', 'a-long-staff-password', new Date(now.getTime() + 60_000))).ok).toBe(false);
  });

  it('同时提交 20 个错误验证码：验证码被锁，正确的也不能再用', async () => {
    const phone = '13900009999';
    const t0 = new Date('2026-03-01T02:00:00Z');
    const issued = await requestOtp(phone, t0);
    if (!issued.ok || !issued.demoCode) throw new Error('no code');
    const right = issued.demoCode;
    const wrong = Array.from({ length: 20 }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'));
    const results = await Promise.all(wrong.map((c) => verifyOtp(phone, c, new Date(t0.getTime() + 1000))));
    expect(results.every((r) => !r.ok)).toBe(true);
    const [row] = await q((db) => db.select().from(schema.otpCodes).orderBy(schema.otpCodes.createdAt));
    expect(row!.attempts).toBeGreaterThanOrEqual(5);
    expect(await verifyOtp(phone, right, new Date(t0.getTime() + 2000))).toMatchObject({ ok: false, reason: 'locked' });
  });
});
