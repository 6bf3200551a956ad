import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { heldSettlements, resolveHeldSettlement } from '@/lib/dal/held-settlements';
import { startSettlementImport } from '@/lib/dal/settlements';
import { HANDLERS } from '@/lib/jobs/handlers';
import { runNext } from '@/lib/jobs/runner';
import { q, schema } from '@/lib/store/db';
import { csvOf, idNumber, person, staff } from './fixtures';

const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const NOW = new Date('2026-07-10T02:00:00Z');

async function importFile(clerk: Awaited<ReturnType<typeof staff>>, text: string) {
  const r = await startSettlementImport(clerk, { text, fileName: 'jiesuan.csv', ...PERIOD, goodOnly: false }, { now: NOW });
  if (!r.ok) throw new Error(r.message);
  await runNext('test-worker', HANDLERS);
  const [job] = await q((db) => db.select().from(schema.jobs).where(eq(schema.jobs.id, r.jobId)));
  return job!;
}

const casesOf = (personId: string) => q((db) => db.select().from(schema.applications).where(eq(schema.applications.personId, personId)));

describe('待核实：空白的转诊、就医地不按“是”猜，由工作人员补填后照常办理', () => {
  it('无锡一行没填“按规定转诊”：先待核实、不办理；受理员补填后按同一规则直接办理，核实写入审计', async () => {
    const clerk = await staff('clerk');
    const id = idNumber(701);
    const { personId } = await person(id, { category: 'dibao' });
    const job = await importFile(clerk, csvOf([{ no: 'JS-H1', id, date: '2026-03-01', total: 1_200_000, policy: 1_000_000, basic: 600_000, referred: '' }]));
    expect(job.result).toMatchObject({ inserted: 1, held: 1, cases: [] });
    expect(await casesOf(personId)).toHaveLength(0);

    const held = await heldSettlements(clerk);
    const row = held.rows.find((r) => r.settlementNo === 'JS-H1')!;
    expect(row).toMatchObject({ reason: '按规定转诊没有填写', fields: ['referred'], personMasked: expect.stringContaining('张') });

    // Nothing chosen: the clerk is asked, nothing is released.
    expect(await resolveHeldSettlement(clerk, row.id, {})).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { referred: '请选择是否按规定转诊' } });
    // Another region's clerk cannot see or fill it (404).
    const shanghai = await staff('clerk', 'shanghai');
    expect(await resolveHeldSettlement(shanghai, row.id, { referred: 'yes' })).toMatchObject({ ok: false, code: 'not_found' });
    expect((await heldSettlements(shanghai)).rows.map((r) => r.settlementNo)).not.toContain('JS-H1');

    // 政策范围内 10,000 元 − 基本医保 6,000 元 = 4,000 元 × 85%（无锡低保，001 四(六)）= 3,400 元 = 340,000 分.
    const r = await resolveHeldSettlement(clerk, row.id, { referred: 'yes' });
    expect(r).toMatchObject({ ok: true, settlementNo: 'JS-H1', award: { amountFen: 340_000 } });
    const cases = await casesOf(personId);
    expect(cases.map((c) => [c.status, c.decidedAmountFen, c.decisionClause])).toEqual([['approved', 340_000, '001 五(十)']]);
    const [s] = await q((db) => db.select().from(schema.settlements).where(eq(schema.settlements.settlementNo, 'JS-H1')));
    expect(s).toMatchObject({ holdReason: null, applicationId: cases[0]!.id });
    const audit = await q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, row.id)));
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([['settlement.resolve_hold', clerk.id]]);

    // Filled once: a second clerk finds nothing to fill, and the list no longer shows it.
    expect(await resolveHeldSettlement(await staff('clerk'), row.id, { referred: 'no' })).toMatchObject({ ok: false, code: 'not_found' });
    expect((await heldSettlements(clerk)).rows.map((x) => x.settlementNo)).not.toContain('JS-H1');
  });

  it('补填“未按规定转诊”：无锡低保对象的救助不看转诊，照付；同一人年已办理的不重复支付', async () => {
    const clerk = await staff('clerk');
    const id = idNumber(702);
    const { personId } = await person(id, { category: 'dibao' });
    // JS-H2 is fine and awarded at import: (10,000 − 6,000) × 85% = 3,400 元. JS-H3 (blank place) waits.
    await importFile(clerk, csvOf([
      { no: 'JS-H2', id, date: '2026-03-01', total: 1_200_000, policy: 1_000_000, basic: 600_000 },
      { no: 'JS-H3', id, date: '2026-04-01', kind: '普通门急诊', total: 250_000, policy: 200_000, basic: 100_000, place: '' },
    ]));
    expect((await casesOf(personId)).map((c) => c.decidedAmountFen)).toEqual([340_000]);
    const row = (await heldSettlements(clerk)).rows.find((r) => r.settlementNo === 'JS-H3')!;
    expect(row.fields).toEqual(['location']);
    // The year again over both visits: 3,400 + (2,000 − 1,000) × 85% = 3,400 + 850 = 4,250 元; 3,400 already settled → 850 元 = 85,000 分.
    const r = await resolveHeldSettlement(clerk, row.id, { location: 'local' });
    expect(r).toMatchObject({ ok: true, award: { amountFen: 85_000 } });
    expect((await casesOf(personId)).map((c) => c.decidedAmountFen).sort((a, b) => a! - b!)).toEqual([85_000, 340_000]);
  });

  it('审计员能看到待核实的记录，不能补填；不在直接办理范围的人补填后说明须依申请', async () => {
    const clerk = await staff('clerk');
    const id = idNumber(703);
    await person(id, { category: null });
    await importFile(clerk, csvOf([{ no: 'JS-H4', id, date: '2026-03-01', total: 1_200_000, policy: 1_000_000, basic: 600_000, referred: '' }]));
    const auditor = await staff('auditor');
    const row = (await heldSettlements(auditor)).rows.find((r) => r.settlementNo === 'JS-H4')!;
    expect(row).toBeDefined();
    expect(await resolveHeldSettlement(auditor, row.id, { referred: 'yes' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await resolveHeldSettlement(clerk, row.id, { referred: 'yes' })).toMatchObject({ ok: true, award: null, note: '此人不在本地区直接办理的范围内，须依申请办理。' });
  });
});
