// Staff second factor: enrolment, sign-in in two steps, one use per code, lockout counted like passwords.
import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { q, schema } from '@/lib/store/db';
import { toSessionUser, verifyStaffLogin, verifyStaffSecondFactor } from '@/lib/dal/users';
import { confirmSecondFactor, disableSecondFactor, secondFactorStatus } from '@/lib/dal/staff-account';
import { hashPassword } from '@/lib/auth/password';
import { totpCode } from '@/lib/auth/totp';
import { decrypt } from '@/lib/personal/crypto';

const t0 = new Date('2026-03-01T08:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);

async function staff(username: string, role: 'clerk' | 'admin') {
  const passwordHash = await hashPassword('a-long-staff-password');
  const [row] = await q((db) => db.insert(schema.users).values({ username, role, displayName: username, region: 'wuxi', passwordHash }).returning());
  return toSessionUser(row!);
}

async function enrol(username: string, role: 'clerk' | 'admin') {
  const me = await staff(username, role);
  const status = await secondFactorStatus(me);
  expect(status).toMatchObject({ enabled: false, required: role === 'admin' });
  const secret = status!.pending!.secret;
  // Opening the page again shows the same secret (the QR code already scanned stays valid).
  expect((await secondFactorStatus(me))!.pending!.secret).toBe(secret);
  const [row] = await q((db) => db.select().from(schema.users).where(eq(schema.users.id, me.id)));
  expect(row!.totpSecretEnc).not.toContain(secret); // encrypted at rest
  expect(decrypt(row!.totpSecretEnc!)).toBe(secret);
  expect(await confirmSecondFactor(me, '000000' === totpCode(secret, t0) ? '111111' : '000000', t0)).toMatchObject({ ok: false });
  expect(await confirmSecondFactor(me, totpCode(secret, t0), t0)).toEqual({ ok: true });
  return { me, secret };
}

describe('工作人员两步验证（TOTP）', () => {
  it('开启后，密码正确也只拿到第二步的凭条；输入动态码才登录', async () => {
    const { secret } = await enrol('clerk.totp', 'clerk');
    const step1 = await verifyStaffLogin('clerk.totp', 'a-long-staff-password', at(60));
    if (!step1.ok || !step1.needsCode) throw new Error('expected a second step');
    const ok = await verifyStaffSecondFactor(step1.ticket, totpCode(secret, at(60)), at(61));
    expect(ok.ok).toBe(true);
  });

  it('同一个动态码不能用两次（重放）', async () => {
    const { secret } = await enrol('clerk.replay', 'clerk');
    const s1 = await verifyStaffLogin('clerk.replay', 'a-long-staff-password', at(90));
    if (!s1.ok || !s1.needsCode) throw new Error('expected a second step');
    const code = totpCode(secret, at(90));
    expect((await verifyStaffSecondFactor(s1.ticket, code, at(91))).ok).toBe(true);
    expect(await verifyStaffSecondFactor(s1.ticket, code, at(92))).toMatchObject({ ok: false });
  });

  it('凭条 5 分钟后失效，伪造的凭条无效', async () => {
    const { secret } = await enrol('clerk.ticket', 'clerk');
    const s1 = await verifyStaffLogin('clerk.ticket', 'a-long-staff-password', at(0));
    if (!s1.ok || !s1.needsCode) throw new Error('expected a second step');
    expect(await verifyStaffSecondFactor(s1.ticket, totpCode(secret, at(301)), at(301))).toMatchObject({ ok: false, message: expect.stringContaining('超时') });
    const [body] = s1.ticket.split('.');
    expect(await verifyStaffSecondFactor(`${body}.forged`, totpCode(secret, at(10)), at(10))).toMatchObject({ ok: false });
  });

  it('并发输错 20 次动态码：账号被锁', async () => {
    const { me, secret } = await enrol('clerk.burst', 'clerk');
    const s1 = await verifyStaffLogin('clerk.burst', 'a-long-staff-password', at(120));
    if (!s1.ok || !s1.needsCode) throw new Error('expected a second step');
    const right = totpCode(secret, at(120));
    const wrong = Array.from({ length: 20 }, (_, i) => String((Number(right) + 7 + i * 3) % 1_000_000).padStart(6, '0'));
    await Promise.all(wrong.map((c) => verifyStaffSecondFactor(s1.ticket, c, at(121))));
    const [row] = await q((db) => db.select().from(schema.users).where(eq(schema.users.id, me.id)));
    expect(row!.failedLogins).toBeGreaterThanOrEqual(5);
    expect(row!.lockedUntil).not.toBeNull();
    expect((await verifyStaffSecondFactor(s1.ticket, right, at(122))).ok).toBe(false);
  });

  it('管理员必须开启、不能关闭；其他工作人员可以关闭', async () => {
    const admin = await enrol('admin.totp', 'admin');
    expect(await disableSecondFactor(admin.me, totpCode(admin.secret, at(30)), at(30))).toMatchObject({ ok: false, code: 'forbidden' });
    const clerk = await enrol('clerk.off', 'clerk');
    expect(await disableSecondFactor(clerk.me, totpCode(clerk.secret, at(30)), at(30))).toEqual({ ok: true });
    const s1 = await verifyStaffLogin('clerk.off', 'a-long-staff-password', at(40));
    expect(s1).toMatchObject({ ok: true, needsCode: false });
  });
});
