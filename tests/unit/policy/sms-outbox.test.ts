import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encrypt } from '@/lib/personal/crypto';
import { awardPersonYear, startSettlementImport } from '@/lib/dal/settlements';
import { sendOutbox } from '@/lib/dal/sms-outbox';
import { HANDLERS } from '@/lib/jobs/handlers';
import { runNext } from '@/lib/jobs/runner';
import { q, schema, transaction } from '@/lib/store/db';
import { csvOf, idNumber, person, staff } from './fixtures';

const NOW = new Date('2026-07-10T02:00:00Z');
// The demo SMS sender writes a JSON log line to stdout (lib/sms.ts → lib/observe/log.ts).
const texted = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.filter((c) => String(c[0]).includes('"msg":"[demo-sms]'));

afterEach(() => vi.restoreAllMocks());

describe('直接办理的短信在整批提交之后才发出（写入待发短信，由工作进程发送）', () => {
  it('导入时不发短信，只写待发短信；工作进程发出一次，再运行不会重发', async () => {
    const spy = vi.spyOn(process.stdout, 'write');
    const clerk = await staff('clerk');
    const id = idNumber(901);
    const { user } = await person(id, { category: 'dibao', account: true });
    await q((db) => db.update(schema.users).set({ phoneEnc: encrypt('13700009901') }).where(eq(schema.users.id, user!.id)));
    const r = await startSettlementImport(clerk, { text: csvOf([{ no: 'JS-S1', id, date: '2026-03-01', total: 1_200_000, policy: 1_000_000, basic: 600_000 }]), fileName: 'a.csv', from: '2026-01-01', to: '2026-06-30', goodOnly: false }, { now: NOW });
    expect(r.ok).toBe(true);
    await runNext('w', HANDLERS);
    expect(texted(spy)).toHaveLength(0);
    const queued = await q((db) => db.select().from(schema.smsOutbox));
    expect(queued.map((o) => o.status)).toEqual(['pending']);
    expect(queued[0]!.text).toContain('已为您直接办理医疗救助');
    expect(queued[0]!.phoneEnc).not.toContain('13700009901');

    expect(await sendOutbox()).toEqual({ sent: 1, failed: 0 });
    expect(texted(spy)).toHaveLength(1);
    expect(await sendOutbox()).toEqual({ sent: 0, failed: 0 });
    expect(texted(spy)).toHaveLength(1);
  });

  it('整批回滚时，待发短信也一起回滚，不会发出', async () => {
    const clerk = await staff('clerk');
    const id = idNumber(902);
    const { personId, user } = await person(id, { category: 'dibao', account: true });
    await q((db) => db.update(schema.users).set({ phoneEnc: encrypt('13700009902') }).where(eq(schema.users.id, user!.id)));
    // The settlement stored, no case yet (as after step 2 of an import).
    const r = await startSettlementImport(clerk, { text: csvOf([{ no: 'JS-S2', id, date: '2026-03-01', total: 1_200_000, policy: 1_000_000, basic: 600_000, referred: '' }]), fileName: 'b.csv', from: '2026-01-01', to: '2026-06-30', goodOnly: false }, { now: NOW });
    expect(r.ok).toBe(true);
    await runNext('w', HANDLERS);
    await q((db) => db.update(schema.settlements).set({ holdReason: null }).where(eq(schema.settlements.settlementNo, 'JS-S2')));
    const before = (await q((db) => db.select().from(schema.smsOutbox))).length;
    await expect(
      transaction(async () => {
        expect(await awardPersonYear(clerk, 'wuxi', personId, 2026, 'test-rollback')).toMatchObject({ ok: true });
        expect((await q((db) => db.select().from(schema.smsOutbox))).length).toBe(before + 1);
        throw new Error('batch fails later');
      }),
    ).rejects.toThrow('batch fails later');
    expect((await q((db) => db.select().from(schema.smsOutbox))).length).toBe(before);
    expect(await q((db) => db.select().from(schema.applications).where(eq(schema.applications.personId, personId)))).toHaveLength(0);
  });
});
