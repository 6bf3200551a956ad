// A stored document, only for those who may see its application (404 otherwise, so ids cannot be probed).
import { headers } from 'next/headers';
import { clientAddress } from '@/lib/http/client-address';
import { UPLOAD_CSP } from '@/lib/http/csp';
import { documentForDownload } from '@/lib/dal/documents';
import { currentUser } from '@/lib/auth/session';

export async function GET(_request: Request, { params }: { params: Promise<{ ref: string; docId: string }> }) {
  const { docId } = await params;
  const user = await currentUser();
  const file = user ? await documentForDownload(user, docId, clientAddress(await headers())) : null;
  if (!file) return new Response('没有找到这个文件。', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': file.mime,
      // Photos open in the browser; PDFs are downloaded (a browser's PDF viewer runs inside our origin) —
      // and either way nothing in the file may run or load anything (proxy.ts sets the same sandbox).
      'content-disposition': `${file.mime === 'application/pdf' ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'content-security-policy': UPLOAD_CSP,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
