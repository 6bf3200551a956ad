import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getDraft, submittedRefOfDraft } from '@/lib/dal/drafts';
import { requireUser } from '@/lib/auth/session';
import { hasSensitiveConsent } from '@/lib/dal/my-data';

/**
 * The signed-in resident's draft, or a 404 (also for somebody else's draft: ids cannot be probed).
 * An old link to a draft that has since been submitted goes to the submitted application.
 */
export async function loadDraftPage(id: string) {
  const user = await requireUser(['resident'], `/apply/${id}`);
  const view = /^[0-9a-f-]{36}$/.test(id) ? await getDraft(user, id) : null;
  // A draft started under an older notice asks for the separate consent again (《个人信息保护法》第二十九条).
  if (view && !(await hasSensitiveConsent(user))) redirect(`/apply/consent?next=${encodeURIComponent(`/apply/${id}`)}`);
  if (view) return { user, ...view };
  const ref = /^[0-9a-f-]{36}$/.test(id) ? await submittedRefOfDraft(user, id) : null;
  if (ref) redirect(`/applications/${ref}`);
  notFound();
}
