import 'server-only';
// One-time sign-in codes: 6 digits, stored hashed, 5 minutes, 5 attempts, a resend cooldown.
import { randomInt } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { db, schema } from '@/db';
import { encrypt, lookupHash, safeEqual } from '@/lib/crypto';
import { writeAudit } from '@/lib/dal/audit';
import { smsSender } from '@/lib/sms';

export const OTP_TTL_MS = 5 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_RESEND_COOLDOWN_MS = 60_000;
export const OTP_LOCKOUT_MS = 15 * 60_000;
const OTP_MAX_PER_HOUR = 10;

const codeHash = (phoneHmac: string, code: string) => lookupHash(`otp:${phoneHmac}:${code}`);

export type RequestOtpResult =
  | { ok: true; demoCode?: string; resendAfterSeconds: number }
  | { ok: false; reason: 'cooldown' | 'locked' | 'too_many'; waitSeconds: number; message: string };

export async function requestOtp(phone: string, now: Date = new Date()): Promise<RequestOtpResult> {
  const phoneHmac = lookupHash(`phone:${phone}`);
  const recent = db()
    .select()
    .from(schema.otpCodes)
    .where(and(eq(schema.otpCodes.phoneHmac, phoneHmac), gt(schema.otpCodes.createdAt, new Date(now.getTime() - 3_600_000).toISOString())))
    .orderBy(desc(schema.otpCodes.createdAt))
    .all();
  const last = recent[0];
  if (last) {
    const lastAt = new Date(last.createdAt).getTime();
    if (last.attempts >= OTP_MAX_ATTEMPTS && now.getTime() - lastAt < OTP_LOCKOUT_MS) {
      const wait = Math.ceil((lastAt + OTP_LOCKOUT_MS - now.getTime()) / 1000);
      return { ok: false, reason: 'locked', waitSeconds: wait, message: `验证码错误次数过多，请 ${Math.ceil(wait / 60)} 分钟后再获取新的验证码。` };
    }
    if (now.getTime() - lastAt < OTP_RESEND_COOLDOWN_MS) {
      const wait = Math.ceil((lastAt + OTP_RESEND_COOLDOWN_MS - now.getTime()) / 1000);
      return { ok: false, reason: 'cooldown', waitSeconds: wait, message: `验证码已发送，请 ${wait} 秒后再重新获取。` };
    }
  }
  if (recent.length >= OTP_MAX_PER_HOUR) {
    return { ok: false, reason: 'too_many', waitSeconds: 3600, message: '一小时内获取验证码次数过多，请稍后再试。' };
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  db().transaction((tx) => {
    tx.update(schema.otpCodes)
      .set({ consumedAt: now.toISOString() })
      .where(and(eq(schema.otpCodes.phoneHmac, phoneHmac), isNull(schema.otpCodes.consumedAt)))
      .run();
    tx.insert(schema.otpCodes)
      .values({ phoneHmac, codeHash: codeHash(phoneHmac, code), expiresAt: new Date(now.getTime() + OTP_TTL_MS).toISOString(), createdAt: now.toISOString() })
      .run();
  });
  const sender = smsSender();
  await sender.send(phone, `【医疗救助】您的登录验证码是 ${code}，5 分钟内有效。请勿告诉他人。`);
  return { ok: true, demoCode: sender.showsCodeOnScreen ? code : undefined, resendAfterSeconds: OTP_RESEND_COOLDOWN_MS / 1000 };
}

export type VerifyOtpResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'none' | 'expired' | 'wrong' | 'locked'; attemptsLeft: number };

/** Checks a code; on success the code is spent and the resident's account is found or created. */
export function verifyOtp(phone: string, code: string, now: Date = new Date()): VerifyOtpResult {
  const phoneHmac = lookupHash(`phone:${phone}`);
  return db().transaction((tx) => {
    const row = tx
      .select()
      .from(schema.otpCodes)
      .where(eq(schema.otpCodes.phoneHmac, phoneHmac))
      .orderBy(desc(schema.otpCodes.createdAt))
      .limit(1)
      .get();
    if (!row) return { ok: false, reason: 'none', attemptsLeft: 0 } as const;
    if (row.attempts >= OTP_MAX_ATTEMPTS) return { ok: false, reason: 'locked', attemptsLeft: 0 } as const;
    if (row.consumedAt) return { ok: false, reason: 'none', attemptsLeft: 0 } as const;
    if (new Date(row.expiresAt) <= now) return { ok: false, reason: 'expired', attemptsLeft: 0 } as const;
    if (!safeEqual(row.codeHash, codeHash(phoneHmac, code))) {
      const attempts = row.attempts + 1;
      tx.update(schema.otpCodes).set({ attempts }).where(eq(schema.otpCodes.id, row.id)).run();
      const left = OTP_MAX_ATTEMPTS - attempts;
      return left > 0 ? ({ ok: false, reason: 'wrong', attemptsLeft: left } as const) : ({ ok: false, reason: 'locked', attemptsLeft: 0 } as const);
    }
    tx.update(schema.otpCodes).set({ consumedAt: now.toISOString() }).where(eq(schema.otpCodes.id, row.id)).run();
    const userId = findOrCreateResident(tx, phone, phoneHmac, now);
    return { ok: true, userId } as const;
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof db>['transaction']>[0]>[0];

function findOrCreateResident(tx: Tx, phone: string, phoneHmac: string, now: Date): string {
  const existing = tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.phoneHmac, phoneHmac)).get();
  if (existing) {
    tx.update(schema.users).set({ lastLoginAt: now.toISOString() }).where(eq(schema.users.id, existing.id)).run();
    return existing.id;
  }
  const created = tx
    .insert(schema.users)
    .values({ role: 'resident', displayName: `用户${phone.slice(-4)}`, phoneEnc: encrypt(phone), phoneHmac, lastLoginAt: now.toISOString() })
    .returning({ id: schema.users.id })
    .get();
  writeAudit({ actorUserId: created.id, actorRole: 'resident', action: 'account.create', entity: 'user', entityId: created.id }, tx);
  return created.id;
}

export function otpFailureMessage(result: Extract<VerifyOtpResult, { ok: false }>): string {
  switch (result.reason) {
    case 'wrong':
      return `验证码不正确，还可以再试 ${result.attemptsLeft} 次。`;
    case 'locked':
      return `验证码错误次数过多，已锁定。请 ${OTP_LOCKOUT_MS / 60_000} 分钟后重新获取验证码。`;
    case 'expired':
      return '验证码已过期，请重新获取。';
    case 'none':
      return '请先获取验证码。';
  }
}
