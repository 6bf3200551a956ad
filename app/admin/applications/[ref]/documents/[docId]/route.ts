// A document of a case, for staff of its region only (404 otherwise); every read is audited
// (documentForDownload writes 'document.view'). ?download=1 asks the browser to save it.
import { requestAddress } from '@/lib/http/client-address';
import { STAFF } from '@/lib/auth/roles';
import { documentForDownload } from '@/lib/dal/documents';
import { currentUser } from '@/lib/auth/session';

export async function GET(request: Request, { params }: { params: Promise<{ ref: string; docId: string }> }) {
  const { docId } = await params;
  const user = await currentUser();
  const file = user && STAFF.includes(user.role) ? await documentForDownload(user, docId, await requestAddress()) : null;
  if (!file) return new Response('没有找到这个文件。', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const download = new URL(request.url).searchParams.get('download') === '1';
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': file.mime,
      'content-disposition': `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
