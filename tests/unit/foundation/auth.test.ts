import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { q, schema } from '@/lib/store/db';
import { resolveSession, revokeAllSessions, STAFF_LOGIN_REFUSED, toSessionUser, verifyStaffLogin } from '@/lib/dal/users';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { accessDecision } from '@/lib/auth/roles';

const fresh = () => ({ issuedAt: Date.now(), lastSeen: Date.now() });

async function staff(username: string, role: 'clerk' | 'reviewer' | 'admin' | 'auditor' = 'clerk', disabled = false) {
  const passwordHash = await hashPassword('correct horse');
  const [row] = await q((db) => db.insert(schema.users).values({ username, role, displayName: username, region: 'wuxi', passwordHash, disabled }).returning());
  return row!;
}

describe('工作人员密码', () => {
  it('密码以 argon2id 哈希保存，能验证正确密码、拒绝错误密码', async () => {
    const h = await hashPassword('s3cret-pass');
    expect(h).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(h, 's3cret-pass')).toBe(true);
    expect(await verifyPassword(h, 's3cret-Pass')).toBe(false);
    expect(await verifyPassword(null, 'anything')).toBe(false);
  });

  it('用户名或密码错误时给出同一句提示，不暴露账号是否存在', async () => {
    await staff('clerk.a');
    const wrongPw = await verifyStaffLogin('clerk.a', 'nope');
    const noUser = await verifyStaffLogin('nobody', 'nope');
    expect(wrongPw).toEqual({ ok: false, code: 'invalid', message: STAFF_LOGIN_REFUSED });
    expect(noUser).toEqual(wrongPw);
    expect((await verifyStaffLogin('clerk.a', 'correct horse')).ok).toBe(true);
  });

  it('连续输错 5 次密码后账号暂时锁定；锁定的账号和不存在的账号回答一样（锁定记入审计）', async () => {
    const u = await staff('clerk.b');
    const now = new Date('2026-03-01T00:00:00Z');
    for (let i = 0; i < 5; i++) await verifyStaffLogin('clerk.b', 'bad', now);
    const r = await verifyStaffLogin('clerk.b', 'correct horse', now);
    expect(r).toEqual(await verifyStaffLogin('nobody-at-all', 'correct horse', now));
    expect(r).toEqual({ ok: false, code: 'invalid', message: STAFF_LOGIN_REFUSED });
    const audit = (await q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, u.id)))).map((a) => a.action);
    // 5 failures (the 5th sets the lock) then the refused attempt on the locked account.
    expect(audit).toEqual([...Array(5).fill('staff.login_failed'), 'staff.login_locked']);
    expect((await verifyStaffLogin('clerk.b', 'correct horse', new Date(now.getTime() + 16 * 60_000))).ok).toBe(true);
  });

  it('停用的账号不能登录', async () => {
    await staff('clerk.c', 'clerk', true);
    expect(await verifyStaffLogin('clerk.c', 'correct horse')).toMatchObject({ ok: false, message: expect.stringContaining('停用') });
    // A wrong password on a disabled account says nothing about the account.
    expect(await verifyStaffLogin('clerk.c', 'wrong')).toEqual({ ok: false, code: 'invalid', message: STAFF_LOGIN_REFUSED });
  });

  it('每次登录都写入审计日志', async () => {
    const u = await staff('clerk.d');
    await verifyStaffLogin('clerk.d', 'bad');
    await verifyStaffLogin('clerk.d', 'correct horse');
    const actions = (await q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, u.id)))).map((r) => r.action);
    expect(actions).toEqual(['staff.login_failed', 'staff.login']);
  });
});

describe('requireUser 的拒绝规则', () => {
  it('没有登录的人被要求登录', () => {
    expect(accessDecision(null)).toBe('sign_in');
    expect(accessDecision(null, ['clerk'])).toBe('sign_in');
  });

  it('居民访问工作人员页面被拒绝', async () => {
    const resident = (await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: 'r' }).returning()))[0];
    expect(accessDecision(toSessionUser(resident!), ['clerk', 'reviewer', 'admin', 'auditor'])).toBe('forbidden');
    expect(accessDecision(toSessionUser(resident!), ['resident'])).toBe('ok');
  });

  it('审计员不能进入只给受理员的操作', async () => {
    const a = await staff('auditor.a', 'auditor');
    expect(accessDecision(toSessionUser(a), ['clerk'])).toBe('forbidden');
  });

  it('被停用或会话被撤销的用户，旧的登录凭证失效', async () => {
    const u = await staff('clerk.e');
    expect((await resolveSession({ sub: u.id, sv: 1, ...fresh() })).ok).toBe(true);
    await revokeAllSessions(toSessionUser(u), u.id);
    expect(await resolveSession({ sub: u.id, sv: 1, ...fresh() })).toEqual({ ok: false, reason: 'revoked' });
    expect((await resolveSession({ sub: u.id, sv: 2, ...fresh() })).ok).toBe(true);
    (await q((db) => db.update(schema.users).set({ disabled: true }).where(eq(schema.users.id, u.id))));
    expect(await resolveSession({ sub: u.id, sv: 2, ...fresh() })).toEqual({ ok: false, reason: 'disabled' });
  });

  it('不存在的用户或没有凭证视为未登录', async () => {
    expect(await resolveSession(null)).toEqual({ ok: false, reason: 'anonymous' });
    expect(await resolveSession({ sub: 'no-such-user', sv: 1, ...fresh() })).toEqual({ ok: false, reason: 'anonymous' });
  });
});
