import '../helpers/test-db';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { approvedUnpaid, bankBatchCsv, exportBankBatch, importBankResult } from '@/lib/dal/payment-batches';
import { q, schema } from '@/lib/store/db';
import { perform } from '@/lib/workflow';
import { testDialect } from '../helpers/test-db';
import { caseFor, ledgerRows, person, staffUser } from './fixtures';

describe(`银行发放批次（${testDialect}）`, () => {
  it('批次文件的合计行：笔数和分的总额（手算）', () => {
    const line = { name: '王芳', bankName: '工行', account: '6222020000001234567' };
    const { csv, count, totalFen } = bankBatchCsv('PAY-20260701-ABCDEF', [
      { ...line, ref: 'WX-2026-000001', amountFen: 123456 },
      { ...line, ref: 'WX-2026-000002', amountFen: 1 },
      { ...line, name: '赵, "大年"', ref: 'WX-2026-000003', amountFen: 40000 },
    ]);
    // 123456 + 1 + 40000 = 163457 fen = 1634.57 元, 3 lines
    expect([count, totalFen]).toEqual([3, 163457]);
    expect(csv.startsWith('\ufeff批次号,序号,申请编号')).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows).toHaveLength(5);
    expect(rows[2]!.slice(6)).toEqual(['1', '0.01']);
    expect(rows[3]![3]).toBe('赵, "大年"');
    expect(rows[4]).toEqual(['PAY-20260701-ABCDEF', '3', '合计', '', '', '', '163457', '1634.57']);
  });

  it('导出待发放的批次并写入审计（只有编号、笔数和金额，没有姓名）', async () => {
    const reviewer = await staffUser('reviewer', 'shanghai');
    const clerk = await staffUser('clerk', 'shanghai');
    const a = await caseFor((await person('钱多多')).id, { region: 'shanghai' });
    const b = await caseFor((await person('孙小')).id, { region: 'shanghai' });
    await perform(reviewer, a.ref, 'approve', { amountFen: 400000 });
    await perform(reviewer, b.ref, 'approve', { amountFen: 969000 });
    const auditor = await staffUser('auditor', 'shanghai');
    expect(await exportBankBatch(auditor)).toMatchObject({ ok: false, code: 'forbidden' });
    const r = await exportBankBatch(clerk, { ip: '10.0.0.1' });
    if (!r.ok) throw new Error(r.message);
    // 400000 + 969000 = 1369000 fen over 2 lines
    expect([r.count, r.totalFen]).toEqual([2, 1369000]);
    expect(r.fileName).toMatch(/^发放批次_PAY-\d{8}-[0-9A-F]{6}_钱某多等2人\.csv$/);
    expect(r.csv).toContain('6222020000001234567');
    const [audit] = await q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, r.batchRef)));
    expect(audit).toMatchObject({ action: 'payments.export_batch', actorUserId: clerk.id, ip: '10.0.0.1', summary: { count: 2, totalFen: 1369000, refs: [a.ref, b.ref] } });
    expect(JSON.stringify(audit)).not.toMatch(/钱|孙|6222/);
  });

  it('没有银行账户的待发放案件（免申即享）不进入银行批次；都没有账户时说明怎么办', async () => {
    const reviewer = await staffUser('reviewer', 'chongqing-shapingba');
    const clerk = await staffUser('clerk', 'chongqing-shapingba');
    const withAccount = await caseFor((await person('周有卡')).id, { region: 'chongqing-shapingba' });
    const without = await caseFor((await person('吴无卡')).id, { region: 'chongqing-shapingba' });
    await q((db) => db.update(schema.applications).set({ bankAccountEnc: null, bankAccountLast4: null, bankName: null }).where(eq(schema.applications.id, without.id)));
    await perform(reviewer, withAccount.ref, 'approve', { amountFen: 120000 });
    await perform(reviewer, without.ref, 'approve', { amountFen: 80000 });
    const r = await exportBankBatch(clerk);
    if (!r.ok) throw new Error(r.message);
    // Only the case with an account: 1 line, 120000 fen; the other stays approved-unpaid for the counter to record.
    expect([r.count, r.totalFen]).toEqual([1, 120000]);
    expect(r.csv).toContain(withAccount.ref);
    expect(r.csv).not.toContain(without.ref);
    expect((await approvedUnpaid(clerk)).map((c) => c.ref).sort()).toEqual([withAccount.ref, without.ref].sort());
    // Once the one with an account is paid, nothing can go to the bank: refused with the way forward.
    expect(await perform(clerk, withAccount.ref, 'record_payment', {})).toMatchObject({ ok: true });
    const none = await exportBankBatch(clerk);
    expect(none).toMatchObject({ ok: false, code: 'conflict' });
    expect(!none.ok && none.message).toContain('在案件页面登记发放');
  });

  it('结果文件有一行错：什么都不登记，错误写明行号；改正后整份登记', async () => {
    const reviewer = await staffUser('reviewer');
    const clerk = await staffUser('clerk');
    const a = await caseFor((await person()).id);
    const b = await caseFor((await person()).id);
    await perform(reviewer, a.ref, 'approve', { amountFen: 50000 });
    await perform(reviewer, b.ref, 'approve', { amountFen: 70000 });
    const before = [await ledgerRows(a.id), await ledgerRows(b.id)];
    const header = '批次号,申请编号,金额（分）,结果,说明';
    // Line 3 (b) says 7000 fen where 70000 are outstanding.
    const bad = [header, `PAY-20260701-AAAAAA,${a.ref},50000,成功,`, `PAY-20260701-AAAAAA,${b.ref},7000,成功,`].join('\n');
    const refused = await importBankResult(clerk, bad);
    expect(refused).toMatchObject({ ok: false, code: 'invalid', lines: [{ line: 3 }] });
    expect(!refused.ok && 'lines' in refused && refused.lines[0]!.message).toBe('第 3 行：金额 7000 分与待发放金额 70000 分不一致。');
    expect([await ledgerRows(a.id), await ledgerRows(b.id)]).toEqual(before);
    const statuses = await q((db) => db.select({ ref: schema.applications.ref, status: schema.applications.status }).from(schema.applications));
    expect(statuses.filter((s) => s.ref === a.ref || s.ref === b.ref).map((s) => s.status)).toEqual(['approved', 'approved']);

    // Several problems at once, each with its line; a checksum row that disagrees is named too.
    const many = [header, `PAY-20260701-AAAAAA,${a.ref},50000,到账,`, `,${b.ref},70000,失败,`, `PAY-20260701-AAAAAA,合计,1,,`].join('\n');
    const r2 = await importBankResult(clerk, many);
    expect(!r2.ok && 'lines' in r2 && r2.lines.map((l) => l.line)).toEqual([2, 3, 3, 4]);

    const good = [header, `PAY-20260701-AAAAAA,${a.ref},50000,成功,`, `PAY-20260701-AAAAAA,${b.ref},70000,失败,户名不符`].join('\n');
    expect(await importBankResult(clerk, good)).toEqual({ ok: true, paid: 1, failed: 1, batchRefs: ['PAY-20260701-AAAAAA'] });
    expect((await ledgerRows(a.id)).map((r) => [r.kind, r.batchRef])).toEqual([['approval', null], ['payment', 'PAY-20260701-AAAAAA']]);
    expect((await ledgerRows(b.id)).map((r) => [r.kind, r.reason])).toEqual([['approval', null], ['failure', '户名不符']]);
    // b is still owed and listed for the next batch; a is paid and gone from the list.
    expect((await approvedUnpaid(clerk)).map((c) => [c.ref, c.derived.state])).toEqual(expect.arrayContaining([[b.ref, 'failed']]));
    expect((await approvedUnpaid(clerk)).some((c) => c.ref === a.ref)).toBe(false);
    // Importing the same file again: a is no longer approved → refused, nothing changes.
    const again = await importBankResult(clerk, good);
    expect(!again.ok && 'lines' in again && again.lines[0]!.message).toContain(`第 2 行：申请 ${a.ref} 当前状态为“救助金已发放”`);
  });

  it('别的地区的申请不能通过结果文件登记', async () => {
    const reviewer = await staffUser('reviewer', 'shanghai');
    const wuxiClerk = await staffUser('clerk', 'wuxi');
    const c = await caseFor((await person()).id, { region: 'shanghai' });
    await perform(reviewer, c.ref, 'approve', { amountFen: 1000 });
    const r = await importBankResult(wuxiClerk, `批次号,申请编号,金额（分）,结果\nPAY-1,${c.ref},1000,成功\n`);
    expect(!r.ok && 'lines' in r && r.lines[0]!.message).toBe(`第 2 行：没有找到申请 ${c.ref}，或不属于本地区。`);
  });
});
