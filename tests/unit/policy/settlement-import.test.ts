import '../helpers/test-db';
import { eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { decisionNotice } from '@/lib/dal/decision';
import { decisionOpening, decisionPayment } from '@/lib/texts/decision';
import { directCasesFor, startSettlementImport } from '@/lib/dal/settlements';
import { HANDLERS } from '@/lib/jobs/handlers';
import { runNext } from '@/lib/jobs/runner';
import { q, schema } from '@/lib/store/db';
import { perform } from '@/lib/workflow';
import { csvOf, idNumber, person, staff } from './fixtures';

const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const NOW = new Date('2026-07-10T02:00:00Z');

async function importFile(clerk: Awaited<ReturnType<typeof staff>>, text: string, goodOnly = false) {
  const r = await startSettlementImport(clerk, { text, fileName: 'jiesuan.csv', ...PERIOD, goodOnly }, { now: NOW });
  if (!r.ok) return { start: r, job: null };
  await runNext('test-worker', HANDLERS);
  const [job] = await q((db) => db.select().from(schema.jobs).where(eq(schema.jobs.id, r.jobId)));
  return { start: r, job: job! };
}

const directCases = (personId: string) =>
  q((db) => db.select().from(schema.applications).where(eq(schema.applications.personId, personId)).then((rows) => rows.filter((a) => a.idempotencyKey?.startsWith('direct:'))));

describe('免申即享：导入结算记录，已认定的低保对象直接获得救助', () => {
  it('一行有错就一行也不导入，并指出第几行错在哪里', async () => {
    const clerk = await staff('clerk');
    const id = idNumber(1);
    const text = csvOf([
      { no: 'JS-A1', id, date: '2026-02-01', total: 1_200_000, policy: 1_000_000, basic: 600_000 },
      // Line 3 (header is line 1): the policy-range cost exceeds the total.
      { no: 'JS-A2', id, date: '2026-02-05', total: 100_000, policy: 200_000, basic: 50_000 },
    ]);
    const { start } = await importFile(clerk, text);
    expect(start).toMatchObject({ ok: false, code: 'invalid', errorCount: 1 });
    expect(!start.ok && 'lines' in start ? start.lines : []).toEqual([{ line: 3, message: '第 3 行：政策范围内费用不能大于总费用。' }]);
    expect(await q((db) => db.select().from(schema.settlements).where(like(schema.settlements.settlementNo, 'JS-A%')))).toHaveLength(0);
    expect(await q((db) => db.select().from(schema.jobs))).toHaveLength(0);
  });

  it('低保对象住院自付部分按85%直接救助，再次导入同一文件不会重复办理', async () => {
    const clerk = await staff('clerk');
    const id = idNumber(2);
    const { personId, user } = await person(id, { category: 'dibao', account: true });
    // 政策范围内 10,000 元 − 基本医保 6,000 元 = 自付 4,000 元；无锡低保对象 85%（001 四(六)）= 3,400 元 = 340,000 分。
    const file = csvOf([{ no: 'JS-B1', id, date: '2026-03-01', total: 1_200_000, policy: 1_000_000, basic: 600_000 }]);
    const first = await importFile(clerk, file);
    expect(first.job).toMatchObject({ status: 'done', done: 2, total: 2 });
    expect(first.job!.result).toMatchObject({ rows: 1, inserted: 1, cases: [{ amountFen: 340_000 }], awardedFen: 340_000 });
    const cases = await directCases(personId);
    expect(cases).toHaveLength(1);
    // Wuxi's own clause: 已认定为救助对象的，直接获得医疗救助 (001 五(十)).
    expect(cases[0]).toMatchObject({ status: 'approved', decidedAmountFen: 340_000, decisionClause: '001 五(十)' });
    // The visit is on the case like an application's (the pages list it).
    expect(await q((db) => db.select().from(schema.episodes).where(eq(schema.episodes.applicationId, cases[0]!.id)))).toHaveLength(1);
    const ledger = await q((db) => db.select().from(schema.payments).where(eq(schema.payments.applicationId, cases[0]!.id)));
    expect(ledger.map((p) => [p.kind, p.amountFen])).toEqual([['approval', 340_000]]);
    const audit = await q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, cases[0]!.id)));
    expect(audit.map((a) => a.action)).toContain('application.direct_award');
    const inbox = await q((db) => db.select().from(schema.notifications).where(eq(schema.notifications.userId, user!.id)));
    expect(inbox.map((n) => n.title)).toEqual([`已为您直接办理医疗救助（${cases[0]!.ref}）`]);
    expect((await directCasesFor(user!)).map((c) => c.amountFen)).toEqual([340_000]);
    const notice = await decisionNotice(user!, cases[0]!.ref!);
    expect(notice).toMatchObject({ kind: 'approve', direct: true, amountFen: 340_000, clause: '001 五(十)' });
    // Nobody applied, and the notice says so and names the office that decided (no setting here: the region's 经办机构).
    expect(decisionOpening(notice!)).toContain('这笔医疗救助没有人提出申请');
    expect(decisionOpening(notice!)).toContain('直接获得医疗救助（免申即享，依据《无锡市实施意见》第五部分（十））');
    expect(decisionOpening(notice!)).toContain('无锡市医疗救助经办机构根据医院的医保结算记录');
    expect(decisionPayment(notice!)).toBe('经办部门会按规定把救助金发放给您。');

    const again = await importFile(clerk, file);
    expect(again.job!.result).toMatchObject({ rows: 1, inserted: 0, alreadyImported: 1, cases: [] });
    expect(await directCases(personId)).toHaveLength(1);
  });

  it('期间重叠的文件只办理新增的结算记录，金额按全年重算后补足差额', async () => {
    const clerk = await staff('clerk');
    const id = idNumber(3);
    const { personId } = await person(id, { category: 'dibao' });
    const a = { no: 'JS-C1', id, date: '2026-03-01', total: 1_200_000, policy: 1_000_000, basic: 600_000 };
    await importFile(clerk, csvOf([a]));
    // Second file repeats JS-C1 and adds an outpatient visit: 政策范围内 2,000 元 − 医保 1,000 元 = 1,000 元 × 85% = 850 元 = 85,000 分.
    const b = { no: 'JS-C2', id, date: '2026-04-02', kind: '普通门急诊', total: 250_000, policy: 200_000, basic: 100_000 };
    const second = await importFile(clerk, csvOf([a, b]));
    expect(second.job!.result).toMatchObject({ inserted: 1, alreadyImported: 1, cases: [{ amountFen: 85_000 }] });
    expect((await directCases(personId)).map((c) => c.decidedAmountFen).sort((x, y) => x! - y!)).toEqual([85_000, 340_000]);
  });

  it('无锡已认定的低保边缘也直接办理；没有认定的人、系统里没有记录的人不会直接办理；勾选后只导入没问题的行', async () => {
    const clerk = await staff('clerk');
    const edge = idNumber(4);
    const { personId } = await person(edge, { category: 'dibao_edge' });
    const plain = idNumber(8);
    const uncertified = await person(plain, { category: null });
    const stranger = idNumber(5);
    const text = csvOf([
      // 低保边缘 in Wuxi: 70% (001 四(六)) of 10,000 − 6,000 = 4,000 元 → 2,800 元 = 280,000 分, directly (001 五(十)).
      { no: 'JS-D1', id: edge, date: '2026-03-01', total: 1_200_000, policy: 1_000_000, basic: 600_000 },
      { no: 'JS-D4', id: plain, date: '2026-03-01', total: 1_200_000, policy: 1_000_000, basic: 600_000 },
      { no: 'JS-D2', id: stranger, date: '2026-03-01', total: 1_200_000, policy: 1_000_000, basic: 600_000 },
      // Outside the import's period (2026-01-01 to 2026-06-30).
      { no: 'JS-D3', id: stranger, date: '2025-12-31', total: 100, policy: 100, basic: 0 },
    ]);
    const { job } = await importFile(clerk, text, true);
    expect(job!.result).toMatchObject({ rows: 3, skippedBadRows: 1, inserted: 3, unmatched: 1, notCertified: 1, cases: [{ amountFen: 280_000 }] });
    expect((await directCases(personId)).map((c) => c.decidedAmountFen)).toEqual([280_000]);
    expect(await directCases(uncertified.personId)).toHaveLength(0);
  });

  it('同一批里有人没有应救助的金额：只有他不办理、不留下草稿，同批其他人照常办理', async () => {
    const clerk = await staff('clerk');
    const paidInFull = idNumber(6);
    const a = await person(paidInFull, { category: 'tekun' });
    const other = idNumber(7);
    const b = await person(other, { category: 'tekun' });
    const { job } = await importFile(
      clerk,
      csvOf([
        // 医保 paid the whole policy-range cost: self-pay 0, nothing to assist.
        { no: 'JS-E1', id: paidInFull, date: '2026-05-01', total: 300_000, policy: 200_000, basic: 200_000 },
        // 特困 100% (001 四(六)): 2,000 − 1,500 = 500 元 = 50,000 分.
        { no: 'JS-E2', id: other, date: '2026-05-01', total: 200_000, policy: 200_000, basic: 150_000 },
      ]),
    );
    expect(job!.result).toMatchObject({ noAmount: 1, cases: [{ amountFen: 50_000 }] });
    expect(await q((db) => db.select().from(schema.applications).where(eq(schema.applications.personId, a.personId)))).toEqual([]);
    expect((await directCases(b.personId)).map((x) => x.decidedAmountFen)).toEqual([50_000]);
  });

  it('审计员不能导入；直接办理不能用在普通申请上', async () => {
    const auditor = await staff('auditor');
    expect(await startSettlementImport(auditor, { text: csvOf([]), fileName: 'x.csv', ...PERIOD, goodOnly: false })).toMatchObject({ ok: false, code: 'forbidden' });
    const clerk = await staff('clerk');
    expect(await perform(clerk, 'WX-2026-000001', 'direct_award', {})).toMatchObject({ ok: false, code: 'not_found' });
  });
});
