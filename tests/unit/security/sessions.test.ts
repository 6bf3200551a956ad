// Sign-out, disabling and a password change end every session of the user; idle and absolute limits.
import '../helpers/test-db';
import { describe, expect, it } from 'vitest';
import { q, schema } from '@/lib/store/db';
import { resolveSession, sessionClaimsOf, setUserDisabled, signOutEverywhere, toSessionUser } from '@/lib/dal/users';
import { changeStaffPassword } from '@/lib/dal/staff-account';
import { hashPassword } from '@/lib/auth/password';
import { refreshedLastSeen, sessionExpiry } from '@/lib/auth/session-lifetime';

const MIN = 60_000;
const t0 = Date.parse('2026-03-01T08:00:00Z');

async function user(role: 'resident' | 'clerk' | 'admin', username?: string) {
  const passwordHash = role === 'resident' ? null : await hashPassword('old-password-long-enough');
  const [row] = await q((db) => db.insert(schema.users).values({ role, username, displayName: username ?? 'r', region: 'wuxi', passwordHash }).returning());
  return row!;
}

describe('退出登录和撤销', () => {
  it('退出登录后，复制下来的旧凭证不能再用', async () => {
    const r = await user('resident');
    const token = { sub: r.id, sv: (await sessionClaimsOf(r.id)).sv, issuedAt: t0, lastSeen: t0 };
    expect((await resolveSession(token, t0 + MIN)).ok).toBe(true);
    await signOutEverywhere(toSessionUser(r));
    expect(await resolveSession(token, t0 + MIN)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('管理员停用账号后，该账号所有会话立即失效', async () => {
    const admin = await user('admin', 'adm.s');
    const clerk = await user('clerk', 'clerk.s');
    const token = { sub: clerk.id, sv: clerk.sessionVersion, issuedAt: t0, lastSeen: t0 };
    expect(await setUserDisabled(toSessionUser(clerk), admin.id, true)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await setUserDisabled(toSessionUser(admin), clerk.id, true)).toEqual({ ok: true });
    expect((await resolveSession(token, t0 + MIN)).ok).toBe(false);
    // Re-enabling does not bring the old token back: the version moved on twice.
    await setUserDisabled(toSessionUser(admin), clerk.id, false);
    expect(await resolveSession(token, t0 + MIN)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('修改密码后旧会话失效，新密码要符合要求', async () => {
    const clerk = await user('clerk', 'clerk.pw');
    const token = { sub: clerk.id, sv: clerk.sessionVersion, issuedAt: t0, lastSeen: t0 };
    const me = toSessionUser(clerk);
    expect(await changeStaffPassword(me, 'wrong-current-pass', 'river-horse-staple-7')).toMatchObject({ ok: false, fieldErrors: { current: expect.any(String) } });
    expect(await changeStaffPassword(me, 'old-password-long-enough', 'short')).toMatchObject({ ok: false, fieldErrors: { next: expect.stringContaining('12') } });
    expect(await changeStaffPassword(me, 'old-password-long-enough', 'password2026!')).toMatchObject({ ok: false, fieldErrors: { next: expect.stringContaining('常见') } });
    expect((await resolveSession(token, t0 + MIN)).ok).toBe(true); // refusals change nothing
    expect(await changeStaffPassword(me, 'old-password-long-enough', 'river-horse-staple-7')).toEqual({ ok: true });
    expect(await resolveSession(token, t0 + MIN)).toEqual({ ok: false, reason: 'revoked' });
  });
});

describe('会话时长', () => {
  it('工作人员闲置 30 分钟、居民闲置 2 小时后失效', async () => {
    const clerk = await user('clerk', 'clerk.idle');
    const resident = await user('resident');
    const staffToken = { sub: clerk.id, sv: clerk.sessionVersion, issuedAt: t0, lastSeen: t0 };
    const residentToken = { sub: resident.id, sv: resident.sessionVersion, issuedAt: t0, lastSeen: t0 };
    expect((await resolveSession(staffToken, t0 + 29 * MIN)).ok).toBe(true);
    expect(await resolveSession(staffToken, t0 + 30 * MIN)).toEqual({ ok: false, reason: 'idle' });
    expect((await resolveSession(residentToken, t0 + 119 * MIN)).ok).toBe(true);
    expect(await resolveSession(residentToken, t0 + 120 * MIN)).toEqual({ ok: false, reason: 'idle' });
  });

  it('一直在用也最多 12 小时', async () => {
    const resident = await user('resident');
    // Seen a minute ago, but signed in 12 hours ago.
    const token = { sub: resident.id, sv: resident.sessionVersion, issuedAt: t0, lastSeen: t0 + 12 * 60 * MIN - MIN };
    expect((await resolveSession(token, t0 + 12 * 60 * MIN - 2 * MIN)).ok).toBe(true);
    expect(await resolveSession(token, t0 + 12 * 60 * MIN)).toEqual({ ok: false, reason: 'absolute' });
  });

  it('没有时间信息的旧凭证视为过期；最后活动时间最多每分钟更新一次', () => {
    expect(sessionExpiry({}, 'resident', t0)).toBe('absolute');
    expect(refreshedLastSeen(t0, t0 + 59_999)).toBe(t0);
    expect(refreshedLastSeen(t0, t0 + 60_000)).toBe(t0 + 60_000);
  });
});
