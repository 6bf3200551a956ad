'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedAction } from '@/lib/http/action';
import { markAllRead } from '@/lib/dal/notifications';

export const markAllReadAction = validatedAction(z.object({}), ['resident'], async (_input, user) => {
  await markAllRead(user);
  revalidatePath('/', 'layout');
  return { ok: true };
});
