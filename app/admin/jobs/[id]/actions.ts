'use server';
import { ACTING_STAFF } from '@/lib/auth/roles';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedAction } from '@/lib/http/action';
import { requestAddress } from '@/lib/http/client-address';
import { retryJob } from '@/lib/jobs/queue';

export const retryJobAction = validatedAction(z.object({ id: z.string().min(1).max(64) }), ACTING_STAFF, async ({ id }, user) => {
  const r = await retryJob(user, id, { ip: await requestAddress() });
  revalidatePath(`/admin/jobs/${id}`);
  return r.ok ? { ok: true, message: '已重新排队。' } : { ok: false, message: r.message };
}, { bound: ['id'] });
