'use server';
import { revalidatePath } from 'next/cache';
import { markAllRead } from '@/lib/dal/notifications';
import { requireUser } from '@/lib/session';

export async function markAllReadAction(): Promise<void> {
  const user = await requireUser(['resident']);
  markAllRead(user);
  revalidatePath('/', 'layout');
}
