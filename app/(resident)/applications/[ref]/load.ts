import 'server-only';
import { notFound } from 'next/navigation';
import { applicationDetail } from '@/lib/dal/applications';
import { requestAddress } from '@/lib/http/client-address';
import { requireUser } from '@/lib/auth/session';

/** The application if this person may see it; otherwise 404 (never 403, so references cannot be probed). */
export async function loadApplicationPage(ref: string) {
  const user = await requireUser(undefined, `/applications/${ref}`);
  // Staff reads are audited with the address (lib/dal/applications.ts).
  const detail = await applicationDetail(user, ref, user.role === 'resident' ? null : await requestAddress());
  if (!detail) notFound();
  return { user, ...detail };
}
