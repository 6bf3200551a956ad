// A verb is one file: a throw-away verb (./fixtures/stamp-verb.ts), added to the verb list and nowhere else, shows up
// on the staff case page (form, four eyes), in the case action's reading of the form, in the audit log's labels and
// in both timelines, and runs through perform() like any other.
import '../helpers/test-db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/workflow/verbs', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/workflow/verbs')>();
  const { stamp } = await import('./fixtures/stamp-verb');
  return { ...real, VERBS: { ...real.VERBS, stamp } };
});

import { lookupHash } from '@/lib/personal/crypto';
import { ACTION_LABELS } from '@/lib/dal/audit-search';
import { createDraft, saveEpisode, saveStep } from '@/lib/dal/drafts';
import { staffCaseDetail } from '@/lib/dal/staff-case';
import { toSessionUser, type SessionUser } from '@/lib/dal/users';
import { idNumberCheckChar } from '@/lib/personal/id-number';
import { q, schema } from '@/lib/store/db';
import { eventLabel, perform, readStaffForm, staffVerbNames, verbLabel, type TransitionName } from '@/lib/workflow';

let seq = 0;
async function user(role: 'resident' | 'clerk' | 'reviewer'): Promise<SessionUser> {
  seq += 1;
  const values = role === 'resident'
    ? { role, displayName: `居民${seq}`, phoneHmac: lookupHash(`phone:1370000${String(seq).padStart(4, '0')}`) }
    : { role, username: `verb-${role}${seq}`, displayName: `${role}${seq}`, region: 'wuxi' };
  const [row] = await q((db) => db.insert(schema.users).values(values).returning());
  return toSessionUser(row!);
}

/** A submitted Wuxi 低保 application with one stay (the amounts do not matter here). */
async function submitted(): Promise<string> {
  const u = await user('resident');
  const created = await createDraft(u, { region: 'wuxi' });
  if (!created.ok) throw new Error(created.message);
  const first = `32020219710101${String(seq).padStart(3, '0')}`;
  await saveStep(u, created.id, 'applicant', { values: { name: '周一文', idNumber: first + idNumberCheckChar(first), phone: '13812341234', hukouLocal: 'yes', insuredLocal: 'yes' }, complete: true });
  await saveStep(u, created.id, 'identity', { values: { categories: ['dibao'] }, complete: true });
  await saveStep(u, created.id, 'bank', { values: { bankName: '工商银行', accountName: '周一文', account: '6222020000001234567' }, complete: true });
  await saveStep(u, created.id, 'declaration', { values: { truthful: 'yes', consentVerify: 'yes', consentHealth: 'yes' }, complete: true });
  await saveEpisode(u, created.id, -1, {
    complete: true,
    values: { hospitalName: '无锡市人民医院', kind: 'inpatient', date: '2026-03-02', endDate: '2026-03-10', hospitalLevel: '3', location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: '50000', policyYuan: '40000', basicPaidYuan: '25000', criticalPaidYuan: '5000' },
  });
  const r = await perform(u, created.id, 'submit', {});
  if (!r.ok) throw new Error(r.message);
  return r.ref;
}

let acceptor: SessionUser;
let other: SessionUser;
let reviewer: SessionUser;
beforeAll(async () => {
  acceptor = await user('clerk');
  other = await user('clerk');
  reviewer = await user('reviewer');
});

describe('一个动作一个文件', () => {
  it('动作清单、审计日志和两边的办理记录都从这一个文件得到文字', () => {
    expect(staffVerbNames()).toContain('stamp');
    // Residents' verbs have no staff form, so they are not offered on the case page.
    expect(staffVerbNames()).not.toContain('submit');
    expect(verbLabel('stamp')).toBe('加盖测试章');
    expect(eventLabel('stamp')).toBe('已加盖测试章');
    expect(ACTION_LABELS['application.stamp']).toBe('加盖测试章');
    // One wording for a real verb too: the audit log says what the button says.
    expect(ACTION_LABELS['application.request_info']).toBe(verbLabel('request_info'));
    expect(readStaffForm('stamp', { note: '  已核  ', confirm: 'yes' })).toEqual({ input: { note: '  已核  ' } });
  });

  it('办理页按状态、岗位和四眼原则给出它；受理人看到不能办的原因而不是按钮；办完写进办理记录和审计日志', async () => {
    const ref = await submitted();
    const before = await staffCaseDetail(other, ref);
    expect(before!.actions.forms.map((f) => f.verb)).not.toContain('stamp'); // submitted: not a state it moves from

    expect(await perform(acceptor, ref, 'accept', {})).toMatchObject({ ok: true, status: 'accepted' });
    const mine = await staffCaseDetail(acceptor, ref);
    expect(mine!.actions.forms.map((f) => f.verb)).not.toContain('stamp');
    expect(mine!.actions.barred).toContainEqual({ verb: 'stamp', label: '加盖测试章', message: '这份申请是您受理的，测试章须由另一位受理员加盖。' });
    expect(await perform(acceptor, ref, 'stamp' as TransitionName, { note: '甲' })).toMatchObject({ ok: false, message: '这份申请是您受理的，测试章须由另一位受理员加盖。' });

    const theirs = await staffCaseDetail(other, ref);
    expect(theirs!.actions.forms.find((f) => f.verb === 'stamp')).toEqual({
      verb: 'stamp', label: '加盖测试章', confirm: '确认加盖测试章', danger: false, fields: [{ kind: 'text', name: 'note', label: '章上的字' }],
    });
    // A reviewer's role is not in the verb's `by`: no form, no barred line.
    const rev = await staffCaseDetail(reviewer, ref);
    expect(rev!.actions.forms.map((f) => f.verb)).not.toContain('stamp');
    expect(rev!.actions.barred.map((b) => b.verb)).not.toContain('stamp');

    expect(await perform(other, ref, 'stamp' as TransitionName, { note: '' })).toMatchObject({ ok: false, fieldErrors: { note: '请写章上的字' } });
    expect(await perform(other, ref, 'stamp' as TransitionName, { note: '甲' })).toMatchObject({ ok: true, status: 'accepted' });
    const [app] = await q((db) => db.select({ id: schema.applications.id }).from(schema.applications).where(eq(schema.applications.ref, ref)));
    const events = await q((db) => db.select().from(schema.events).where(and(eq(schema.events.applicationId, app!.id), eq(schema.events.type, 'stamp'))));
    expect(events.map((e) => [e.message, e.actorUserId])).toEqual([['甲', other.id]]);
    const audit = await q((db) => db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entityId, app!.id), eq(schema.auditLog.action, 'application.stamp'))));
    expect(audit).toHaveLength(1);
  });

  it('真实的动作也一样：受理了这份申请的审核员看不到“批准”“不予救助”的按钮，而是看到原因', async () => {
    const ref = await submitted();
    expect(await perform(reviewer, ref, 'accept', {})).toMatchObject({ ok: true });
    expect(await perform(reviewer, ref, 'start_review', {})).toMatchObject({ ok: true, status: 'in_review' });
    const d = await staffCaseDetail(reviewer, ref);
    // in_review, for a reviewer: request_info, transfer, approve, reject are open; four eyes bars the two decisions.
    expect(d!.actions.forms.map((f) => f.verb)).toEqual(['request_info', 'transfer']);
    expect(d!.actions.barred.map((b) => b.verb)).toEqual(['approve', 'reject']);
    expect(d!.actions.barred[0]!.message).toContain('四眼原则');
  });
});
