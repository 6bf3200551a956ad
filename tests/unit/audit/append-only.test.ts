import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { writeAudit } from '@/lib/dal/audit';
import { q, rawRows, schema, sql, transaction } from '@/lib/store/db';

/** The trigger's message, on SQLite the error itself, on PostgreSQL drizzle's "Failed query" wrapping it as `cause`. */
const appendOnly = (e: unknown) => /append-only/.test(`${(e as Error).message} ${((e as Error).cause as Error | undefined)?.message ?? ''}`);

// The database itself refuses to change or remove an audit row (migrations *_audit_append_only), so neither a
// bug in lib/ nor a hand-typed statement can rewrite history; the refusal also rolls back the whole transaction.
describe('审计日志只能追加', () => {
  it('更新和删除审计记录都被数据库拒绝，记录原样保留', async () => {
    await writeAudit({ actorUserId: null, actorRole: 'clerk', action: 'test.append', entity: 'test', entityId: 'a1', summary: { n: 1 } });
    const [row] = await q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, 'a1')));
    expect(row).toBeDefined();
    await expect(q((db) => db.update(schema.auditLog).set({ action: 'forged' }).where(eq(schema.auditLog.id, row!.id)))).rejects.toSatisfy(appendOnly);
    await expect(q((db) => db.delete(schema.auditLog).where(eq(schema.auditLog.id, row!.id)))).rejects.toSatisfy(appendOnly);
    await expect(rawRows(sql`delete from audit_log returning id`)).rejects.toSatisfy(appendOnly);
    const after = await q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, 'a1')));
    expect(after).toEqual([row]);
  });

  it('事务里改审计记录失败时，同一事务的其他写入一并撤销', async () => {
    await expect(
      transaction(async (db) => {
        await writeAudit({ actorUserId: null, actorRole: 'clerk', action: 'test.tx', entity: 'test', entityId: 'tx1' });
        await db.update(schema.auditLog).set({ ip: '1.2.3.4' }).where(eq(schema.auditLog.entityId, 'tx1'));
      }),
    ).rejects.toSatisfy(appendOnly);
    expect(await q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, 'tx1')))).toEqual([]);
  });
});
