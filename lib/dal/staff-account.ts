import 'server-only';
// A staff member's own sign-in settings: password change and the second factor (TOTP, RFC 6238).
import { and, eq, sql } from 'drizzle-orm';
import { q, schema, transaction } from '@/lib/store/db';
import { decrypt, encrypt } from '@/lib/personal/crypto';
import { writeAudit } from '@/lib/dal/audit';
import type { SessionUser } from '@/lib/dal/users';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/auth/password-policy';
import { forbidden, invalid, refuse, type Result } from '@/lib/result';
import { matchTotp, newTotpSecret, otpauthUri } from '@/lib/auth/totp';

const isStaff = (u: SessionUser) => u.role !== 'resident';

async function row(userId: string) {
  const [u] = await q((db) => db.select().from(schema.users).where(eq(schema.users.id, userId)));
  return u ?? null;
}

export type SecondFactorStatus = { enabled: boolean; required: boolean; pending: { secret: string; uri: string } | null };

/** What the security page shows; starts an enrolment (a new secret, not yet active) when none is on. */
export async function secondFactorStatus(actor: SessionUser): Promise<SecondFactorStatus | null> {
  if (!isStaff(actor)) return null;
  const u = await row(actor.id);
  if (!u) return null;
  const required = u.role === 'admin';
  if (u.totpEnabled) return { enabled: true, required, pending: null };
  let secret = u.totpSecretEnc ? decrypt(u.totpSecretEnc) : null;
  if (!secret) {
    secret = newTotpSecret();
    // Only when still empty, so two tabs opening the page show the same secret.
    const set = await q((db) =>
      db.update(schema.users).set({ totpSecretEnc: encrypt(secret!) }).where(and(eq(schema.users.id, u.id), sql`${schema.users.totpSecretEnc} is null`)).returning({ id: schema.users.id }),
    );
    if (set.length === 0) secret = decrypt((await row(u.id))!.totpSecretEnc!);
  }
  return { enabled: false, required, pending: { secret, uri: otpauthUri(secret, u.username ?? u.displayName) } };
}

/** Turns the second factor on once the person proves the app shows the right codes. */
export async function confirmSecondFactor(actor: SessionUser, code: string, now: Date = new Date()): Promise<Result> {
  if (!isStaff(actor)) return forbidden();
  const u = await row(actor.id);
  if (!u?.totpSecretEnc || u.totpEnabled) return refuse('conflict', '请刷新页面后重新扫描二维码。');
  const step = matchTotp(decrypt(u.totpSecretEnc), code.trim(), now);
  if (step === null) return invalid({ code: '验证码不对。请确认手机时间准确，输入身份验证器里现在显示的 6 位数字。' });
  await transaction(async (db) => {
    await db.update(schema.users).set({ totpEnabled: true, totpLastStep: step }).where(eq(schema.users.id, u.id));
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'staff.totp_enable', entity: 'user', entityId: u.id });
  });
  return { ok: true };
}

/** Turns it off (not for administrators, who must keep it); needs a current code. */
export async function disableSecondFactor(actor: SessionUser, code: string, now: Date = new Date()): Promise<Result> {
  if (!isStaff(actor)) return forbidden();
  if (actor.role === 'admin') return refuse('forbidden', '管理员必须使用两步验证，不能关闭。');
  const u = await row(actor.id);
  if (!u?.totpEnabled || !u.totpSecretEnc) return refuse('conflict', '两步验证没有开启。');
  if (matchTotp(decrypt(u.totpSecretEnc), code.trim(), now) === null) return invalid({ code: '验证码不对，请输入身份验证器里现在显示的 6 位数字。' });
  await transaction(async (db) => {
    await db.update(schema.users).set({ totpEnabled: false, totpSecretEnc: null, totpLastStep: null }).where(eq(schema.users.id, u.id));
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'staff.totp_disable', entity: 'user', entityId: u.id });
  });
  return { ok: true };
}

/**
 * Changes the password: the current one first, the new one against lib/auth/password-policy.ts. Every session of
 * the account ends (session version), this one too: the person signs in again with the new password.
 */
export async function changeStaffPassword(actor: SessionUser, current: string, next: string): Promise<Result> {
  if (!isStaff(actor)) return forbidden();
  const u = await row(actor.id);
  if (!u) return forbidden();
  if (!(await verifyPassword(u.passwordHash, current))) {
    await q((db) => db.update(schema.users).set({ failedLogins: sql`${schema.users.failedLogins} + 1` }).where(eq(schema.users.id, u.id)));
    return invalid({ current: '当前密码不正确。' });
  }
  const problem = passwordProblem(next, { username: u.username, displayName: u.displayName });
  if (problem) return invalid({ next: problem });
  if (await verifyPassword(u.passwordHash, next)) return invalid({ next: '新密码不能和当前密码相同。' });
  const passwordHash = await hashPassword(next);
  await transaction(async (db) => {
    await db.update(schema.users).set({ passwordHash, sessionVersion: sql`${schema.users.sessionVersion} + 1` }).where(eq(schema.users.id, u.id));
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'staff.password_change', entity: 'user', entityId: u.id });
  });
  return { ok: true };
}
