// Framework-free handlers for the public JSON API (docs/api.md). They add nothing but parsing and serialising:
// 415 not JSON, 413 over 256 KiB, 400 bad JSON or bad fields (every problem at once), 200 the calculator's answer.
import { REGIONS, checkEligibility, estimate, type ParamSet, type RegionCode } from '@/lib/calculator';
import { eligibilityRequestSchema } from '@/lib/api/eligibility-schema';
import { estimateRequestSchema, issuesFromZod, whatIfParameters, type Issue } from '@/lib/api/estimate-schema';
import { log } from '@/lib/observe/log';
import { currentRequest } from '@/lib/observe/context';

export const MAX_BODY_BYTES = 256 * 1024;

type Loader<K> = (region: RegionCode, key: K) => ParamSet | Promise<ParamSet>;

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: HEADERS });
}

function invalid(issues: Issue[]): Response {
  return json(400, { error: 'invalid_request', issues });
}

const unsupported = () =>
  json(415, { error: 'unsupported_media_type', message: '请求体必须是 JSON（Content-Type: application/json）' });
const tooLarge = () => json(413, { error: 'payload_too_large', message: '请求体不能超过 256 KiB' });

/** The body as bytes, or null once it passes the limit (the stream is then cancelled). */
async function readCapped(req: Request, limit: number): Promise<Uint8Array | null> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

type Parsed = { ok: true; value: unknown } | { ok: false; response: Response };

async function readJson(req: Request): Promise<Parsed> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return { ok: false, response: unsupported() };
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) return { ok: false, response: tooLarge() };
  const bytes = await readCapped(req, MAX_BODY_BYTES);
  if (bytes === null) return { ok: false, response: tooLarge() };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, response: invalid([{ path: '', message: '请求体不是有效的 UTF-8 文本' }]) };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: invalid([{ path: '', message: '请求体不是有效的 JSON' }]) };
  }
}

/** Last resort: no input reaches this, only a fault of the server (a parameter store that fails, say). */
function unexpected(requestId: string, err: unknown): Response {
  log('error', 'api/v1 unexpected error', { requestId, error: err instanceof Error ? err : String(err) });
  return json(500, {
    error: 'internal_error',
    message: `系统暂时无法完成计算，请稍后再试。如需帮助，请告知工作人员编号 ${requestId}`,
    requestId,
  });
}

/** The request's id (the one in X-Request-Id and the log line), or a new one outside the request observer. */
function requestId(): string {
  return currentRequest()?.id ?? globalThis.crypto?.randomUUID?.() ?? `req-${Math.random().toString(36).slice(2)}`;
}

/** POST /api/v1/estimate. `loadParams` gives the staff-set parameters in force for the region and year. */
export async function handleEstimateRequest(req: Request, loadParams: Loader<number>): Promise<Response> {
  const id = requestId();
  try {
    const body = await readJson(req);
    if (!body.ok) return body.response;
    const parsed = estimateRequestSchema.safeParse(body.value);
    if (!parsed.success) return invalid(issuesFromZod(parsed.error));
    const { region, year, person, episodes, parameters } = parsed.data;
    const loaded = await loadParams(region, year);
    return json(200, estimate({ region, year, person, episodes, parameters: whatIfParameters(loaded, region, parameters) }));
  } catch (err) {
    return unexpected(id, err);
  }
}

/** POST /api/v1/eligibility. `loadParams` gives the staff-set parameters in force for the region on the date. */
export async function handleEligibilityRequest(req: Request, loadParams: Loader<string>): Promise<Response> {
  const id = requestId();
  try {
    const body = await readJson(req);
    if (!body.ok) return body.response;
    const parsed = eligibilityRequestSchema.safeParse(body.value);
    if (!parsed.success) return invalid(issuesFromZod(parsed.error));
    const { region, date, facts, parameters } = parsed.data;
    const loaded = await loadParams(region, date);
    return json(200, checkEligibility({ region, date, facts: facts ?? {}, parameters: whatIfParameters(loaded, region, parameters) }));
  } catch (err) {
    return unexpected(id, err);
  }
}

/** GET /api/v1/regions: the codes, names, documents, categories, pools and parameters of every region. */
export function handleRegionsRequest(): Response {
  return json(200, { regions: REGIONS });
}
