'use server';
// Staff actions on authorities: verify a 委托书 (approve with a note, reject with a reason from the list),
// verify a 基层工作人员's identity, revoke for a person at the counter, and link a resident account to the person record on file.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { idNumberField, phoneField } from '@/lib/validation/fields';
import { refusalState, validatedAction, type ActionState } from '@/lib/http/action';
import { revokeAuthority } from '@/lib/dal/authorities/grantor';
import { approveRequest, DECLINE_REASONS, linkAccountToPerson, ORGANISATION_MAX, rejectRequest, verifyCommunityWorker, type DeclineReason } from '@/lib/dal/authorities/staff';

const CLERK = ['clerk'] as const;
const id = z.uuid({ error: '没有找到这份委托。' });

export const verifyAction = validatedAction(
  z.object({
    id,
    decision: z.enum(['approve', 'reject'], { error: '请选择通过或不通过。' }),
    note: z.string().trim().max(200, '说明请控制在 200 字以内。').optional().default(''),
    reason: z.string().optional().default(''),
  }),
  CLERK,
  async (input, user, { values }): Promise<ActionState> => {
    if (input.decision === 'approve' && input.note.length < 2) return { ok: false, message: '有几处需要修改，请看标出的地方。', fieldErrors: { note: '请写明核验了什么（例如：委托书签字与身份证一致）。' }, values };
    if (input.decision === 'reject' && !(input.reason in DECLINE_REASONS)) return { ok: false, message: '有几处需要修改，请看标出的地方。', fieldErrors: { reason: '请选择不通过的原因。' }, values };
    const r = input.decision === 'approve' ? await approveRequest(user, input.id, input.note) : await rejectRequest(user, input.id, input.reason as DeclineReason);
    if (!r.ok) return refusalState(r, values);
    revalidatePath('/admin/authorities');
    redirect(`/admin/authorities?done=${input.decision}`);
  },
  { bound: ['id'] },
);

// The clerk saw the proxy's work card or the unit's letter and marks the account as a 基层工作人员 of the region.
export const verifyWorkerAction = validatedAction(
  z.object({
    id,
    organisation: z.string({ error: '请填写代办人所在的单位。' }).trim().min(2, '请填写代办人所在的单位（如某某街道社区居委会）。').max(ORGANISATION_MAX, `单位名称请不超过 ${ORGANISATION_MAX} 字。`),
    checked: z.literal('yes', { error: '请先核对工作证或单位证明，再勾选确认。' }),
  }),
  CLERK,
  async (input, user, { values }): Promise<ActionState> => {
    const r = await verifyCommunityWorker(user, input.id, { organisation: input.organisation });
    if (!r.ok) return refusalState(r, values);
    revalidatePath('/admin/authorities');
    redirect('/admin/authorities?done=worker');
  },
  { bound: ['id'] },
);

export const staffRevokeAction = validatedAction(z.object({ id, confirm: z.literal('yes', { error: '请勾选确认。' }) }), CLERK, async (input, user) => {
  const r = await revokeAuthority(user, input.id);
  redirect(r.ok ? '/admin/authorities?done=revoked' : `/admin/authorities/${input.id}?error=changed`);
});

export const linkAction = validatedAction(
  z.object({
    phone: phoneField(),
    idNumber: idNumberField,
    checked: z.literal('yes', { error: '请先核对身份证原件，再勾选确认。' }),
    note: z.string().trim().max(200).optional().default(''),
  }),
  CLERK,
  async (input, user, { values }): Promise<ActionState> => {
    const r = await linkAccountToPerson(user, { phone: input.phone, idNumber: input.idNumber, note: input.note });
    if (!r.ok) return refusalState(r, values);
    return { ok: true, message: `已关联：${r.name} 的登记信息现在属于这个账号。` };
  },
);
