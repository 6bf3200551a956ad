// Requests that claim to call a server action (`Next-Action` header) but cannot be one: refused with a
// 400/404 before Next.js decodes them. Without this, a forged body Next.js or React cannot decode (an
// unclosed multipart form, text that is not JSON, an action id of the wrong form) answers 500 (found by
// scripts/fuzz-server.ts). Real browsers send action calls as multipart/form-data (a form's FormData) or as
// a JSON array in text/plain; both are checked to decode. Runs in proxy.ts for every path.
const ACTION_ID = /^[0-9a-f]{40,42}$/;
// Only small bodies are decoded here; larger ones (uploads) and bodies of unknown length are left to the
// action's own streaming limits, so this guard never buffers an upload.
const MAX_CHECKED_BYTES = 1024 * 1024;

function refuse(status: 400 | 404, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

// How React's reply decoder (parseModelString in react-server-dom) reads a string that starts with "$":
// - standing alone, never throwing: "$$…" (a typed "$"), "$I", "$N", "$u", "$H", "$-…", "$D…" (a date, perhaps
//   invalid), "$K…" (a FormData whose fields are "1_…"; a form with only a button has none), "$T" (a temporary
//   reference, which Next.js configures);
// - "$n…" a BigInt: only digits, or BigInt() throws;
// - pointing at another part by a hex id, with an optional ":path": "$@1" (promise), "$h1" (server reference),
//   "$Q1" (Map), "$W1" (Set), "$i1" (iterator), "$B1" (Blob), the typed arrays ("$A1" … "$V1"), streams
//   ("$R1", "$r1", "$X1", "$x1"), and "$1" (a model) — every other letter falls to that last case, so "$Exw…"
//   is read as part 0xE and waits for it forever. The part's name is the id in decimal.
const STANDALONE = /^\$(?:\$|[INuHD-]|K|T$)/;
const BIGINT = /^\$n-?\d{1,300}$/;
const REFERENCE = /^\$([@hQWiBAOoUSsLlGgMmVRrXx]?)([0-9a-f]+)(?::.*)?$/;

function referencesResolve(value: unknown, names: readonly string[], depth = 0): boolean {
  if (depth > 200) return false;
  if (typeof value === 'string') {
    if (value[0] !== '$' || STANDALONE.test(value)) return true;
    if (value[1] === 'n') return BIGINT.test(value);
    const m = REFERENCE.exec(value);
    return m !== null && names.includes(String(parseInt(m[2]!, 16)));
  }
  if (Array.isArray(value)) return value.every((v) => referencesResolve(v, names, depth + 1));
  if (value && typeof value === 'object') return Object.values(value).every((v) => referencesResolve(v, names, depth + 1));
  return true;
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
      const form = await request.clone().formData();
      const names = [...form.keys()];
      if (!names.includes('0')) return refuse(400, '请求内容不正确。'); // no argument list: React would wait for it forever
      // React's reply encoding: the part named "0" is the argument list, other all-digit (hex) names are
      // chunks it references; all of them are JSON, and every reference must name a part that is there.
      for (const name of names) {
        if (!/^\d+$/.test(name)) continue;
        const value = form.get(name);
        if (typeof value !== 'string' || !referencesResolve(JSON.parse(value), names)) return refuse(400, '请求内容不正确。');
      }
      return null;
    }
    if (type.startsWith('text/plain')) {
      const body: unknown = JSON.parse(await request.clone().text());
      return Array.isArray(body) && referencesResolve(body, []) ? null : refuse(400, '请求内容不正确。');
    }
  } catch {
    return refuse(400, '请求内容不正确。');
  }
  return refuse(400, '请求内容不正确。');
}
