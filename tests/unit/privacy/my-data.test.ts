import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDraft } from '@/lib/dal/drafts';
import { closeAccount, correctionQueue, decideCorrection, exportMyData, giveSensitiveConsent, hasSensitiveConsent, requestCorrection, setSmsConsent, smsWithdrawn } from '@/lib/dal/my-data';
import { runRetention } from '@/lib/dal/retention';
import { enqueue } from '@/lib/jobs/queue';
import { q, schema } from '@/lib/store/db';
import { idNumber, person, staff } from '../policy/fixtures';

describe('我的数据', () => {
  it('同意只对当前版本的告知有效；撤回短信同意后不再发短信', async () => {
    const { user } = await person(idNumber(901), { account: true });
    expect(await hasSensitiveConsent(user!)).toBe(false);
    await giveSensitiveConsent(user!);
    expect(await hasSensitiveConsent(user!)).toBe(true);
    // A consent given under an older notice version does not count.
    await q((db) => db.update(schema.consents).set({ noticeVersion: '2000-01-01' }).where(eq(schema.consents.userId, user!.id)));
    expect(await hasSensitiveConsent(user!)).toBe(false);
    expect(await smsWithdrawn(user!.id)).toBe(false);
    await setSmsConsent(user!, false);
    expect(await smsWithdrawn(user!.id)).toBe(true);
    await setSmsConsent(user!, true);
    expect(await smsWithdrawn(user!.id)).toBe(false);
  });

  it('更正申请到本地区受理员的队列，答复后居民收到通知；别的地区看不到', async () => {
    const { user } = await person(idNumber(902), { account: true });
    const r = await requestCorrection(user!, { ref: null, detail: '出院日期应为 3 月 10 日' });
    expect(r.ok).toBe(true);
    const clerk = await staff('clerk', 'wuxi');
    const other = await staff('clerk', 'shanghai');
    const mine = (await correctionQueue(clerk)).find((x) => x.ref === (r.ok ? r.ref : ''));
    expect(mine?.detail).toBe('出院日期应为 3 月 10 日');
    expect((await correctionQueue(other)).some((x) => x.ref === (r.ok ? r.ref : ''))).toBe(false);
    expect((await decideCorrection(other, mine!.id, { decision: 'done', answer: '已改' })).ok).toBe(false);
    expect((await decideCorrection(clerk, mine!.id, { decision: 'done', answer: '已改为 3 月 10 日' })).ok).toBe(true);
    const notes = await q((db) => db.select().from(schema.notifications).where(eq(schema.notifications.userId, user!.id)));
    expect(notes.map((n) => n.title)).toContain('信息已更正');
  });

  it('注销账号：草稿删除，委托终止，账号停用；下载里有草稿', async () => {
    const { user } = await person(idNumber(903), { account: true });
    const d = await createDraft(user!, { region: 'wuxi' });
    expect(d.ok).toBe(true);
    const data = await exportMyData(user!, 'json');
    expect(data!.applications.map((a) => a.status)).toEqual(['draft']);
    const closed = await closeAccount(user!);
    expect(closed.ok).toBe(true);
    const [row] = await q((db) => db.select().from(schema.users).where(eq(schema.users.id, user!.id)));
    expect(row).toMatchObject({ disabled: true, phoneHmac: null });
    expect(await q((db) => db.select().from(schema.applications).where(eq(schema.applications.filedByUserId, user!.id)))).toHaveLength(0);
  });

  it('保存期限任务：180 天前的草稿删除、新草稿保留；再运行一次什么也不删', async () => {
    const { user } = await person(idNumber(904), { account: true });
    const old = await createDraft(user!, { region: 'wuxi' });
    const fresh = await createDraft(user!, { region: 'wuxi' });
    if (!old.ok || !fresh.ok) throw new Error('draft');
    // 181 days before now: past the 180-day period.
    await q((db) => db.update(schema.applications).set({ updatedAt: new Date(Date.now() - 181 * 86_400_000).toISOString() }).where(eq(schema.applications.id, old.id)));
    const job = await enqueue({ kind: 'retention', region: 'wuxi', title: 't' });
    const ctx = { job, workerId: 'w', progress: async () => {} };
    const first = await runRetention(ctx);
    expect(first.drafts).toBeGreaterThanOrEqual(1);
    const left = (await q((db) => db.select({ id: schema.applications.id }).from(schema.applications))).map((a) => a.id);
    expect(left).not.toContain(old.id);
    expect(left).toContain(fresh.id);
    const second = await runRetention(ctx);
    expect(second.drafts).toBe(0);
    expect(second.retentionYears).toBe(30);
  });
});
