import 'server-only';
import { notFound } from 'next/navigation';
import { applicationDetail } from '@/lib/dal/applications';
import { requireUser } from '@/lib/session';

/** The application if this person may see it; otherwise 404 (never 403, so references cannot be probed). */
export async function loadApplicationPage(ref: string) {
  const user = await requireUser(undefined, `/applications/${ref}`);
  const detail = await applicationDetail(user, ref);
  if (!detail) notFound();
  return { user, ...detail };
}
