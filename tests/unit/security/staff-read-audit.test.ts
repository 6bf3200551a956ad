// Found by the authorization matrix (tests/e2e/authz-matrix.spec.ts): staff of the region may open the applicant's
// page /applications/[ref] (name, stays, documents), and until now that read left no audit row, while the case
// page, the decision and every download write one. applicationDetail now writes 'application.view' for staff.
import '../helpers/test-db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { q, schema } from '@/lib/store/db';
import { perform } from '@/lib/workflow';
import { lookupHash } from '@/lib/personal/crypto';
import { applicationDetail } from '@/lib/dal/applications';
import { createDraft, saveEpisode, saveStep } from '@/lib/dal/drafts';
import { toSessionUser, type SessionUser } from '@/lib/dal/users';
import { idNumberCheckChar } from '@/lib/personal/id-number';

async function user(values: Partial<typeof schema.users.$inferInsert> & { role: 'resident' | 'clerk' | 'auditor'; displayName: string }): Promise<SessionUser> {
  const [row] = await q((db) => db.insert(schema.users).values(values).returning());
  return toSessionUser(row!);
}

async function submitted(u: SessionUser): Promise<{ ref: string; id: string }> {
  const created = await createDraft(u, { region: 'wuxi' });
  if (!created.ok) throw new Error(created.message);
  const first = '32020219800101777';
  await saveStep(u, created.id, 'applicant', { values: { name: '审计人', idNumber: first + idNumberCheckChar(first), phone: '13700007777', hukouLocal: 'yes', insuredLocal: 'yes' }, complete: true });
  await saveStep(u, created.id, 'identity', { values: { categories: ['dibao'] }, complete: true });
  await saveStep(u, created.id, 'bank', { values: { bankName: '工商银行', accountName: '审计人', account: '6222020000001234567' }, complete: true });
  await saveStep(u, created.id, 'declaration', { values: { truthful: 'yes', consentVerify: 'yes', consentHealth: 'yes' }, complete: true });
  await saveEpisode(u, created.id, -1, {
    complete: true,
    values: { hospitalName: '无锡市人民医院', kind: 'inpatient', date: '2026-03-02', endDate: '2026-03-10', hospitalLevel: '3', location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: '50000', policyYuan: '40000', basicPaidYuan: '25000', criticalPaidYuan: '5000' },
  });
  const r = await perform(u, created.id, 'submit');
  if (!r.ok) throw new Error(r.message);
  return { ref: r.ref, id: created.id };
}

describe('申请人页面的工作人员查看写审计', () => {
  it('本地区工作人员打开申请人页面写一条 application.view（带地址）；申请人自己看不写；外地区看不到也不写', async () => {
    const owner = await user({ role: 'resident', displayName: '申请人', phoneHmac: lookupHash('phone:13700007777') });
    const clerk = await user({ role: 'clerk', username: 'audit-read-clerk', displayName: '受理员', region: 'wuxi' });
    const auditor = await user({ role: 'auditor', username: 'audit-read-auditor', displayName: '审计员', region: 'wuxi' });
    const outsider = await user({ role: 'clerk', username: 'audit-read-sh', displayName: '上海受理员', region: 'shanghai' });
    const { ref, id } = await submitted(owner);
    const views = () => q((db) => db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entityId, id), eq(schema.auditLog.action, 'application.view'))));

    expect(await applicationDetail(owner, ref)).not.toBeNull();
    expect(await views()).toHaveLength(0);

    expect(await applicationDetail(clerk, ref, '203.0.113.7')).not.toBeNull();
    expect(await applicationDetail(auditor, ref, '203.0.113.8')).not.toBeNull();
    const rows = await views();
    // Two staff reads, two rows: who, from where, which page.
    expect(rows.map((r) => [r.actorUserId, r.actorRole, r.ip])).toEqual([
      [clerk.id, 'clerk', '203.0.113.7'],
      [auditor.id, 'auditor', '203.0.113.8'],
    ]);
    expect(rows[0]!.summary).toEqual({ ref, view: 'applicant_page' });

    expect(await applicationDetail(outsider, ref, '203.0.113.9')).toBeNull();
    expect(await views()).toHaveLength(2);
  });
});
