'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedAction, type ActionState } from '@/lib/http/action';
import { STAFF } from '@/lib/auth/roles';
import { signOut } from '@/lib/auth';
import { changeStaffPassword, confirmSecondFactor, disableSecondFactor } from '@/lib/dal/staff-account';

const code = z.string().trim().regex(/^\d{6}$/, '请输入 6 位数字');

export const confirmSecondFactorAction = validatedAction(
  z.object({ code }),
  STAFF,
  async (input, user): Promise<ActionState> => {
    const r = await confirmSecondFactor(user, input.code);
    if (!r.ok) return { ok: false, message: r.message, fieldErrors: r.fieldErrors };
    redirect('/account/security?done=1');
  },
  { staffAccount: true },
);

export const disableSecondFactorAction = validatedAction(
  z.object({ code }),
  STAFF,
  async (input, user): Promise<ActionState> => {
    const r = await disableSecondFactor(user, input.code);
    if (!r.ok) return { ok: false, message: r.message, fieldErrors: r.fieldErrors };
    redirect('/account/security?off=1');
  },
  { staffAccount: true },
);

export const changePasswordAction = validatedAction(
  z.object({
    current: z.string().min(1, '请输入当前密码').max(256),
    next: z.string().min(1, '请输入新密码').max(512),
    confirm: z.string().max(512),
  }),
  STAFF,
  async (input, user): Promise<ActionState> => {
    if (input.next !== input.confirm) return { ok: false, message: '两次输入的新密码不一样。', fieldErrors: { confirm: '两次输入的新密码不一样，请重新输入' } };
    const r = await changeStaffPassword(user, input.current, input.next);
    if (!r.ok) return { ok: false, message: r.message, fieldErrors: r.fieldErrors };
    // Every session of this account has ended (this one too): sign in again with the new password.
    await signOut({ redirectTo: '/login?as=staff&changed=1' });
    return { ok: true };
  },
  { staffAccount: true },
);
