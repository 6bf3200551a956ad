'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { transition } from '@/lib/dal/applications';
import { requireUser } from '@/lib/session';

export type RespondState = { ok: boolean; message?: string; fieldErrors?: Record<string, string>; values?: { message: string } };

export async function respondAction(ref: string, _prev: RespondState, formData: FormData): Promise<RespondState> {
  const user = await requireUser(['resident']);
  const message = String(formData.get('message') ?? '');
  const result = await transition(user, ref, 'answer', { message }, { ip: (await headers()).get('x-forwarded-for') });
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values: { message } };
  revalidatePath(`/applications/${ref}`);
  return { ok: true, message: '补正材料已提交，申请回到审核中。' };
}

export async function withdrawAction(ref: string, _prev: RespondState, formData: FormData): Promise<RespondState> {
  const user = await requireUser(['resident']);
  if (formData.get('confirm') !== 'yes') return { ok: false, message: '请勾选“我确认撤回这份申请”。' };
  const result = await transition(user, ref, 'withdraw', { message: '申请人撤回' });
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath(`/applications/${ref}`);
  redirect(`/applications/${ref}?withdrawn=1`);
}
