// Upload with progress (the upload field posts here with XMLHttpRequest). Same checks as the form path.
import { fromThisSite } from '@/lib/http/same-origin';
import { addDocument, DOCUMENT_KINDS, type DocumentKind } from '@/lib/dal/documents';
import { readCappedBody } from '@/lib/http/capped-body';
import { HSTS } from '@/lib/http/csp';
import { MAX_UPLOAD_BYTES } from '@/lib/uploads/check';

// The file plus the form's other fields and multipart boundaries.
const MAX_UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
import { currentUser } from '@/lib/auth/session';

// proxy.ts leaves this route alone (so the body is never buffered for it): the answers carry their own policy.
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export async function POST(request: Request) {
  const response = await handle(request);
  response.headers.set('content-security-policy', API_CSP);
  if (process.env.NODE_ENV === 'production') response.headers.set('strict-transport-security', HSTS);
  return response;
}

async function handle(request: Request): Promise<Response> {
  // Same-origin only (the session cookie is SameSite=Lax too): another site cannot post files into an application.
  if (!fromThisSite(request)) {
    return Response.json({ ok: false, message: '请求来源不正确。' }, { status: 403 });
  }
  const user = await currentUser();
  if (!user || user.role !== 'resident') return Response.json({ ok: false, message: '请先登录。' }, { status: 401 });
  const tooLarge = () => Response.json({ ok: false, message: '文件超过 10 MB，请压缩后或分页拍照上传。' }, { status: 413 });
  if (Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BODY_BYTES) return tooLarge();
  // Read at most the limit (a chunked body has no length, and the header can lie), then parse what was read.
  const body = await readCappedBody(request.body, MAX_UPLOAD_BODY_BYTES);
  if (!body.ok) return body.reason === 'too_large' ? tooLarge() : Response.json({ ok: false, message: '请选择要上传的文件。' }, { status: 400 });
  let form: FormData;
  try {
    form = await new Response(body.bytes, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return Response.json({ ok: false, message: '上传的内容不完整，请重试。' }, { status: 400 });
  }
  const file = form.get('file');
  const kind = String(form.get('kind') ?? '') as DocumentKind;
  const seq = form.get('episodeSeq');
  if (!(file instanceof File) || !(kind in DOCUMENT_KINDS)) return Response.json({ ok: false, message: '请选择要上传的文件。' }, { status: 400 });
  const result = await addDocument(user, String(form.get('applicationId') ?? ''), { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, { kind, episodeSeq: seq ? Number(seq) : null });
  return Response.json(result, { status: result.ok ? 200 : 400 });
}
