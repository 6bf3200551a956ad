'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedAction, type ActionState } from '@/lib/http/action';
import { requestAddress } from '@/lib/http/client-address';
import { heldFillSchema, resolveHeldSettlement } from '@/lib/dal/held-settlements';
import { IMPORTERS, startSettlementImport } from '@/lib/dal/settlements';
import type { LineError } from '@/lib/office/settlement-file';

export type ImportState = { ok: boolean; message?: string; fieldErrors?: Record<string, string>; lines?: LineError[]; errorCount?: number; values?: Record<string, string> };

// Server actions take at most 12 MB (next.config.mjs); a year of a district's settlements fits well inside.
const MAX_BYTES = 11 * 1024 * 1024;
const day = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `请填写${label}，如 2026-01-01`);

/** Checks the whole file; if it may go ahead, starts the import job and opens its progress page. */
export const importSettlementsAction = validatedAction(
  z.object({ from: day('起始日期'), to: day('截止日期'), goodOnly: z.string().optional() }),
  IMPORTERS,
  async (input, user, { formData, values }): Promise<ImportState> => {
    const kept = { from: input.from, to: input.to, goodOnly: input.goodOnly ? 'yes' : '' };
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) return { ok: false, message: '请选择结算记录文件（CSV）。', fieldErrors: { file: '请选择结算记录文件（CSV）' }, values: kept };
    if (file.size > MAX_BYTES) return { ok: false, message: '文件超过 11 MB，请按月份分成几个文件导入。', fieldErrors: { file: '文件超过 11 MB' }, values: kept };
    void values;
    const r = await startSettlementImport(user, { text: await file.text(), fileName: file.name, from: input.from, to: input.to, goodOnly: Boolean(input.goodOnly) }, { ip: await requestAddress() });
    if (!r.ok) return { ok: false, message: r.message, fieldErrors: 'fieldErrors' in r ? r.fieldErrors : undefined, lines: 'lines' in r ? r.lines : undefined, errorCount: 'errorCount' in r ? r.errorCount : undefined, values: kept };
    redirect(`/admin/jobs/${r.jobId}`);
  },
  { invalid: (fieldErrors, values) => ({ ok: false, message: '有几处需要修改，请看标出的地方。', fieldErrors, values: values as Record<string, string> }) },
);

/** A clerk fills a held (待核实) row's blank cells; the row then goes through 直接办理 like any other. */
export const resolveHeldAction = validatedAction(
  heldFillSchema.extend({ id: z.string({ error: '没有找到这条结算记录。' }).min(1).max(80) }),
  IMPORTERS,
  async ({ id, ...fill }, user, { values }): Promise<ActionState> => {
    const r = await resolveHeldSettlement(user, id, fill, { ip: await requestAddress() });
    if (!r.ok) return { ok: false, message: r.message, fieldErrors: r.fieldErrors, values };
    // The row leaves the list, so its form goes too: the page says what happened.
    const said = new URLSearchParams({ resolved: r.settlementNo, ...(r.award ? { ref: r.award.ref, fen: String(r.award.amountFen) } : { note: r.note }) });
    revalidatePath('/admin/imports');
    redirect(`/admin/imports?${said}#held-h`);
  },
  { bound: ['id'], invalid: (fieldErrors, values) => ({ ok: false, message: '请把没有填写的项目补全。', fieldErrors, values }) },
);
