'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedAction, type ActionState } from '@/lib/http/action';
import { closeAccount, CORRECTION_MAX, requestCorrection, setSmsConsent } from '@/lib/dal/my-data';
import { signOut } from '@/lib/auth';

const RESIDENT = ['resident'] as const;

export type CorrectionState = ActionState & { ref?: string; dueDate?: string };

export const correctionAction = validatedAction(
  z.object({ ref: z.string().max(40).optional(), detail: z.string().max(CORRECTION_MAX, { error: `请不超过 ${CORRECTION_MAX} 字。` }) }),
  RESIDENT,
  async (input, user, { values }): Promise<CorrectionState> => {
    const result = await requestCorrection(user, { ref: input.ref || null, detail: input.detail });
    if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values };
    revalidatePath('/me/data');
    return { ok: true, message: `已收到您的更正申请，编号 ${result.ref}，将在 ${result.dueDate} 前答复。`, ref: result.ref, dueDate: result.dueDate };
  },
);

export const smsConsentAction = validatedAction(z.object({ wanted: z.enum(['yes', 'no']) }), RESIDENT, async ({ wanted }, user) => {
  await setSmsConsent(user, wanted === 'yes');
  revalidatePath('/me/data');
  redirect(`/me/data?sms=${wanted === 'yes' ? 'on' : 'off'}`);
});

export const closeAccountAction = validatedAction(z.object({ confirm: z.string().optional() }), RESIDENT, async ({ confirm }, user) => {
  if (confirm !== 'yes') redirect('/me/data?error=confirm');
  const result = await closeAccount(user);
  if (!result.ok) redirect('/me/data?error=close');
  await signOut({ redirect: false });
  redirect(`/login?closed=${encodeURIComponent(result.ref)}`);
});
