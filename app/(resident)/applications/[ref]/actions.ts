'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { clientAddress } from '@/lib/client-address';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedAction } from '@/lib/action';
import { perform } from '@/lib/workflow';

export type RespondState = { ok: boolean; message?: string; fieldErrors?: Record<string, string>; values?: { message: string } };

const ref = z.string().regex(/^[A-Z]{2}-\d{4}-\d{6}$/, '没有找到这份申请。');

export const respondAction = validatedAction(
  z.object({ ref, message: z.string().optional().default('') }),
  ['resident'],
  async (input, user): Promise<RespondState> => {
    const result = await perform(user, input.ref, 'answer', { message: input.message }, { ip: clientAddress(await headers()) });
    if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values: { message: input.message } };
    revalidatePath(`/applications/${input.ref}`);
    return { ok: true, message: '补正材料已提交，申请回到审核中。' };
  },
  { bound: ['ref'] },
);

export const withdrawAction = validatedAction(
  z.object({ ref, confirm: z.literal('yes', { error: '请勾选“我确认撤回这份申请”。' }) }),
  ['resident'],
  async (input, user): Promise<RespondState> => {
    const result = await perform(user, input.ref, 'withdraw', { message: '申请人撤回' });
    if (!result.ok) return { ok: false, message: result.message };
    revalidatePath(`/applications/${input.ref}`);
    redirect(`/applications/${input.ref}?withdrawn=1`);
  },
  { bound: ['ref'] },
);
