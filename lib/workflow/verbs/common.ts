import { z } from 'zod';
import { formatMoney } from '@/lib/format';
import { ACTION_TEXT, STATUS_TEXT, type TransitionName } from '@/lib/workflow/states';
import type { ApplicationStatus } from '@/db/schema';

/** Free text a person writes (a note, a reason): trimmed, at most 1000 characters. */
export const note = (required: string) => z.string({ error: required }).trim().min(1, required).max(1000, '说明不能超过 1000 字');
export const optionalNote = z.string().trim().max(1000, '说明不能超过 1000 字').optional().default('');

/** A whole number of fen, zero or more (money is never a float). */
export const fen = (required: string) => z.number({ error: required }).int(required).min(0, required).max(Number.MAX_SAFE_INTEGER, required);

/** Joins sentences without doubling the full stop. */
export function sentences(...parts: (string | null | undefined)[]): string {
  return parts
    .map((p) => p?.trim())
    .filter((p): p is string => Boolean(p))
    .map((p) => (/[。！？.!?]$/.test(p) ? p : `${p}。`))
    .join('');
}

/** The usual notice: the new status, what happened, what to do now; a short SMS pointing to the portal. */
export function statusNotice(name: TransitionName, ref: string, to: ApplicationStatus, detail?: string | null, amountFen?: number) {
  const what = amountFen !== undefined ? `核定救助金额 ${formatMoney(amountFen)}` : detail;
  return {
    title: `申请 ${ref}：${STATUS_TEXT[to].label}`,
    body: sentences(what, STATUS_TEXT[to].next),
    sms: `【医疗救助】您的申请 ${ref} ${name === 'answer' ? '已收到补正材料' : `状态更新为：${STATUS_TEXT[to].label}`}，请登录查看。`,
  };
}

export { ACTION_TEXT };

/** The bank batch reference a payment or failure came back under (letters, digits and -, as the export makes them). */
export const batchRef = z
  .string()
  .trim()
  .max(40, '批次号不能超过 40 个字符')
  .regex(/^[A-Za-z0-9-]*$/, '批次号只能包含字母、数字和“-”')
  .optional()
  .transform((v) => v || undefined);
