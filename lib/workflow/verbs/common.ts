import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppRow } from '@/lib/dal/access';
import { recordApproval, type ApprovalOutcome } from '@/lib/dal/ledger';
import type { SessionUser } from '@/lib/dal/users';
import { refuse, type Refusal } from '@/lib/result';
import { q, schema, type Db } from '@/lib/store/db';
import { STATUS_TEXT, transitionNoticeBody, type TransitionName } from '@/lib/workflow/states';
import type { ApplicationStatus } from '@/db/schema';

/** Free text a person writes (a note, a reason): trimmed, at most 1000 characters. */
export const note = (required: string) => z.string({ error: required }).trim().min(1, required).max(1000, '说明不能超过 1000 字');
export const optionalNote = z.string().trim().max(1000, '说明不能超过 1000 字').optional().default('');

/** A whole number of fen, zero or more (money is never a float). */
export { fenField as fen } from '@/lib/validation/fields';

/** The usual notice: the new status, what happened, what to do now; a short SMS pointing to the portal. */
export function statusNotice(name: TransitionName, ref: string, to: ApplicationStatus, detail?: string | null, amountFen?: number) {
  return {
    title: `申请 ${ref}：${STATUS_TEXT[to].label}`,
    body: transitionNoticeBody(name, to, { amountFen, text: detail }),
    sms: `【医疗救助】您的申请 ${ref} ${name === 'answer' ? '已收到补正材料' : `状态更新为：${STATUS_TEXT[to].label}`}，请登录查看。`,
  };
}

/**
 * Four eyes (四眼原则): whoever filed an application or accepted it (受理) may not also decide it. Read from
 * the timeline, so it holds whatever role the person has now (a clerk later made reviewer, a reviewer who
 * accepted in a small office); the refusal says why and who may decide instead.
 */
export async function fourEyes(app: { id: string; filedByUserId: string }, actor: { id: string }, verb: '批准' | '不予救助'): Promise<Refusal | null> {
  if (app.filedByUserId === actor.id) return refuse('forbidden', `这份申请是您本人提交的，不能由您${verb}。请交给本地区的其他审核员决定（四眼原则）。`);
  const e = schema.events;
  const accepted = await q((db) => db.select({ id: e.id }).from(e).where(and(eq(e.applicationId, app.id), eq(e.type, 'accept'), eq(e.actorUserId, actor.id))).limit(1));
  if (accepted.length) return refuse('forbidden', `这份申请是您受理的，不能再由您${verb}。请交给本地区的其他审核员决定（四眼原则：受理和决定须由两人分别办理）。`);
  return null;
}
/** The bank batch reference a payment or failure came back under (letters, digits and -, as the export makes them). */
export const batchRef = z
  .string()
  .trim()
  .max(40, '批次号不能超过 40 个字符')
  .regex(/^[A-Za-z0-9-]*$/, '批次号只能包含字母、数字和“-”')
  .optional()
  .transform((v) => v || undefined);

/**
 * The approval's ledger rows; when a pool's annual limit leaves less room, the room left is what the case owes, and
 * the case and its event (which the decision notice reads) say so with the limit line.
 */
export async function approveAmount(c: { db: Db; actor: SessionUser; eventId: string }, app: AppRow, amountFen: number, opts: { reason?: string | null } = {}): Promise<ApprovalOutcome> {
  const out = await recordApproval(c.db, app, amountFen, c.actor, opts);
  if (out.amountFen === amountFen) return out;
  const e = schema.events;
  await c.db.update(schema.applications).set({ decidedAmountFen: out.amountFen }).where(eq(schema.applications.id, app.id));
  const [event] = await c.db.select({ data: e.data }).from(e).where(eq(e.id, c.eventId));
  await c.db.update(e).set({ data: { ...((event?.data ?? {}) as Record<string, unknown>), amountFen: out.amountFen, computedFen: amountFen, limitNote: out.limitNote } }).where(eq(e.id, c.eventId));
  return out;
}
