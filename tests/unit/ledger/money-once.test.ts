// Money paid once: every source of "already paid" (the hospital's 一站式 assistance, a direct case, an applied
// case, a correction) in every order of arrival, with the person-year's total worked out by hand. Wuxi 低保:
// 85% of what is left of the policy-range cost after insurance (001 四(六)), no deductible.
//   Visit A (住院): 政策范围内 10,000 元 − 基本医保 6,000 元 = 4,000 元 × 85% = 3,400 元 = 340,000 分.
//   Visit B (门诊): 政策范围内 2,000 元 − 基本医保 1,000 元 = 1,000 元 × 85% = 850 元 = 85,000 分.
import '../helpers/test-db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { startSettlementImport, type ImportOutcome } from '@/lib/dal/settlements';
import { setSettlementNo, staffCaseDetail } from '@/lib/dal/staff-case';
import { HANDLERS } from '@/lib/jobs/handlers';
import { runNext } from '@/lib/jobs/runner';
import { encrypt } from '@/lib/personal/crypto';
import { sealVisit, type Visit } from '@/lib/personal/records';
import { q, schema } from '@/lib/store/db';
import { visitKeys } from '@/lib/personal/visit-key';
import { perform } from '@/lib/workflow';
import { csvOf, idNumber, person, staff, type Line } from '../policy/fixtures';

const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const NOW = new Date('2026-07-10T02:00:00Z');
const A_FEN = 340_000;
const B_FEN = 85_000;

const lineA = (id: string, no: string, aid = 0): Line => ({ no, id, date: '2026-03-01', total: 1_200_000, policy: 1_000_000, basic: 600_000, aid });
const lineB = (id: string, no: string): Line => ({ no, id, date: '2026-04-02', kind: '普通门急诊', total: 250_000, policy: 200_000, basic: 100_000 });

async function importLines(clerk: Awaited<ReturnType<typeof staff>>, lines: Line[]): Promise<ImportOutcome> {
  const r = await startSettlementImport(clerk, { text: csvOf(lines), fileName: 'js.csv', ...PERIOD, goodOnly: false }, { now: NOW });
  if (!r.ok) throw new Error(r.message);
  await runNext('test-worker', HANDLERS);
  const [job] = await q((db) => db.select().from(schema.jobs).where(eq(schema.jobs.id, r.jobId)));
  return job!.result as ImportOutcome;
}

let n = 0;
/** An application in review with visit A as the resident typed it (its 结算单号 only if given), estimated at 3,400 元. */
async function appliedCase(personId: string, opts: { settlementNo?: string; hospitalName?: string; assistancePaidFen?: number } = {}) {
  n += 1;
  const [filer] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: `居民m${n}` }).returning());
  const ref = `WX-2026-${String(800000 + n)}`;
  const visit: Visit = {
    hospitalName: opts.hospitalName ?? '无锡市人民医院', date: '2026-03-01', endDate: null, kind: 'inpatient', hospitalLevel: 3, specialDisease: false, referred: true, location: 'local',
    offsiteFiled: false, totalFen: 1_200_000, policyFen: 1_000_000, basicPaidFen: 600_000, criticalPaidFen: 0, supplementaryPaidFen: 0,
    ...(opts.assistancePaidFen ? { assistancePaidFen: opts.assistancePaidFen } : {}),
  };
  const [app] = await q((db) =>
    db.insert(schema.applications).values({
      ref, personId, filedByUserId: filer!.id, region: 'wuxi', year: 2026, status: 'in_review', primaryCategory: 'dibao', estimatedFen: A_FEN,
      estimateSnapshot: { result: { episodes: [{ id: '0', pool: 'inpatient', assistanceFen: A_FEN, tiltFen: 0 }] }, parameters: {}, computedAt: '2026-07-01T00:00:00.000Z' },
      bankAccountEnc: encrypt('6222020000001234567'), bankAccountLast4: '4567', bankName: '中国工商银行', submittedAt: '2026-07-01T00:00:00.000Z',
    }).returning(),
  );
  await q((db) => db.insert(schema.episodes).values({ applicationId: app!.id, seq: 0, dataEnc: sealVisit(visit), ...visitKeys(visit, opts.settlementNo) }));
  return { id: app!.id, ref };
}

/** What the person-year owes now, over every case: approvals and corrections (the ledger). */
async function yearOwedFen(personId: string): Promise<number> {
  const p = schema.payments;
  const rows = await q((db) => db.select({ kind: p.kind, fen: p.amountFen }).from(p).where(and(eq(p.personId, personId), eq(p.year, 2026))));
  return rows.filter((r) => r.kind === 'approval' || r.kind === 'adjustment').reduce((a, r) => a + r.fen, 0);
}

const decided = async (id: string) => (await q((db) => db.select({ d: schema.applications.decidedAmountFen }).from(schema.applications).where(eq(schema.applications.id, id))))[0]!.d;

describe('同一次就医只付一次：医院已付、直接办理、依申请、更正，不论先后', () => {
  it('先导入（医院结算时已付 1,000 元），后申请同一次就医：导入只付差额 2,400 元，申请批准 0 元；全年共 2,400 元', async () => {
    const [clerk, reviewer] = [await staff('clerk'), await staff('reviewer')];
    const id = idNumber(801);
    const { personId } = await person(id, { category: 'dibao' });
    // 3,400 − 1,000 already paid at the hospital = 2,400 元 = 240,000 分.
    expect(await importLines(clerk, [lineA(id, 'JS-M1', 100_000)])).toMatchObject({ cases: [{ amountFen: 240_000 }] });
    const applied = await appliedCase(personId, { settlementNo: 'JS-M1' });
    expect(await perform(reviewer, applied.ref, 'approve', { amountFen: A_FEN, reason: '', message: '' })).toMatchObject({ ok: true });
    // The direct case covers visit A in full: nothing more.
    expect(await decided(applied.id)).toBe(0);
    expect(await yearOwedFen(personId)).toBe(240_000);
  });

  it('先申请（填了结算单号）并批准 3,400 元，后导入同一结算单：导入不再办理；全年共 3,400 元', async () => {
    const [clerk, reviewer] = [await staff('clerk'), await staff('reviewer')];
    const id = idNumber(802);
    const { personId } = await person(id, { category: 'dibao' });
    const applied = await appliedCase(personId, { settlementNo: 'JS-M2' });
    expect(await perform(reviewer, applied.ref, 'approve', { amountFen: A_FEN, reason: '', message: '' })).toMatchObject({ ok: true });
    expect(await importLines(clerk, [lineA(id, 'JS-M2')])).toMatchObject({ inserted: 1, cases: [], noAmount: 1 });
    expect(await yearOwedFen(personId)).toBe(A_FEN);
  });

  it('先申请（没填结算单号，医院写法不同），导入后工作人员在审核时补填结算单号：案件页显示可能重复，批准 0 元；全年共 3,400 元', async () => {
    const [clerk, reviewer] = [await staff('clerk'), await staff('reviewer')];
    const id = idNumber(803);
    const { personId } = await person(id, { category: 'dibao' });
    const applied = await appliedCase(personId, { hospitalName: '无锡人民医院' });
    const imported = await importLines(clerk, [lineA(id, 'JS-M3')]);
    expect(imported).toMatchObject({ cases: [{ amountFen: A_FEN }] });
    // Different spelling, no number: not yet recognised as the same visit.
    expect((await staffCaseDetail(reviewer, applied.ref))!.duplicates).toEqual([]);
    expect(await setSettlementNo(reviewer, applied.ref, 0, 'js-m3')).toMatchObject({ ok: true, seq: 0 });
    const audit = await q((db) => db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entityId, applied.id), eq(schema.auditLog.action, 'application.settlement_no'))));
    expect(audit).toHaveLength(1);
    const d = (await staffCaseDetail(reviewer, applied.ref))!;
    expect(d.numbered).toEqual([0]);
    expect(d.duplicates.map((m) => [m.seq, m.source, m.ref])).toEqual([[0, 'settlement', imported.cases[0]!.ref]]);
    expect(await perform(reviewer, applied.ref, 'approve', { amountFen: A_FEN, reason: '', message: '' })).toMatchObject({ ok: true });
    expect(await decided(applied.id)).toBe(0);
    expect(await yearOwedFen(personId)).toBe(A_FEN);
    // Another area's staff cannot fill it (404), and after the decision nobody can.
    expect(await setSettlementNo(await staff('reviewer', 'shanghai'), applied.ref, 0, 'X1')).toMatchObject({ ok: false, code: 'not_found' });
    expect(await setSettlementNo(reviewer, applied.ref, 0, 'X1')).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('导入后更正为 2,000 元，再导入新的门诊：只补 850 元，更正不被抵消；全年共 2,850 元', async () => {
    const [clerk, reviewer] = [await staff('clerk'), await staff('reviewer')];
    const id = idNumber(804);
    const { personId } = await person(id, { category: 'dibao' });
    const first = await importLines(clerk, [lineA(id, 'JS-M4')]);
    expect(await perform(reviewer, first.cases[0]!.ref, 'correct_amount', { amountFen: 200_000, reason: '住院费用核减' })).toMatchObject({ ok: true });
    // Year again: 3,400 + 850 = 4,250 元; the corrected case counts as its 3,400 元 approval → 850 元 new.
    expect(await importLines(clerk, [lineA(id, 'JS-M4'), lineB(id, 'JS-M5')])).toMatchObject({ inserted: 1, cases: [{ amountFen: B_FEN }] });
    // 2,000 (corrected) + 850 = 2,850 元.
    expect(await yearOwedFen(personId)).toBe(200_000 + B_FEN);
  });

  it('申请批准 3,400 元后更正为 3,000 元，再导入同一住院和一次门诊：只付门诊 850 元；全年共 3,850 元', async () => {
    const [clerk, r1, r2] = [await staff('clerk'), await staff('reviewer'), await staff('reviewer')];
    const id = idNumber(805);
    const { personId } = await person(id, { category: 'dibao' });
    const applied = await appliedCase(personId, { settlementNo: 'JS-M6' });
    expect(await perform(r1, applied.ref, 'approve', { amountFen: A_FEN, reason: '', message: '' })).toMatchObject({ ok: true });
    expect(await perform(r2, applied.ref, 'correct_amount', { amountFen: 300_000, reason: '发票金额核减' })).toMatchObject({ ok: true });
    // Year: A (matched to the application, counted once) + B = 4,250 元 − 3,400 settled = 850 元.
    expect(await importLines(clerk, [lineA(id, 'JS-M6'), lineB(id, 'JS-M7')])).toMatchObject({ cases: [{ amountFen: B_FEN }] });
    // 3,000 (corrected) + 850 = 3,850 元.
    expect(await yearOwedFen(personId)).toBe(300_000 + B_FEN);
  });

  // The rest of the table (source × order); above: hospital+direct+applied import first, applied+direct application
  // first (with and without the number), direct+correction between, applied+correction application first.

  it('先导入（医院已付 1,000 元，此人未认定、不直接办理），后申请同一次就医：批准时扣除医院已付，批准 2,400 元；全年共 2,400 元', async () => {
    const reviewer = await staff('reviewer');
    const id = idNumber(806);
    const { personId } = await person(id, { category: null });
    expect(await importLines(await staff('clerk'), [lineA(id, 'JS-N1', 100_000)])).toMatchObject({ inserted: 1, notCertified: 1, cases: [] });
    const applied = await appliedCase(personId, { settlementNo: 'JS-N1' });
    // 3,400 due for the visit − 1,000 the hospital's 一站式 settlement paid = 2,400 元.
    expect(await perform(reviewer, applied.ref, 'approve', { amountFen: A_FEN, reason: '', message: '' })).toMatchObject({ ok: true });
    expect(await decided(applied.id)).toBe(240_000);
    expect(await yearOwedFen(personId)).toBe(240_000);
  });

  it('先导入（没有结算单号可比，按医院、日期和金额认出同一次就医），后申请：批准 0 元；全年共 3,400 元', async () => {
    const reviewer = await staff('reviewer');
    const id = idNumber(807);
    const { personId } = await person(id, { category: 'dibao' });
    expect(await importLines(await staff('clerk'), [lineA(id, 'JS-N2')])).toMatchObject({ cases: [{ amountFen: A_FEN }] });
    // The resident typed no number; hospital, dates and total are the settlement's.
    const applied = await appliedCase(personId);
    expect((await staffCaseDetail(reviewer, applied.ref))!.duplicates.map((m) => m.source)).toEqual(['settlement']);
    expect(await perform(reviewer, applied.ref, 'approve', { amountFen: A_FEN, reason: '', message: '' })).toMatchObject({ ok: true });
    expect(await decided(applied.id)).toBe(0);
    expect(await yearOwedFen(personId)).toBe(A_FEN);
  });

  it('先申请批准 3,400 元，后导入同一次就医（医院结算时又已付 1,000 元）：导入不再办理，导入结果写明原因；台账全年 3,400 元', async () => {
    const reviewer = await staff('reviewer');
    const id = idNumber(808);
    const { personId } = await person(id, { category: 'dibao' });
    const applied = await appliedCase(personId, { settlementNo: 'JS-N3' });
    expect(await perform(reviewer, applied.ref, 'approve', { amountFen: A_FEN, reason: '', message: '' })).toMatchObject({ ok: true });
    // Year 3,400 − hospital 1,000 − settled 3,400 < 0: nothing new (the approval came before the file told of the 1,000 元).
    const out = await importLines(await staff('clerk'), [lineA(id, 'JS-N3', 100_000)]);
    expect(out).toMatchObject({ inserted: 1, cases: [], noAmount: 1 });
    // 3,400 − 1,000 − 3,400 = −1,000: the receipt did not tell of the hospital's 1,000 元, and the import says so.
    expect(out.noAmountWhy).toEqual([{
      settlementNos: ['JS-N3'],
      message: '按规定计算本年度没有新增的救助金额（全年应救助 ¥3,400.00，医院结算时已支付 ¥1,000.00，此前已办理 ¥3,400.00）。已办理和医院已支付的合计比全年应救助多 ¥1,000.00，请核对此前的案件是否扣除了医院结算时支付的医疗救助。',
    }]);
    expect(await yearOwedFen(personId)).toBe(A_FEN);
  });

  it('申请时按结算单填了医院已付医疗救助 1,000 元：批准 2,400 元；之后导入同一次就医（已付 1,000 元）不再办理；全年共 2,400 元', async () => {
    const reviewer = await staff('reviewer');
    const id = idNumber(820);
    const { personId } = await person(id, { category: 'dibao' });
    const applied = await appliedCase(personId, { settlementNo: 'JS-N8', assistancePaidFen: 100_000 });
    // The receipt's 1,000 元 is not a duplicate case: the staff page lists no other record.
    expect((await staffCaseDetail(reviewer, applied.ref))!.duplicates).toEqual([]);
    expect(await perform(reviewer, applied.ref, 'approve', { amountFen: A_FEN, reason: '', message: '' })).toMatchObject({ ok: true });
    // 3,400 due − 1,000 paid at the hospital = 2,400 元.
    expect(await decided(applied.id)).toBe(240_000);
    // Year 3,400 − hospital 1,000 (the file's, the same payment the receipt told of, counted once) − settled 2,400 = 0.
    const out = await importLines(await staff('clerk'), [lineA(id, 'JS-N8', 100_000)]);
    expect(out).toMatchObject({ inserted: 1, cases: [], noAmount: 1 });
    expect(out.noAmountWhy).toEqual([{ settlementNos: ['JS-N8'], message: '按规定计算本年度没有新增的救助金额（全年应救助 ¥3,400.00，医院结算时已支付 ¥1,000.00，此前已办理 ¥2,400.00）。' }]);
    expect(await yearOwedFen(personId)).toBe(240_000);
  });

  it('申请的住院填了医院已付 1,000 元（结算文件里没有这次住院），之后导入一次门诊：只付门诊 850 元；全年共 3,250 元', async () => {
    const reviewer = await staff('reviewer');
    const id = idNumber(821);
    const { personId } = await person(id, { category: 'dibao' });
    const applied = await appliedCase(personId, { settlementNo: 'JS-N9', assistancePaidFen: 100_000 });
    expect(await perform(reviewer, applied.ref, 'approve', { amountFen: A_FEN, reason: '', message: '' })).toMatchObject({ ok: true });
    expect(await decided(applied.id)).toBe(240_000);
    // Year A 3,400 + B 850 = 4,250 − hospital 1,000 (the receipt's, for A) − settled 2,400 = 850 元.
    expect(await importLines(await staff('clerk'), [lineB(id, 'JS-N10')])).toMatchObject({ cases: [{ amountFen: B_FEN }] });
    expect(await yearOwedFen(personId)).toBe(240_000 + B_FEN);
  });

  it('先申请门诊并批准 850 元，后导入住院和同一次门诊：只付住院 3,400 元；全年共 4,250 元', async () => {
    const reviewer = await staff('reviewer');
    const id = idNumber(809);
    const { personId } = await person(id, { category: 'dibao' });
    // An application for visit B only (the fixture's stay replaced by the outpatient visit).
    const applied = await appliedCase(personId, { settlementNo: 'JS-N5' });
    const visitB: Visit = { hospitalName: '无锡市人民医院', date: '2026-04-02', endDate: null, kind: 'outpatient', hospitalLevel: 3, specialDisease: false, referred: true, location: 'local', offsiteFiled: false, totalFen: 250_000, policyFen: 200_000, basicPaidFen: 100_000, criticalPaidFen: 0, supplementaryPaidFen: 0 };
    await q((db) => db.update(schema.episodes).set({ dataEnc: sealVisit(visitB), ...visitKeys(visitB, 'JS-N5') }).where(eq(schema.episodes.applicationId, applied.id)));
    await q((db) => db.update(schema.applications).set({ estimatedFen: B_FEN, estimateSnapshot: { result: { episodes: [{ id: '0', pool: 'outpatient', assistanceFen: B_FEN, tiltFen: 0 }] }, parameters: {}, computedAt: '2026-07-01T00:00:00.000Z' } }).where(eq(schema.applications.id, applied.id)));
    expect(await perform(reviewer, applied.ref, 'approve', { amountFen: B_FEN, reason: '', message: '' })).toMatchObject({ ok: true });
    // Year A + B = 4,250 元 − 850 settled = 3,400 元.
    expect(await importLines(await staff('clerk'), [lineA(id, 'JS-N4'), lineB(id, 'JS-N5')])).toMatchObject({ inserted: 2, cases: [{ amountFen: A_FEN }] });
    expect(await yearOwedFen(personId)).toBe(A_FEN + B_FEN);
  });

  it('导入（医院已付 1,000 元）直接办理 2,400 元，更正为 2,000 元，再导入门诊：只补 850 元；全年共 2,850 元', async () => {
    const [clerk, reviewer] = [await staff('clerk'), await staff('reviewer')];
    const id = idNumber(810);
    const { personId } = await person(id, { category: 'dibao' });
    const first = await importLines(clerk, [lineA(id, 'JS-N6', 100_000)]);
    expect(first).toMatchObject({ cases: [{ amountFen: 240_000 }] });
    expect(await perform(reviewer, first.cases[0]!.ref, 'correct_amount', { amountFen: 200_000, reason: '住院费用核减' })).toMatchObject({ ok: true });
    // Year 4,250 − hospital 1,000 − the corrected case at its 2,400 approval = 850 元.
    expect(await importLines(clerk, [lineA(id, 'JS-N6', 100_000), lineB(id, 'JS-N7')])).toMatchObject({ inserted: 1, cases: [{ amountFen: B_FEN }] });
    expect(await yearOwedFen(personId)).toBe(200_000 + B_FEN);
  });

  it('申请批准 3,400 元并更正为 3,000 元后，又有一份申请报同一次就医：批准 0 元；全年共 3,000 元', async () => {
    const [r1, r2] = [await staff('reviewer'), await staff('reviewer')];
    const id = idNumber(811);
    const { personId } = await person(id, { category: 'dibao' });
    const first = await appliedCase(personId, { settlementNo: 'JS-N8' });
    expect(await perform(r1, first.ref, 'approve', { amountFen: A_FEN, reason: '', message: '' })).toMatchObject({ ok: true });
    expect(await perform(r2, first.ref, 'correct_amount', { amountFen: 300_000, reason: '发票金额核减' })).toMatchObject({ ok: true });
    // The same stay again (same number): covered by the first case, whatever its correction.
    const second = await appliedCase(personId, { settlementNo: 'JS-N8' });
    expect(await perform(r1, second.ref, 'approve', { amountFen: A_FEN, reason: '', message: '' })).toMatchObject({ ok: true });
    expect(await decided(second.id)).toBe(0);
    expect(await yearOwedFen(personId)).toBe(300_000);
  });

  it('导入直接办理 3,400 元并更正为 3,000 元后，居民申请同一次就医：批准 0 元，更正不被抵消；全年共 3,000 元', async () => {
    const [clerk, r1, r2] = [await staff('clerk'), await staff('reviewer'), await staff('reviewer')];
    const id = idNumber(812);
    const { personId } = await person(id, { category: 'dibao' });
    const first = await importLines(clerk, [lineA(id, 'JS-N9')]);
    expect(await perform(r1, first.cases[0]!.ref, 'correct_amount', { amountFen: 300_000, reason: '住院费用核减' })).toMatchObject({ ok: true });
    const applied = await appliedCase(personId, { settlementNo: 'JS-N9' });
    expect(await perform(r2, applied.ref, 'approve', { amountFen: A_FEN, reason: '', message: '' })).toMatchObject({ ok: true });
    expect(await decided(applied.id)).toBe(0);
    expect(await yearOwedFen(personId)).toBe(300_000);
  });
});
