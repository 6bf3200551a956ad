import { z } from 'zod';
import { STATUS_TEXT, transitionNoticeBody, type TransitionName } from '@/lib/workflow/states';
import type { ApplicationStatus } from '@/db/schema';

/** Free text a person writes (a note, a reason): trimmed, at most 1000 characters. */
export const note = (required: string) => z.string({ error: required }).trim().min(1, required).max(1000, '说明不能超过 1000 字');
export const optionalNote = z.string().trim().max(1000, '说明不能超过 1000 字').optional().default('');

/** A whole number of fen, zero or more (money is never a float). */
export const fen = (required: string) => z.number({ error: required }).int(required).min(0, required).max(Number.MAX_SAFE_INTEGER, required);

/** The usual notice: the new status, what happened, what to do now; a short SMS pointing to the portal. */
export function statusNotice(name: TransitionName, ref: string, to: ApplicationStatus, detail?: string | null, amountFen?: number) {
  return {
    title: `申请 ${ref}：${STATUS_TEXT[to].label}`,
    body: transitionNoticeBody(name, { amountFen, text: detail }),
    sms: `【医疗救助】您的申请 ${ref} ${name === 'answer' ? '已收到补正材料' : `状态更新为：${STATUS_TEXT[to].label}`}，请登录查看。`,
  };
}

