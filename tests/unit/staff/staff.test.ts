import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { q, schema } from '@/lib/store/db';
import { perform } from '@/lib/workflow';
import { lookupHash } from '@/lib/personal/crypto';
import { createDraft, saveEpisode, saveStep } from '@/lib/dal/drafts';
import { toSessionUser, type SessionUser } from '@/lib/dal/users';
import { revealField, staffCaseDetail } from '@/lib/dal/staff-case';
import { assignApplication, slaFor, staffQueue } from '@/lib/dal/staff-queue';
import { decisionNotice } from '@/lib/dal/decision';
import { decisionPdf } from '@/lib/pdf/decision';
import { subtractWorkingDays, workingDaysBetween } from '@/lib/format';
import { idNumberCheckChar } from '@/lib/personal/id-number';
import { VERBS, type TransitionName } from '@/lib/workflow/verbs';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@/db/schema';

let seq = 0;
async function resident(): Promise<SessionUser> {
  seq += 1;
  const [row] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: `居民${seq}`, phoneHmac: lookupHash(`phone:1390000${String(seq).padStart(4, '0')}`) }).returning());
  return toSessionUser(row!);
}
async function staffUser(role: 'clerk' | 'reviewer' | 'admin' | 'auditor', region = 'wuxi', district: string | null = null): Promise<SessionUser> {
  seq += 1;
  const [row] = await q((db) => db.insert(schema.users).values({ role, username: `s-${role}${seq}`, displayName: `${role}${seq}`, region, district }).returning());
  return toSessionUser(row!);
}
function idNumber(n: number): string {
  const first = `32020219700101${String(n).padStart(3, '0')}`;
  return first + idNumberCheckChar(first);
}

/** A submitted Wuxi application (低保, one stay: (40,000 − 25,000 − 5,000) 元 × 85% = 8,500 元 = 850,000 分). */
async function submitted(opts: { now?: Date; region?: 'wuxi' | 'shanghai' } = {}): Promise<{ ref: string; u: SessionUser; id: string; idNo: string }> {
  const u = await resident();
  const region = opts.region ?? 'wuxi';
  const created = await createDraft(u, { region });
  if (!created.ok) throw new Error(created.message);
  const idNo = idNumber(seq);
  await saveStep(u, created.id, 'applicant', { values: { name: '张三明', idNumber: idNo, phone: '13812341234', hukouLocal: 'yes', insuredLocal: 'yes' }, complete: true });
  await saveStep(u, created.id, 'identity', { values: { categories: [region === 'wuxi' ? 'dibao' : 'low_income'] }, complete: true });
  await saveStep(u, created.id, 'bank', { values: { bankName: '工商银行', accountName: '张三明', account: '6222020000001234567' }, complete: true });
  await saveStep(u, created.id, 'declaration', { values: { truthful: 'yes', consentVerify: 'yes', consentHealth: 'yes' }, complete: true });
  await saveEpisode(u, created.id, -1, {
    complete: true,
    values: { hospitalName: '无锡市人民医院', kind: 'inpatient', date: '2026-03-02', endDate: '2026-03-10', hospitalLevel: '3', location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: '50000', policyYuan: '40000', basicPaidYuan: '25000', criticalPaidYuan: '5000' },
  });
  const r = await perform(u, created.id, 'submit', {}, { now: opts.now });
  if (!r.ok) throw new Error(r.message);
  return { ref: r.ref, u, id: created.id, idNo };
}

let clerk: SessionUser;
let reviewer: SessionUser;
let reviewer2: SessionUser;
let admin: SessionUser;
let auditor: SessionUser;
let acceptor: SessionUser;
beforeAll(async () => {
  acceptor = await staffUser('clerk');
  clerk = await staffUser('clerk');
  reviewer = await staffUser('reviewer');
  reviewer2 = await staffUser('reviewer');
  admin = await staffUser('admin');
  auditor = await staffUser('auditor');
});

/** Inputs good enough for each verb (so a refusal is about the state or the role, never the input). */
const GOOD: Record<TransitionName, Record<string, unknown>> = {
  submit: {}, answer: { message: '已补充' }, withdraw: {},
  accept: {}, request_info: { message: '请补充清单' }, start_review: {}, transfer: { transferredTo: '江阴市医保局', message: '户籍在江阴' },
  approve: { amountFen: 850000 }, reject: { reasonCode: 'not_in_category' }, record_payment: { message: 'BATCH-1' }, record_payment_failure: { message: '账户已销户' }, direct_award: {},
  correct_amount: { amountFen: 800000, reason: '住院收据金额录错' },
};
const STAFF_VERBS: TransitionName[] = ['accept', 'request_info', 'start_review', 'transfer', 'approve', 'reject', 'record_payment', 'record_payment_failure', 'correct_amount'];

/** Drives a fresh application into `status` through the workflow (acceptor accepts, reviewer2 reviews and decides). */
async function inState(status: ApplicationStatus): Promise<string> {
  const { ref, u } = await submitted();
  const clerk = acceptor;
  const path: [SessionUser, TransitionName, Record<string, unknown>][] = {
    submitted: [], accepted: [[clerk, 'accept', {}]], in_review: [[clerk, 'accept', {}], [reviewer2, 'start_review', {}]],
    needs_info: [[clerk, 'accept', {}], [clerk, 'request_info', { message: '请补充' }]],
    approved: [[clerk, 'accept', {}], [reviewer2, 'start_review', {}], [reviewer2, 'approve', { amountFen: 850000 }]],
    paid: [[clerk, 'accept', {}], [reviewer2, 'start_review', {}], [reviewer2, 'approve', { amountFen: 850000 }], [clerk, 'record_payment', {}]],
    rejected: [[clerk, 'reject', { reasonCode: 'not_in_category' }]],
    withdrawn: [[u, 'withdraw', {}]],
    transferred: [[clerk, 'transfer', { transferredTo: '江阴', message: '转' }]],
    draft: [],
  }[status] as [SessionUser, TransitionName, Record<string, unknown>][];
  for (const [who, verb, input] of path) {
    const r = await perform(who, ref, verb, input);
    if (!r.ok) throw new Error(`${verb}: ${r.message}`);
  }
  return ref;
}

describe('每个状态下工作人员能做和不能做的事（全部经过 perform）', () => {
  const roles = ['clerk', 'reviewer', 'admin', 'auditor'] as const;
  for (const status of APPLICATION_STATUSES.filter((s) => s !== 'draft')) {
    it(`状态「${status}」`, async () => {
      const who = { clerk, reviewer, admin, auditor };
      for (const verb of STAFF_VERBS) {
        for (const role of roles) {
          const ref = await inState(status);
          const rule = VERBS[verb];
          const allowed = role !== 'auditor' && (rule.by as readonly string[]).includes(role) && (rule.from as readonly string[]).includes(status);
          // None of these four accepted it (`acceptor` did), so four eyes does not stand in the way here.
          const r = await perform(who[role], ref, verb, GOOD[verb]);
          if (allowed) expect(r, `${role} ${verb} from ${status}`).toMatchObject({ ok: true, status: rule.to });
          else {
            expect(r.ok, `${role} ${verb} from ${status}`).toBe(false);
            if (!r.ok) expect(r.message).toMatch(role === 'auditor' ? /审计员只能查看/ : /没有权限|不能/);
          }
        }
      }
    }, 120_000);
  }
});

describe('四眼原则', () => {
  it('受理人不能批准或不予救助自己受理的申请，另一位审核员可以', async () => {
    const { ref } = await submitted();
    expect(await perform(reviewer, ref, 'accept')).toMatchObject({ ok: true, status: 'accepted' });
    expect(await perform(reviewer, ref, 'start_review')).toMatchObject({ ok: true, status: 'in_review' });
    const refused = await perform(reviewer, ref, 'approve', { amountFen: 850000 });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringContaining('这份申请是您受理的') });
    expect(await perform(reviewer, ref, 'reject', { reasonCode: 'duplicate' })).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringContaining('四眼原则') });
    expect(await perform(reviewer2, ref, 'approve', { amountFen: 850000 })).toMatchObject({ ok: true, status: 'approved' });
  });

  it('提交人本人不能决定', async () => {
    const { ref, id } = await submitted();
    await perform(clerk, ref, 'accept');
    await perform(reviewer, ref, 'start_review');
    await q((db) => db.update(schema.applications).set({ filedByUserId: reviewer.id }).where(eq(schema.applications.id, id)));
    expect(await perform(reviewer, ref, 'approve', { amountFen: 850000 })).toMatchObject({ ok: false, message: expect.stringContaining('您本人提交') });
  });

  it('批准金额默认是计算结果，改动金额必须写原因；原因进入事件', async () => {
    const ref = await inState('in_review');
    expect(await perform(reviewer, ref, 'approve', { amountFen: 800000 })).toMatchObject({ ok: false, fieldErrors: { reason: expect.stringContaining('¥8,500.00') } });
    expect(await perform(reviewer, ref, 'approve', { amountFen: 800000, reason: '一张发票重复' })).toMatchObject({ ok: true });
    const n = (await decisionNotice(reviewer, ref))!;
    expect(n).toMatchObject({ kind: 'approve', amountFen: 800000, estimatedFen: 850000, adjustmentReason: '一张发票重复' });
    expect(n.trace.length).toBeGreaterThan(0);
    const pdf = await decisionPdf(n);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('不予救助：原因从列表选择并带条款；“其他”须写明原因和条款', async () => {
    const ref = await inState('in_review');
    expect(await perform(reviewer, ref, 'reject', {})).toMatchObject({ ok: false, fieldErrors: { reasonCode: expect.any(String) } });
    expect(await perform(reviewer, ref, 'reject', { reasonCode: 'made_up' })).toMatchObject({ ok: false, fieldErrors: { reasonCode: expect.any(String) } });
    expect(await perform(reviewer, ref, 'reject', { reasonCode: 'other', reason: '材料伪造' })).toMatchObject({ ok: false, fieldErrors: { clause: expect.any(String) } });
    expect(await perform(reviewer, ref, 'reject', { reasonCode: 'not_local', reason: '户籍在苏州' })).toMatchObject({ ok: true, status: 'rejected' });
    const [app] = await q((db) => db.select().from(schema.applications).where(eq(schema.applications.ref, ref)));
    expect(app!.decisionReason).toBe('不具有本市户籍，或未参加本市基本医疗保险：户籍在苏州');
    // 001 二(一) in words, with what it says (never the raw code).
    expect(app!.decisionClause).toBe('《无锡市实施意见》第二部分（一）：“医疗救助对象是指具有本市户籍，同时参加本市基本医疗保险”');
  });

  it('补正：列出必须上传的材料和期限，期限不能早于今天', async () => {
    const ref = await inState('accepted');
    const now = new Date('2026-05-06T02:00:00Z');
    expect(await perform(clerk, ref, 'request_info', { message: '请补充', documents: ['出院小结'], dueDate: '2026-05-05' }, { now })).toMatchObject({ ok: false, fieldErrors: { dueDate: expect.any(String) } });
    expect(await perform(clerk, ref, 'request_info', { message: '请补充', documents: ['出院小结'], dueDate: '2026-05-20' }, { now })).toMatchObject({ ok: true, status: 'needs_info' });
    const [app] = await q((db) => db.select().from(schema.applications).where(eq(schema.applications.ref, ref)));
    const [ev] = await q((db) => db.select().from(schema.events).where(eq(schema.events.applicationId, app!.id))).then((r) => r.filter((e) => e.type === 'request_info'));
    expect(ev!.data).toEqual({ requireDocuments: true, documents: ['出院小结'], dueDate: '2026-05-20' });
  });
});

describe('工作日', () => {
  it('周五提交，下周二看：周一、周二两个工作日', () => {
    // 2026-01-09 is a Friday (Shanghai); Sat 10, Sun 11 skipped; Mon 12, Tue 13 count.
    expect(workingDaysBetween('2026-01-09T02:00:00Z', new Date('2026-01-13T02:00:00Z'))).toBe(2);
    // Same day: 0. Late on Thursday UTC is Friday in Shanghai: 2026-01-08T17:00Z = Fri 01:00 → to Fri: 0.
    expect(workingDaysBetween('2026-01-08T17:00:00Z', new Date('2026-01-09T09:00:00Z'))).toBe(0);
    // Two weeks Monday to Monday: 10 working days.
    expect(workingDaysBetween('2026-01-05T02:00:00Z', new Date('2026-01-19T02:00:00Z'))).toBe(10);
    // Two working days before Tue 2026-01-13: Mon 12, Fri 09 → 2026-01-09.
    expect(subtractWorkingDays(new Date('2026-01-13T02:00:00Z'), 2)).toBe('2026-01-09');
    // A year and a bit: from Thu 2025-01-02 to Fri 2026-01-09 (Shanghai dates). 2025 has 261 working days
    // (52 weeks × 5 + Wed 31 Dec); minus Wed 1 and Thu 2 Jan 2025 (not after the start) = 259; plus
    // Mon 5 – Fri 9 Jan 2026 (5) and Thu 1, Fri 2 Jan 2026 (2) = 266.
    expect(workingDaysBetween('2025-01-02T02:00:00Z', new Date('2026-01-09T02:00:00Z'))).toBe(266);
    // Start after the end: 0, never negative.
    expect(workingDaysBetween('2026-01-13T02:00:00Z', new Date('2026-01-09T02:00:00Z'))).toBe(0);
  });

  it('按周计算与逐日数的结果一致（每个起始星期几、0 到 40 天）', () => {
    // The day-by-day count, written here independently: every Shanghai day after the start up to the end
    // that is not a Saturday or Sunday.
    const byDay = (from: Date, to: Date) => {
      let n = 0;
      const startDay = Math.floor((from.getTime() + 8 * 3_600_000) / 86_400_000);
      const endDay = Math.floor((to.getTime() + 8 * 3_600_000) / 86_400_000);
      for (let d = startDay + 1; d <= endDay; d++) if (![0, 6].includes(new Date(d * 86_400_000).getUTCDay())) n += 1;
      return n;
    };
    for (let s = 0; s < 7; s++) {
      for (let len = 0; len <= 40; len++) {
        const from = new Date(Date.UTC(2026, 0, 5 + s, 2));
        const to = new Date(from.getTime() + len * 86_400_000 + 3_600_000);
        expect(workingDaysBetween(from.toISOString(), to)).toBe(byDay(from, to));
      }
    }
  });

  it('时限的颜色都有文字', () => {
    const s = { acceptWithinWorkingDays: 2, decideWithinWorkingDays: 10 };
    expect(slaFor('submitted', 0, s)).toMatchObject({ tone: 'ok', label: '正常' });
    expect(slaFor('submitted', 1, s)).toMatchObject({ tone: 'warn', label: '即将超期' });
    expect(slaFor('submitted', 2, s)).toMatchObject({ tone: 'warn', label: '即将超期' });
    expect(slaFor('submitted', 3, s)).toMatchObject({ tone: 'bad', label: '已超期' });
    // decide within 10: amber in the last 2 (10 / 5) working days, i.e. from day 8.
    expect(slaFor('in_review', 7, s)).toMatchObject({ tone: 'ok' });
    expect(slaFor('in_review', 8, s)).toMatchObject({ tone: 'warn' });
    expect(slaFor('accepted', 11, s)).toMatchObject({ tone: 'bad' });
    expect(slaFor('needs_info', 30, s)).toMatchObject({ tone: 'none', label: '等待申请人补正' });
  });
});

describe('工作台队列', () => {
  it('按状态、金额、超期、分派筛选，按编号和身份证号查找，分页，只看本地区', async () => {
    const { ref: ref0 } = await submitted({ region: 'shanghai' });
    // Submitted Friday 2026-01-09 and Tuesday 2026-01-13; looked at on Wednesday 2026-01-14.
    const old = await submitted();
    const fresh = await submitted();
    for (const [ref, at] of [[old.ref, '2026-01-09T02:00:00.000Z'], [fresh.ref, '2026-01-13T02:00:00.000Z']]) {
      await q((db) => db.update(schema.applications).set({ submittedAt: at }).where(eq(schema.applications.ref, ref!)));
    }
    const now = new Date('2026-01-14T02:00:00Z');
    // The queue's clock reads the region's time limits (staff parameters): accept within 2, decide within 10.
    for (const [name, value] of [['office.acceptWorkingDays', 2], ['office.decideWorkingDays', 10]] as const) {
      await q((db) => db.insert(schema.parameters).values({ region: 'wuxi', name, value, unit: 'workdays', effectiveFrom: '2025-01-01', source: '测试' }));
    }
    const mine = (await staffQueue(clerk, { q: old.ref }, now)).rows;
    expect(mine.map((r) => r.ref)).toEqual([old.ref]);
    // Fri 09 → Wed 14: Mon, Tue, Wed = 3 working days > 2: overdue for acceptance.
    expect(mine[0]).toMatchObject({ ageWorkingDays: 3, sla: { tone: 'bad', label: '已超期' } });
    const overdue = (await staffQueue(clerk, { overdue: '1', status: 'submitted', q: undefined }, now)).rows.map((r) => r.ref);
    expect(overdue).toContain(old.ref);
    expect(overdue).not.toContain(fresh.ref);
    // 身份证号: exact match through the HMAC; the other region finds nothing.
    expect((await staffQueue(clerk, { q: old.idNo }, now)).rows.map((r) => r.ref)).toEqual([old.ref]);
    expect((await staffQueue(await staffUser('clerk', 'shanghai'), { q: old.idNo }, now)).rows).toEqual([]);
    expect((await staffQueue(clerk, { q: ref0 }, now)).rows).toEqual([]);
    // Amount range: 850,000 fen each; 8,500.01 元 minimum excludes them.
    expect((await staffQueue(clerk, { q: old.ref, min: 850001 }, now)).rows).toEqual([]);
    expect((await staffQueue(clerk, { q: old.ref, min: 850000, max: 850000 }, now)).rows).toHaveLength(1);
    // Assigned to me: audited, and the filter finds it.
    expect(await assignApplication(clerk, fresh.ref, clerk.id)).toMatchObject({ ok: true });
    expect((await staffQueue(clerk, { mine: '1' }, now)).rows.map((r) => r.ref)).toEqual([fresh.ref]);
    expect(await assignApplication(clerk, fresh.ref, (await staffUser('clerk', 'shanghai')).id)).toMatchObject({ ok: false, code: 'invalid' });
    expect(await assignApplication(auditor, fresh.ref, auditor.id)).toMatchObject({ ok: false, code: 'forbidden' });
    const [app] = await q((db) => db.select().from(schema.applications).where(eq(schema.applications.ref, fresh.ref)));
    const audits = await q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, app!.id)));
    expect(audits.find((a) => a.action === 'application.assign')?.summary).toMatchObject({ before: { assignedToUserId: null }, after: { assignedToUserId: clerk.id } });
    // Pagination: 20 a page; counts per status add up to the total.
    const all = await staffQueue(clerk, {}, now);
    expect(all.rows.length).toBe(Math.min(20, all.total));
    expect(all.counts.reduce((a, c) => a + c.n, 0)).toBe(all.total);
    if (all.pages > 1) {
      const p2 = await staffQueue(clerk, { page: 2, after: all.next! }, now);
      expect(p2.rows.map((r) => r.ref)).not.toContain(all.rows[0]!.ref);
    }
    // Sorted oldest first by default: the January ones come before today's.
    const sorted = (await staffQueue(clerk, { status: 'submitted' }, now)).rows.map((r) => r.ref);
    expect(sorted.indexOf(old.ref)).toBeLessThan(sorted.indexOf(fresh.ref));
  }, 60_000);

  it('区县工作人员只看本区县', async () => {
    const { ref, id } = await submitted();
    await q((db) => db.update(schema.applications).set({ district: '梁溪区' }).where(eq(schema.applications.id, id)));
    expect((await staffQueue(await staffUser('clerk', 'wuxi', '梁溪区'), { q: ref })).rows).toHaveLength(1);
    const other = await staffUser('clerk', 'wuxi', '滨湖区');
    expect((await staffQueue(other, { q: ref })).rows).toHaveLength(0);
    expect(await staffCaseDetail(other, ref)).toBeNull();
  });
});

describe('查看案件', () => {
  it('每次查看写审计；默认遮蔽；显示完整值写审计并返回原值', async () => {
    const { ref, idNo } = await submitted();
    const d = (await staffCaseDetail(auditor, ref))!;
    expect(d.masked).toEqual({ name: '张*明', idNumber: `${idNo.slice(0, 3)}${'*'.repeat(11)}${idNo.slice(-4)}`, phone: '138****1234', bankAccount: '**** **** 4567' });
    expect(d.actions.forms).toEqual([]);
    expect(d.actions.barred).toEqual([]);
    expect(d.fresh?.result.totals.assistanceFen).toBe(850000);
    expect((await staffCaseDetail(clerk, ref))!.actions.forms.map((f) => f.verb)).toEqual(['accept', 'transfer', 'reject']);
    const [app] = await q((db) => db.select().from(schema.applications).where(eq(schema.applications.ref, ref)));
    const audits = () => q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, app!.id)));
    expect((await audits()).filter((a) => a.action === 'application.view')).toHaveLength(2);
    expect(await revealField(clerk, ref, 'idNumber')).toEqual({ ok: true, value: idNo });
    const reveal = (await audits()).find((a) => a.action === 'application.reveal')!;
    expect(reveal).toMatchObject({ actorUserId: clerk.id, summary: { ref, field: 'idNumber' } });
    expect(JSON.stringify(reveal.summary)).not.toContain(idNo);
    expect(await revealField(await staffUser('clerk', 'shanghai'), ref, 'idNumber')).toMatchObject({ ok: false, code: 'not_found' });
    // Auditors and administrators of the same region see masked values only.
    expect(await revealField(await staffUser('auditor', 'wuxi'), ref, 'idNumber')).toMatchObject({ ok: false, code: 'not_found' });
    expect(await revealField(await staffUser('admin', 'wuxi'), ref, 'idNumber')).toMatchObject({ ok: false, code: 'not_found' });
    expect(await staffCaseDetail(await staffUser('clerk', 'shanghai'), ref)).toBeNull();
  });
});
