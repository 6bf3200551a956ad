'use server';
import { requestAddress } from '@/lib/http/client-address';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedAction, type ActionState } from '@/lib/http/action';
import { BANK_VERIFIERS, decideBankChange } from '@/lib/dal/bank-changes';
import { importBankResult, PAYERS, type LineError } from '@/lib/dal/payment-batches';

export type ImportState = { ok: boolean; message?: string; fieldErrors?: Record<string, string>; lines?: LineError[] };

const MAX_BYTES = 2 * 1024 * 1024;

/** The bank's result file: every line checked, then all registered in one transaction, or none. */
export const importResultAction = validatedAction(z.object({}), PAYERS, async (_input, user, { formData }): Promise<ImportState> => {
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: '请选择银行返回的结果文件（CSV）。', fieldErrors: { file: '请选择银行返回的结果文件（CSV）。' } };
  if (file.size > MAX_BYTES) return { ok: false, message: '文件超过 2 MB，请确认是否选错了文件。', fieldErrors: { file: '文件超过 2 MB' } };
  const r = await importBankResult(user, await file.text(), { ip: await requestAddress() });
  if (!r.ok) return { ok: false, message: r.message, lines: 'lines' in r ? r.lines : undefined };
  revalidatePath('/admin/payments');
  return { ok: true, message: `已登记：发放成功 ${r.paid} 笔，发放失败 ${r.failed} 笔（批次 ${r.batchRefs.join('、')}）。` };
});

/** A clerk or reviewer verifies (or refuses) a payee's new account; four eyes with the case's approver. */
export const decideBankChangeAction = validatedAction(
  z.object({ id: z.uuid({ error: '没有找到这个更换申请。' }), decision: z.enum(['verified', 'refused'], { error: '请选择核实结果' }), answer: z.string().max(300, '说明不能超过 300 字').default('') }),
  BANK_VERIFIERS,
  async (input, user, { values }): Promise<ActionState> => {
    const r = await decideBankChange(user, input.id, input, await requestAddress());
    if (!r.ok) return { ok: false, message: r.message, fieldErrors: r.fieldErrors, values };
    revalidatePath('/admin/payments');
    return { ok: true, message: input.decision === 'verified' ? `已核实 ${r.ref} 的新账户，下一批发放起使用。` : `已退回 ${r.ref} 的更换申请。` };
  },
  { bound: ['id'] },
);
