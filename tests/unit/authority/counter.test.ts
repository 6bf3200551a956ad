import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { counterReceipt, startCounterFiling, submitCounterFiling } from '@/lib/dal/counter';
import { addDocument } from '@/lib/dal/documents';
import { getDraft, saveEpisode, saveStep } from '@/lib/dal/drafts';
import { toSessionUser, type SessionUser } from '@/lib/dal/users';
import { idNumberCheckChar } from '@/lib/personal/id-number';
import { q, schema } from '@/lib/store/db';

let seq = 0;
function idNumber(n: number): string {
  const first = `32020219400101${String(n).padStart(3, '0')}`;
  return first + idNumberCheckChar(first);
}
async function staff(role: 'clerk' | 'reviewer'): Promise<SessionUser> {
  seq += 1;
  const [row] = await q((db) => db.insert(schema.users).values({ role, username: `${role}${seq}`, displayName: role, region: 'wuxi' }).returning());
  return toSessionUser(row!);
}
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));

describe('窗口代录', () => {
  it('a clerk files for a man with no phone: same steps, the scanned pledge, a reference, the receipt', async () => {
    const clerk = await staff('clerk');
    const id = idNumber(1);
    const started = await startCounterFiling(clerk, { name: '刘老汉', idNumber: id, phone: null });
    if (!started.ok) throw new Error(started.message);
    const d = started.id;
    await saveStep(clerk, d, 'applicant', { values: { name: '刘老汉', idNumber: id, phone: '', noPhone: 'yes', hukouLocal: 'yes', insuredLocal: 'yes' }, complete: true });
    await saveStep(clerk, d, 'identity', { values: { categories: ['dibao'] }, complete: true });
    await saveStep(clerk, d, 'bank', { values: { bankName: '工商银行', accountName: '刘老汉', account: '6222020000001234567' }, complete: true });
    await saveEpisode(clerk, d, -1, {
      complete: true,
      values: { hospitalName: '无锡市人民医院', kind: 'inpatient', date: '2026-03-02', endDate: '2026-03-10', hospitalLevel: '3', location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: '50000', policyYuan: '40000', basicPaidYuan: '25000', criticalPaidYuan: '5000' },
    });
    // Without the signed pledge it is refused.
    expect(await submitCounterFiling(clerk, d)).toMatchObject({ ok: false, fieldErrors: { pledge: expect.any(String) } });
    expect((await addDocument(clerk, d, { name: '承诺书.png', bytes: PNG }, { kind: 'pledge' })).ok).toBe(true);
    expect((await getDraft(clerk, d))?.forName).toBe('刘老汉');
    // Another clerk cannot see or submit it.
    const other = await staff('clerk');
    expect(await getDraft(other, d)).toBeNull();
    expect((await submitCounterFiling(other, d)).ok).toBe(false);
    const r = await submitCounterFiling(clerk, d);
    expect(r).toMatchObject({ ok: true, ref: expect.stringMatching(/^WX-\d{4}-\d{6}$/) });
    if (!r.ok) return;
    const [app] = await q((db) => db.select().from(schema.applications).where(eq(schema.applications.ref, r.ref)));
    expect(app).toMatchObject({ status: 'submitted', filedByUserId: clerk.id });
    // 001 四(六): (40,000 − 25,000 − 5,000) 元 × 85% = 8,500 元 = 850,000 分 (no parameters needed for 低保 here).
    expect(app!.estimatedFen).toBe(850000);
    expect(await counterReceipt(clerk, r.ref)).toMatchObject({ ref: r.ref, name: '刘*汉' });
    expect(await counterReceipt(other, r.ref)).toBeNull();
    // Nobody had an account: no inbox rows; the audit names the clerk.
    expect(await q((db) => db.select().from(schema.notifications).where(eq(schema.notifications.applicationId, app!.id)))).toHaveLength(0);
    const audit = await q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, app!.id)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['counter.start', 'counter.save', 'counter.view', 'application.submit', 'counter.receipt']));
  });

  it('refuses a name that does not match the person on file for that 身份证号, and residents', async () => {
    const clerk = await staff('clerk');
    const id = idNumber(2);
    const first = await startCounterFiling(clerk, { name: '马大姐', idNumber: id, phone: '13912345678' });
    expect(first.ok).toBe(true);
    expect(await startCounterFiling(clerk, { name: '马二姐', idNumber: id, phone: null })).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
    const reviewer = await staff('reviewer');
    expect((await startCounterFiling(reviewer, { name: '马大姐', idNumber: id, phone: null })).ok).toBe(false);
  });
});
