'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { clientAddress } from '@/lib/http/client-address';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedAction } from '@/lib/http/action';
import { addDocument } from '@/lib/dal/documents';
import { perform } from '@/lib/workflow';

export type RespondState = { ok: boolean; message?: string; fieldErrors?: Record<string, string>; values?: { message: string } };

const ref = z.string().regex(/^[A-Z]{2}-\d{4}-\d{6}$/, '没有找到这份申请。');

/**
 * 补正 in one step: the note and the chosen files together. Without JavaScript the files come in this form;
 * with it the page has already sent them to /api/uploads with a progress bar and posts the note alone.
 * The answer verb carries every pending 补正 upload and refuses when staff required one and none came.
 */
export const respondAction = validatedAction(
  z.object({ ref, applicationId: z.uuid({ error: '没有找到这份申请。' }), message: z.string().optional().default('') }),
  ['resident'],
  async (input, user, { formData }): Promise<RespondState> => {
    const values = { message: input.message };
    const files = formData.getAll('file').filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && f.size > 0);
    for (const file of files) {
      const added = await addDocument(user, input.applicationId, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, { kind: 'supplement' });
      if (!added.ok) return { ok: false, message: added.message, fieldErrors: { file: added.fieldErrors?.file ?? added.message }, values };
    }
    const result = await perform(user, input.ref, 'answer', { message: input.message }, { ip: clientAddress(await headers()) });
    revalidatePath(`/applications/${input.ref}`);
    if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values };
    redirect(`/applications/${input.ref}?answered=1`);
  },
  { bound: ['ref', 'applicationId'] },
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
