// Who may read /api/metrics: a scraper with the bearer token METRICS_TOKEN, or a request whose client address
// (worked out from the real TCP peer as lib/http/client-address.ts does) is itself one of TRUSTED_PROXIES, such as
// Prometheus on the proxies' network. A visitor coming through the proxy has their own address, so is refused.
import { createHash, timingSafeEqual } from 'node:crypto';
import { clientAddress, isTrustedAddress } from '@/lib/http/client-address';

type HeaderSource = { get(name: string): string | null };

const digest = (s: string) => createHash('sha256').update(s).digest();

export function metricsAllowed(headers: HeaderSource, peer: string | null, config: { token?: string; trustedProxies: string }): boolean {
  const auth = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '')?.[1];
  if (config.token && auth && timingSafeEqual(digest(auth), digest(config.token))) return true;
  if (!peer || config.trustedProxies.trim() === '') return false;
  return isTrustedAddress(config.trustedProxies, clientAddress(headers, peer, config.trustedProxies));
}
