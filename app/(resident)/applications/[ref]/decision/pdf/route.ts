import { decisionNotice } from '@/lib/dal/decision';
import { decisionPdfResponse } from '@/lib/pdf/decision';
import { currentUser } from '@/lib/auth/session';

export async function GET(_request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params;
  const user = await currentUser();
  return decisionPdfResponse(user ? await decisionNotice(user, ref) : null);
}
