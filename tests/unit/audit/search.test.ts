import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { lookupHash } from '@/lib/personal/crypto';
import { writeAudit } from '@/lib/dal/audit';
import { exportAudit, personIdByIdNumber, searchAudit } from '@/lib/dal/audit-search';
import { sealName } from '@/lib/personal/records';
import { q, schema } from '@/lib/store/db';
import { caseFor, staffUser } from '../ledger/fixtures';

describe('审计日志查询', () => {
  it('按身份证号（经 HMAC）、工作人员、操作和日期筛选，只看本地区，导出本身也记入日志', async () => {
    const auditor = await staffUser('auditor');
    const clerk = await staffUser('clerk');
    const other = await staffUser('clerk', 'shanghai');
    const [p] = await q((db) => db.insert(schema.persons).values({ ...sealName('审计甲'), idNumberHmac: lookupHash('id:32020219800101002X') }).returning());
    const mine = await caseFor(p!.id);
    const elsewhere = await caseFor(p!.id, { region: 'shanghai' });
    await writeAudit({ actorUserId: clerk.id, actorRole: 'clerk', action: 'application.accept', entity: 'application', entityId: mine.id });
    await writeAudit({ actorUserId: clerk.id, actorRole: 'clerk', action: 'staff.login', entity: 'user', entityId: clerk.id });
    await writeAudit({ actorUserId: other.id, actorRole: 'clerk', action: 'application.accept', entity: 'application', entityId: elsewhere.id });

    expect(await personIdByIdNumber(auditor, '32020219800101002x')).toBe(p!.id);
    const byPerson = await searchAudit(auditor, { personId: p!.id });
    // Only the Wuxi case's row: the Shanghai one is another region's.
    expect(byPerson.ok && byPerson.rows.map((r) => [r.action, r.ref])).toEqual([['application.accept', mine.ref]]);
    const byUser = await searchAudit(auditor, { userId: clerk.id });
    expect(byUser.ok && byUser.rows.map((r) => r.action)).toEqual(['staff.login', 'application.accept']);
    const byAction = await searchAudit(auditor, { userId: clerk.id, action: 'staff.login' });
    expect(byAction.ok && byAction.total).toBe(1);
    const future = await searchAudit(auditor, { from: '2999-01-01' });
    expect(future.ok && future.total).toBe(0);
    expect(await searchAudit(clerk, {})).toMatchObject({ ok: false, code: 'forbidden' });

    const exported = await exportAudit(auditor, { userId: clerk.id });
    expect(exported.ok && exported.count).toBe(2);
    const [row] = await q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'audit.export')));
    expect(row).toMatchObject({ actorUserId: auditor.id, summary: { count: 2, filters: { userId: clerk.id } } });
  });
});
