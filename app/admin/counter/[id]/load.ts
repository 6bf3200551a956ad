import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getDraft, submittedRefOfDraft } from '@/lib/dal/drafts';
import { requireUser } from '@/lib/auth/session';

/** The clerk's own counter filing while a draft (404 for anything else); once submitted, its receipt. */
export async function loadCounterDraft(id: string) {
  const user = await requireUser(['clerk'], `/admin/counter/${id}`);
  const view = /^[0-9a-f-]{36}$/.test(id) ? await getDraft(user, id) : null;
  if (view) return { user, ...view };
  const ref = /^[0-9a-f-]{36}$/.test(id) ? await submittedRefOfDraft(user, id) : null;
  if (ref) redirect(`/admin/counter/receipt/${ref}`);
  notFound();
}
