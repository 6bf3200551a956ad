// A document of an authority request, for staff of the person's region (each view audited).
import { authorityDocument } from '@/lib/dal/authorities/staff';
import { currentUser } from '@/lib/auth/session';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; docId: string }> }) {
  const { id, docId } = await params;
  const user = await currentUser();
  const uuid = /^[0-9a-f-]{36}$/;
  const file = user && user.role !== 'resident' && uuid.test(id) && uuid.test(docId) ? await authorityDocument(user, id, docId) : null;
  if (!file) return new Response('没有找到这个文件。', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': file.mime,
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; sandbox",
      'x-content-type-options': 'nosniff',
    },
  });
}
