import 'server-only';
import { notFound } from 'next/navigation';
import { getDraft } from '@/lib/dal/drafts';
import { AppError } from '@/lib/errors';
import { requireUser } from '@/lib/session';

/** The signed-in resident's draft, or a 404 (also for somebody else's draft: ids cannot be probed). */
export async function loadDraftPage(id: string) {
  const user = await requireUser(['resident'], `/apply/${id}`);
  try {
    return { user, ...getDraft(user, id) };
  } catch (error) {
    if (error instanceof AppError) notFound();
    throw error;
  }
}
