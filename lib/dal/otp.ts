import 'server-only';
// One-time sign-in codes: 6 digits, stored hashed, 5 minutes, 5 attempts, a resend cooldown.
import { randomInt } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { q, schema, transaction } from '@/lib/store/db';
import { encrypt, lookupHash, safeEqual } from '@/lib/personal/crypto';
import { writeAudit } from '@/lib/dal/audit';
import { smsSender } from '@/lib/sms';

/** A moment as Beijing clock time (HH:MM:SS), for "come back after …" without JavaScript. */
const clockAt = (ms: number) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(ms));

export const OTP_TTL_MS = 5 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_RESEND_COOLDOWN_MS = 60_000;
export const OTP_LOCKOUT_MS = 15 * 60_000;
const OTP_MAX_PER_HOUR = 10;

const codeHash = (phoneHmac: string, code: string) => lookupHash(`otp:${phoneHmac}:${code}`);

export type RequestOtpResult =
  | { ok: true; demoCode?: string; resendAfterSeconds: number }
  | { ok: false; code: 'rate_limited'; reason: 'cooldown' | 'locked' | 'too_many'; waitSeconds: number; message: string };

export async function requestOtp(phone: string, now: Date = new Date()): Promise<RequestOtpResult> {
  const phoneHmac = lookupHash(`phone:${phone}`);
  const o = schema.otpCodes;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  // Checked and issued in one transaction, so two instances asked at once cannot both send. The transaction
  // first takes this phone's row in `counters` (an upsert locks it on PostgreSQL until commit; SQLite has one
  // writer anyway), so a second request for the same phone waits and then sees the first one's code.
  const refused = await transaction(async (db) => {
    await db
      .insert(schema.counters)
      .values({ name: `otp:${phoneHmac}`, value: 1 })
      .onConflictDoUpdate({ target: schema.counters.name, set: { value: sql`${schema.counters.value} + 1` } });
    const recent = await db
      .select()
      .from(o)
      .where(and(eq(o.phoneHmac, phoneHmac), gt(o.createdAt, new Date(now.getTime() - 3_600_000).toISOString())))
      .orderBy(desc(o.createdAt));
    const last = recent[0];
    if (last) {
      const lastAt = new Date(last.createdAt).getTime();
      if (last.attempts >= OTP_MAX_ATTEMPTS && now.getTime() - lastAt < OTP_LOCKOUT_MS) {
        const wait = Math.ceil((lastAt + OTP_LOCKOUT_MS - now.getTime()) / 1000);
        return { reason: 'locked' as const, waitSeconds: wait, message: `验证码错误次数过多，请 ${Math.ceil(wait / 60)} 分钟后再获取新的验证码。` };
      }
      if (now.getTime() - lastAt < OTP_RESEND_COOLDOWN_MS) {
        const wait = Math.ceil((lastAt + OTP_RESEND_COOLDOWN_MS - now.getTime()) / 1000);
        return { reason: 'cooldown' as const, waitSeconds: wait, message: `验证码刚才已经发到这个手机号，短信里的验证码发出后 ${Math.round(OTP_TTL_MS / 60_000)} 分钟内有效，可以直接填写。没有收到的话，请 ${wait} 秒后再重新获取（北京时间 ${clockAt(lastAt + OTP_RESEND_COOLDOWN_MS)} 以后）。` };
      }
    }
    if (recent.length >= OTP_MAX_PER_HOUR) {
      return { reason: 'too_many' as const, waitSeconds: 3600, message: '一小时内获取验证码次数过多，请稍后再试。' };
    }
    await db.update(o).set({ consumedAt: now.toISOString() }).where(and(eq(o.phoneHmac, phoneHmac), isNull(o.consumedAt)));
    await db.insert(o).values({ phoneHmac, codeHash: codeHash(phoneHmac, code), expiresAt: new Date(now.getTime() + OTP_TTL_MS).toISOString(), createdAt: now.toISOString() });
    return null;
  });
  if (refused) return { ok: false, code: 'rate_limited', ...refused };
  const sender = smsSender();
  await sender.send(phone, `【医疗救助】您的登录验证码是 ${code}，5 分钟内有效。请勿告诉他人。`);
  return { ok: true, demoCode: sender.showsCodeOnScreen ? code : undefined, resendAfterSeconds: OTP_RESEND_COOLDOWN_MS / 1000 };
}

export type VerifyOtpResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'none' | 'expired' | 'wrong' | 'locked'; attemptsLeft: number };

/** Checks a code; on success the code is spent and the resident's account is found or created. */
export async function verifyOtp(phone: string, code: string, now: Date = new Date()): Promise<VerifyOtpResult> {
  const phoneHmac = lookupHash(`phone:${phone}`);
  const o = schema.otpCodes;
  return transaction(async (db): Promise<VerifyOtpResult> => {
    const [row] = await db.select().from(o).where(eq(o.phoneHmac, phoneHmac)).orderBy(desc(o.createdAt)).limit(1);
    if (!row) return { ok: false, reason: 'none', attemptsLeft: 0 };
    if (row.attempts >= OTP_MAX_ATTEMPTS) return { ok: false, reason: 'locked', attemptsLeft: 0 };
    if (row.consumedAt) return { ok: false, reason: 'none', attemptsLeft: 0 };
    if (new Date(row.expiresAt) <= now) return { ok: false, reason: 'expired', attemptsLeft: 0 };
    if (!safeEqual(row.codeHash, codeHash(phoneHmac, code))) {
      // Counted in place, so parallel guesses each use up one attempt.
      const [counted] = await db.update(o).set({ attempts: sql`${o.attempts} + 1` }).where(eq(o.id, row.id)).returning({ attempts: o.attempts });
      const left = OTP_MAX_ATTEMPTS - (counted?.attempts ?? OTP_MAX_ATTEMPTS);
      return left > 0 ? { ok: false, reason: 'wrong', attemptsLeft: left } : { ok: false, reason: 'locked', attemptsLeft: 0 };
    }
    // Spent by a compare-and-set, so one code signs in once even when two instances check it together.
    const spent = await db
      .update(o)
      .set({ consumedAt: now.toISOString() })
      .where(and(eq(o.id, row.id), isNull(o.consumedAt), sql`${o.attempts} < ${OTP_MAX_ATTEMPTS}`))
      .returning({ id: o.id });
    if (spent.length === 0) return { ok: false, reason: 'none', attemptsLeft: 0 };
    const userId = await findOrCreateResident(phone, phoneHmac, now);
    return { ok: true, userId };
  });
}

async function findOrCreateResident(phone: string, phoneHmac: string, now: Date): Promise<string> {
  const u = schema.users;
  return q(async (db) => {
    const [existing] = await db.select({ id: u.id }).from(u).where(eq(u.phoneHmac, phoneHmac));
    if (existing) {
      await db.update(u).set({ lastLoginAt: now.toISOString() }).where(eq(u.id, existing.id));
      return existing.id;
    }
    const [created] = await db
      .insert(u)
      .values({ role: 'resident', displayName: `用户${phone.slice(-4)}`, phoneEnc: encrypt(phone), phoneHmac, lastLoginAt: now.toISOString() })
      .onConflictDoNothing()
      .returning({ id: u.id });
    if (!created) {
      // Another instance created the account a moment ago.
      const [again] = await db.select({ id: u.id }).from(u).where(eq(u.phoneHmac, phoneHmac));
      return again!.id;
    }
    await writeAudit({ actorUserId: created.id, actorRole: 'resident', action: 'account.create', entity: 'user', entityId: created.id });
    return created.id;
  });
}

export function otpFailureMessage(result: Extract<VerifyOtpResult, { ok: false }>): string {
  switch (result.reason) {
    case 'wrong':
      return `验证码不正确，还可以再试 ${result.attemptsLeft} 次。`;
    case 'locked':
      return `验证码错误次数过多，已锁定。请 ${OTP_LOCKOUT_MS / 60_000} 分钟后重新获取验证码。`;
    case 'none':
      return '请先获取验证码。';
    case 'expired':
      return '验证码已过期，请重新获取。';
  }
}
