import { requestAddress } from '@/lib/http/client-address';
import { STAFF } from '@/lib/auth/roles';
import { decisionNotice } from '@/lib/dal/decision';
import { decisionPdfResponse } from '@/lib/pdf/decision';
import { currentUser } from '@/lib/auth/session';

export async function GET(_request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params;
  const user = await currentUser();
  return decisionPdfResponse(user && STAFF.includes(user.role) ? await decisionNotice(user, ref, await requestAddress()) : null);
}
