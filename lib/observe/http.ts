// Watches every HTTP request this process answers (installed once by instrumentation.ts under `next start`):
// gives it a request id (the X-Request-Id of a trusted proxy, else a new one; sent back in the response),
// keeps the id and the TCP peer in the request context, and when the response is done counts it for
// /api/metrics and writes one JSON log line. The path is logged as its route pattern only (/applications/[ref]),
// never with its query string or record references.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { isTrustedAddress } from '@/lib/http/client-address';
import { requestStore } from '@/lib/observe/context';
import { log } from '@/lib/observe/log';
import { observeRequest } from '@/lib/observe/metrics';

type RouteEntry = { page: string; regex: string };
type Matcher = { page: string; re: RegExp };

let matchers: Matcher[] | null = null;
function routeMatchers(): Matcher[] {
  if (matchers) return matchers;
  try {
    const manifest = JSON.parse(readFileSync(join(/*turbopackIgnore: true*/ process.cwd(), '.next', 'routes-manifest.json'), 'utf8')) as { staticRoutes?: RouteEntry[]; dynamicRoutes?: RouteEntry[] };
    matchers = [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((r) => ({ page: r.page, re: new RegExp(r.regex) }));
  } catch {
    matchers = [];
  }
  return matchers;
}

/** The route pattern of a request path ('/_next/static' for build files, 'other' for what matches no route). */
export function routeOf(url: string, list: Matcher[] = routeMatchers()): string {
  const path = (url.split('?')[0] ?? '/').replace(/\/+$/, '') || '/';
  if (path.startsWith('/_next/')) return path.split('/').slice(0, 3).join('/');
  for (const m of list) if (m.re.test(path)) return m.page;
  return 'other';
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,80}$/;

export function installRequestObserver(trustedProxies: string): void {
  const holder = globalThis as { __portalHttpObserved?: boolean };
  if (holder.__portalHttpObserved) return;
  holder.__portalHttpObserved = true;
  const emit = http.Server.prototype.emit as (this: http.Server, ...a: unknown[]) => boolean;
  http.Server.prototype.emit = function observed(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'request') return emit.apply(this, [event, ...args]);
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    const peer = req.socket?.remoteAddress ?? null;
    const given = req.headers['x-request-id'];
    const fromProxy = typeof given === 'string' && REQUEST_ID.test(given) && peer !== null && isTrustedAddress(trustedProxies, peer);
    const id = fromProxy ? given : randomUUID();
    res.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(req.url ?? '/');
      const method = req.method ?? 'GET';
      // A client that went away before the answer was complete: counted with status 499 (nginx's convention).
      const status = res.writableFinished ? res.statusCode : 499;
      observeRequest(method, route, status, seconds);
      requestStore.run({ id, peer }, () => log(status >= 500 ? 'error' : 'info', 'request', { method, route, status, ms: Math.round(seconds * 10_000) / 10 }));
    };
    res.once('finish', finish);
    res.once('close', finish);
    return requestStore.run({ id, peer }, () => emit.apply(this, [event, ...args]));
  } as typeof http.Server.prototype.emit;
}
