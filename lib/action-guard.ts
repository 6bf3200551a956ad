// Requests that claim to call a server action (`Next-Action` header) but cannot be one: refused with a
// 400/404 before Next.js decodes them. Without this, a forged body Next.js or React cannot decode (an
// unclosed multipart form, text that is not JSON, an action id of the wrong form) answers 500 (found by
// scripts/fuzz-server.ts). Real browsers send action calls as multipart/form-data (a form's FormData) or as
// a JSON array in text/plain; both are checked to decode. Runs in proxy.ts for every path.
const ACTION_ID = /^[0-9a-f]{40,42}$/;
// Only small bodies are decoded here; larger ones (uploads) and bodies of unknown length are left to the
// action's own streaming limits, so this guard never buffers an upload (hole 5).
const MAX_CHECKED_BYTES = 1024 * 1024;

function refuse(status: 400 | 404, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

export async function guardActionRequest(request: Request): Promise<Response | null> {
  const id = request.headers.get('next-action');
  if (id === null) return null;
  if (request.method !== 'POST') return refuse(400, '请求方式不正确。');
  if (!ACTION_ID.test(id)) return refuse(404, '找不到这个操作，请刷新页面后再试。');
  const declared = request.headers.get('content-length');
  const length = declared === null ? NaN : Number(declared);
  if (!Number.isFinite(length) || length > MAX_CHECKED_BYTES) return null;
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  try {
    if (type.startsWith('multipart/form-data')) {
      await request.clone().formData();
      return null;
    }
    if (type.startsWith('text/plain')) {
      const body: unknown = JSON.parse(await request.clone().text());
      return Array.isArray(body) ? null : refuse(400, '请求内容不正确。');
    }
  } catch {
    return refuse(400, '请求内容不正确。');
  }
  return refuse(400, '请求内容不正确。');
}
