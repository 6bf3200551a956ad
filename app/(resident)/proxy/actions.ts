'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { idNumberField, phoneField } from '@/lib/validation/fields';
import { refusalState, validatedAction, type ActionState } from '@/lib/http/action';
import { CHOOSABLE_RELATIONSHIPS, GRANTABLE_SCOPES } from '@/lib/authority/states';
import { cancelInvitation, inviteProxy, revokeAuthority } from '@/lib/dal/authorities/grantor';
import { acceptInvitation, declineInvitation, requestByDocument } from '@/lib/dal/authorities/proxy';
import { APPLY_REGIONS } from '@/lib/check/views';

const RESIDENT = ['resident'] as const;
const date = (what: string) => z.string({ error: `请填写${what}。` }).regex(/^\d{4}-\d{2}-\d{2}$/, `请填写${what}（年-月-日）。`);
const scope = z
  .union([z.enum(GRANTABLE_SCOPES), z.array(z.enum(GRANTABLE_SCOPES))], { error: '请至少选择一项可以代办的事务。' })
  .transform((v) => (Array.isArray(v) ? v : [v]));
const relationship = z.enum(CHOOSABLE_RELATIONSHIPS, { error: '请选择代办人与委托人的关系。' });
const authorityId = z.uuid({ error: '没有找到这份委托。' });

export const inviteAction = validatedAction(
  z.object({
    phone: phoneField(),
    relationship,
    scope,
    validFrom: date('开始日期'),
    validTo: date('结束日期'),
    which: z.string().optional(),
  }),
  RESIDENT,
  async (input, user, { values }): Promise<ActionState> => {
    const applicationId = input.which && input.which !== 'all' ? input.which : null;
    const r = await inviteProxy(user, { phone: input.phone, relationship: input.relationship, scope: input.scope, validFrom: input.validFrom, validTo: input.validTo, applicationId });
    if (!r.ok) return refusalState(r, values);
    revalidatePath('/proxy');
    redirect('/proxy?done=invited');
  },
);

export const acceptAction = validatedAction(
  z.object({ id: authorityId, answer: z.string().trim().min(1, '请填写委托人身份证号码的最后 4 位。').max(8, '请填写委托人身份证号码的最后 4 位。') }),
  RESIDENT,
  async (input, user, { values }): Promise<ActionState> => {
    const r = await acceptInvitation(user, input.id, input.answer);
    if (!r.ok) return refusalState(r, values);
    revalidatePath('/proxy');
    redirect('/proxy?done=accepted');
  },
  { bound: ['id'] },
);

export const declineAction = validatedAction(z.object({ id: authorityId }), RESIDENT, async (input, user) => {
  const r = await declineInvitation(user, input.id);
  redirect(r.ok ? '/proxy?done=declined' : '/proxy?error=changed');
});

export const cancelAction = validatedAction(z.object({ id: authorityId }), RESIDENT, async (input, user) => {
  const r = await cancelInvitation(user, input.id);
  redirect(r.ok ? '/proxy?done=cancelled' : '/proxy?error=changed');
});

export const revokeAction = validatedAction(z.object({ id: authorityId }), RESIDENT, async (input, user) => {
  const r = await revokeAuthority(user, input.id);
  revalidatePath('/me');
  redirect(r.ok ? '/proxy?done=revoked' : '/proxy?error=changed');
});

function hasFile(formData: FormData, name: string): boolean {
  const f = formData.get(name);
  return typeof f === 'object' && f !== null && 'arrayBuffer' in f && f.size > 0;
}

export const requestAction = validatedAction(
  z.object({
    name: z.string().trim().min(2, '请填写委托人的姓名（与身份证一致）。').max(30, '姓名太长了。'),
    idNumber: idNumberField,
    region: z.enum(APPLY_REGIONS.map((r) => r.code) as [string, ...string[]], { error: '请选择委托人的参保地。' }),
    relationship,
    scope,
    validFrom: date('开始日期'),
    validTo: date('结束日期'),
  }),
  RESIDENT,
  async (input, user, { formData, values }): Promise<ActionState> => {
    const missing: Record<string, string> = {};
    if (!hasFile(formData, 'letter')) missing.letter = '请上传委托人签字的委托书（拍照或扫描）。';
    if (!hasFile(formData, 'proxyId')) missing.proxyId = '请上传您的身份证照片。';
    if (!hasFile(formData, 'grantorId')) missing.grantorId = '请上传委托人的身份证照片。';
    if (Object.keys(missing).length) return { ok: false, message: '有几处需要修改，请看标出的地方。', fieldErrors: missing, values };
    const read = async (name: string) => {
      const f = formData.get(name) as File;
      return { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
    };
    const r = await requestByDocument(user, input, { letter: await read('letter'), proxyId: await read('proxyId'), grantorId: await read('grantorId') });
    if (!r.ok) return refusalState(r, values);
    revalidatePath('/proxy');
    redirect('/proxy?done=requested');
  },
);
