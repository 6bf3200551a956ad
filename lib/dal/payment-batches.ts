import 'server-only';
import { openName } from '@/lib/personal/records';
// The bank side of the ledger: the list of approved-unpaid cases, the batch file sent to the bank (with a
// checksum row: count and total fen), and the bank's result file, imported all or nothing.
//
// Batch file (UTF-8 with BOM, for spreadsheet programs): columns BATCH_COLUMNS, one line per case, then the
// checksum row: 批次号, <count>, 合计, "", "", "", <total fen>, <total yuan>.
// Result file: a header naming at least 批次号, 申请编号, 金额（分）, 结果 (成功 or 失败) and, for a failure, 说明
// (the bank's reason); other columns (the batch's own) are ignored, so the bank may return the batch file with
// the two columns added. A checksum row (申请编号 = 合计), if present, must agree with the lines.
import { randomBytes } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { decrypt } from '@/lib/personal/crypto';
import { writeAudit } from '@/lib/dal/audit';
import { deriveState, type Derived } from '@/lib/dal/ledger';
import type { SessionUser } from '@/lib/dal/users';
import { maskName, todayInShanghai } from '@/lib/format';
import { refuse, type Refusal, type Result } from '@/lib/result';
import { q, schema, transaction } from '@/lib/store/db';
import { perform } from '@/lib/workflow';
import { Abort } from '@/lib/workflow/run';
import { STATUS_TEXT } from '@/lib/workflow/states';
import { staffAreaWhere } from '@/lib/dal/access';
import { ACTING_STAFF } from '@/lib/auth/roles';

export const PAYERS = ACTING_STAFF;
export const BATCH_COLUMNS = ['批次号', '序号', '申请编号', '收款人', '开户银行', '收款账号', '金额（分）', '金额（元）'] as const;
export const RESULT_COLUMNS = { batch: '批次号', ref: '申请编号', amount: '金额（分）', result: '结果', reason: '说明' } as const;
const CHECKSUM = '合计';

export type UnpaidCase = { applicationId: string; ref: string; name: string | null; bankName: string | null; bankAccountLast4: string | null; decidedAt: string | null; derived: Derived };

/**
 * Approved cases of the actor's region (and district, for staff of one: they see that district's cases only, as
 * lib/dal/access.ts canAccess says) with money outstanding (auditors may read it).
 */
export async function approvedUnpaid(actor: SessionUser): Promise<UnpaidCase[]> {
  if (actor.role === 'resident' || !actor.region) return [];
  const t = schema.applications;
  const apps = await q((db) =>
    db
      .select({ id: t.id, ref: t.ref, bankName: t.bankName, last4: t.bankAccountLast4, decidedAt: t.decidedAt, nameEnc: schema.persons.nameEnc })
      .from(t)
      .leftJoin(schema.persons, eq(schema.persons.id, t.personId))
      .where(and(staffAreaWhere(actor, t.region, t.district), eq(t.status, 'approved')))
      .orderBy(asc(t.decidedAt), asc(t.ref)),
  );
  if (apps.length === 0) return [];
  const p = schema.payments;
  const rows = await q((db) => db.select().from(p).where(inArray(p.applicationId, apps.map((a) => a.id))).orderBy(asc(p.createdAt)));
  return apps
    .map((a) => ({
      applicationId: a.id, ref: a.ref!, name: a.nameEnc ? openName(a.nameEnc) : null, bankName: a.bankName, bankAccountLast4: a.last4, decidedAt: a.decidedAt,
      derived: deriveState(rows.filter((r) => r.applicationId === a.id)),
    }))
    .filter((c) => c.derived.outstandingFen > 0);
}

export type BatchLine = { ref: string; name: string; bankName: string; account: string; amountFen: number };

const yuanText = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** The batch file's text (pure): one line per case and the checksum row. */
export function bankBatchCsv(batchRef: string, lines: readonly BatchLine[]): { csv: string; count: number; totalFen: number } {
  const totalFen = lines.reduce((a, l) => a + l.amountFen, 0);
  const records = lines.map((l, i) => [batchRef, String(i + 1), l.ref, l.name, l.bankName, l.account, String(l.amountFen), yuanText(l.amountFen)]);
  records.push([batchRef, String(lines.length), CHECKSUM, '', '', '', String(totalFen), yuanText(totalFen)]);
  return { csv: stringify(records, { header: true, columns: [...BATCH_COLUMNS], bom: true, record_delimiter: 'windows' }), count: lines.length, totalFen };
}

export function newBatchRef(now: Date): string {
  return `PAY-${todayInShanghai(now).replaceAll('-', '')}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

/** The batch file for every approved-unpaid case; the export is audited (count, total, references: no names). */
export async function exportBankBatch(actor: SessionUser, ctx: { ip?: string | null; now?: Date } = {}): Promise<Result<{ csv: string; fileName: string; asciiName: string; batchRef: string; count: number; totalFen: number }>> {
  if (!(PAYERS as readonly string[]).includes(actor.role)) return refuse('forbidden', '只有受理员、审核员和管理员可以导出发放批次。');
  const now = ctx.now ?? new Date();
  const cases = await approvedUnpaid(actor);
  if (cases.length === 0) return refuse('conflict', '没有待发放的申请，无需导出。');
  const accounts = await q((db) =>
    db.select({ id: schema.applications.id, enc: schema.applications.bankAccountEnc }).from(schema.applications).where(inArray(schema.applications.id, cases.map((c) => c.applicationId))),
  );
  // A case without a bank account (免申即享: nobody applied, so nobody gave one) cannot go to the bank; it is paid
  // through the channel that pays the person's 低保/特困 benefit and recorded on its case page.
  const lines: BatchLine[] = cases.flatMap((c) => {
    const enc = accounts.find((a) => a.id === c.applicationId)?.enc;
    return enc ? [{ ref: c.ref, name: c.name ?? '', bankName: c.bankName ?? '', account: decrypt(enc), amountFen: c.derived.outstandingFen }] : [];
  });
  if (lines.length === 0) return refuse('conflict', '待发放的申请都没有银行账户（免申即享的救助不经申请，没有填写账户），不能导出银行批次：请按救助对象原有的发放渠道发放后，在案件页面登记发放。');
  const batchRef = newBatchRef(now);
  const file = bankBatchCsv(batchRef, lines);
  await writeAudit({
    actorUserId: actor.id, actorRole: actor.role, action: 'payments.export_batch', entity: 'payment_batch', entityId: batchRef, ip: ctx.ip,
    summary: { batchRef, count: file.count, totalFen: file.totalFen, refs: lines.map((l) => l.ref) },
  });
  // Masked as on screen, with 某 for the hidden characters (browsers and Windows refuse '*' in a file name).
  const first = maskName(lines[0]!.name || '申请人').replaceAll('*', '某');
  return {
    ok: true, ...file, batchRef,
    fileName: `发放批次_${batchRef}_${first}${lines.length > 1 ? `等${lines.length}人` : ''}.csv`,
    asciiName: `bank-batch-${batchRef}.csv`,
  };
}

export type LineError = { line: number; message: string };
export type ImportRefusal = Refusal & { lines: LineError[] };
export type ImportResult = Result<{ paid: number; failed: number; batchRefs: string[] }> | ImportRefusal;

type ParsedLine = { line: number; batchRef: string; ref: string; amountFen: number; success: boolean; reason: string };

const refusal = (lines: LineError[]): ImportRefusal => ({
  ...refuse('invalid', `结果文件有 ${lines.length} 处问题，没有登记任何一行。请改正后重新导入整个文件。`),
  lines,
});

/**
 * Reads the bank's result file and marks each line paid (record_payment) or failed (record_payment_failure) with
 * its batch reference. Every line is checked first; then all are applied in one transaction, or none.
 */
export async function importBankResult(actor: SessionUser, text: string, ctx: { ip?: string | null; now?: Date } = {}): Promise<ImportResult> {
  if (!(PAYERS as readonly string[]).includes(actor.role)) return refuse('forbidden', '只有受理员、审核员和管理员可以导入银行结果。');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return refusal([{ line, message: `第 ${line} 行：无法读取（引号或分隔符不完整），请用银行导出的原文件。` }]);
  }
  if (records.length === 0) return refusal([{ line: 1, message: '第 1 行：文件是空的。' }]);
  const header = records[0]!.record;
  const col = Object.fromEntries(Object.entries(RESULT_COLUMNS).map(([k, name]) => [k, header.indexOf(name)])) as Record<keyof typeof RESULT_COLUMNS, number>;
  const missing = Object.entries(RESULT_COLUMNS).filter(([k]) => k !== 'reason' && col[k as keyof typeof RESULT_COLUMNS] < 0).map(([, n]) => n);
  if (missing.length) return refusal([{ line: records[0]!.info.lines, message: `第 ${records[0]!.info.lines} 行（表头）：缺少列 ${missing.join('、')}。` }]);

  const errors: LineError[] = [];
  const lines: ParsedLine[] = [];
  let checksum: { line: number; count: string; totalFen: string } | null = null;
  const seen = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const cell = (k: keyof typeof RESULT_COLUMNS) => (col[k] >= 0 ? (record[col[k]] ?? '').trim() : '');
    const err = (message: string) => errors.push({ line, message: `第 ${line} 行：${message}` });
    const ref = cell('ref');
    if (ref === CHECKSUM) {
      checksum = { line, count: record[header.indexOf('序号')] ?? '', totalFen: cell('amount') };
      continue;
    }
    const batchRef = cell('batch');
    const amountText = cell('amount');
    const result = cell('result');
    const reason = cell('reason');
    if (!ref) {
      err('没有填写申请编号。');
      continue;
    }
    if (!/^[A-Za-z0-9-]{1,40}$/.test(batchRef)) err('批次号为空或格式不对（只能有字母、数字和“-”）。');
    if (!/^\d{1,15}$/.test(amountText)) err(`金额“${amountText}”不是以分为单位的整数。`);
    if (result !== '成功' && result !== '失败') err(`结果“${result}”无法识别，只能是“成功”或“失败”。`);
    if (result === '失败' && !reason) err('结果为“失败”时，“说明”一列须写明银行给出的原因。');
    if (seen.has(ref)) err(`申请 ${ref} 在第 ${seen.get(ref)} 行已经出现过。`);
    seen.set(ref, line);
    lines.push({ line, batchRef, ref, amountFen: Number(amountText), success: result === '成功', reason });
  }
  if (lines.length === 0 && errors.length === 0) errors.push({ line: records[0]!.info.lines, message: '文件里没有结果行。' });

  // Every case named must be this region's, approved, with exactly the amount outstanding.
  const refs = lines.map((l) => l.ref);
  const t = schema.applications;
  const apps = refs.length ? await q((db) => db.select({ id: t.id, ref: t.ref, status: t.status, region: t.region }).from(t).where(inArray(t.ref, refs))) : [];
  const p = schema.payments;
  const rows = apps.length ? await q((db) => db.select().from(p).where(inArray(p.applicationId, apps.map((a) => a.id))).orderBy(asc(p.createdAt))) : [];
  for (const l of lines) {
    const app = apps.find((a) => a.ref === l.ref);
    if (!app || app.region !== actor.region) {
      errors.push({ line: l.line, message: `第 ${l.line} 行：没有找到申请 ${l.ref}，或不属于本地区。` });
      continue;
    }
    if (app.status !== 'approved') {
      errors.push({ line: l.line, message: `第 ${l.line} 行：申请 ${l.ref} 当前状态为“${STATUS_TEXT[app.status].label}”，不能登记发放结果。` });
      continue;
    }
    const owed = deriveState(rows.filter((r) => r.applicationId === app.id)).outstandingFen;
    if (Number.isInteger(l.amountFen) && l.amountFen !== owed) errors.push({ line: l.line, message: `第 ${l.line} 行：金额 ${l.amountFen} 分与待发放金额 ${owed} 分不一致。` });
  }
  if (checksum) {
    const c = checksum;
    const total = lines.reduce((a, l) => a + l.amountFen, 0);
    if (c.count && c.count !== String(lines.length)) errors.push({ line: c.line, message: `第 ${c.line} 行（合计）：笔数 ${c.count} 与文件中的 ${lines.length} 笔不一致。` });
    if (c.totalFen !== String(total)) errors.push({ line: c.line, message: `第 ${c.line} 行（合计）：合计金额 ${c.totalFen} 分与各行之和 ${total} 分不一致。` });
  }
  if (errors.length) return refusal(errors.sort((a, b) => a.line - b.line));

  try {
    await transaction(async () => {
      for (const l of lines) {
        const r = await perform(actor, l.ref, l.success ? 'record_payment' : 'record_payment_failure', { batchRef: l.batchRef, message: l.success ? '' : l.reason }, { ip: ctx.ip, now: ctx.now });
        if (!r.ok) throw new Abort({ ...r, message: `第 ${l.line} 行：${r.message}` });
      }
      const batchRefs = [...new Set(lines.map((l) => l.batchRef))];
      await writeAudit({
        actorUserId: actor.id, actorRole: actor.role, action: 'payments.import_result', entity: 'payment_batch', entityId: batchRefs.join(','), ip: ctx.ip,
        summary: { batchRefs, paid: lines.filter((l) => l.success).length, failed: lines.filter((l) => !l.success).length, refs },
      });
    });
  } catch (error) {
    if (error instanceof Abort) {
      const m = /^第 (\d+) 行/.exec(error.refusal.message);
      return { ...refusal([{ line: Number(m?.[1] ?? 0), message: error.refusal.message }]) };
    }
    throw error;
  }
  return { ok: true, paid: lines.filter((l) => l.success).length, failed: lines.filter((l) => !l.success).length, batchRefs: [...new Set(lines.map((l) => l.batchRef))] };
}
