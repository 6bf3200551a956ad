// The request being served, for logs and /api/metrics: its id and the TCP peer's address (Next.js itself does
// not expose the peer). Set by the request observer (lib/observe/http.ts) around each request; one store per
// process, kept on globalThis so the instrumentation bundle and the route bundles share it.
import { AsyncLocalStorage } from 'node:async_hooks';

export type RequestContext = { id: string; peer: string | null };

const holder = globalThis as { __portalRequests?: AsyncLocalStorage<RequestContext> };
export const requestStore: AsyncLocalStorage<RequestContext> = (holder.__portalRequests ??= new AsyncLocalStorage<RequestContext>());

export function currentRequest(): RequestContext | null {
  return requestStore.getStore() ?? null;
}
