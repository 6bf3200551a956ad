// Which address a request comes from, for per-address limits and the audit log.
//
// X-Forwarded-For is written by whoever sent the request, so it is believed only as far as it was written by
// proxies we trust (TRUSTED_PROXIES): reading the list from the right, each hop added by a trusted proxy is
// skipped and the first untrusted one is the client. Anything further left was supplied by the client itself.
//
// Next.js (App Router: pages, server actions, route handlers) does not expose the TCP peer address, so the
// caller usually cannot pass `socketAddress`. Then the rule is: with no trusted proxy configured, forwarding
// headers are ignored entirely and every request shares one bucket, 'direct' (the site-wide limit); with
// trusted proxies configured the deployment must make the app reachable only through them (bind to
// 127.0.0.1 or a private network), so the immediate peer is a trusted proxy and its header is read as above.
import { BlockList, isIP } from 'node:net';
import { env } from '@/lib/env';

export const DIRECT_BUCKET = 'direct';

type HeaderSource = { get(name: string): string | null };

export function trustedProxyList(spec: string): BlockList {
  const list = new BlockList();
  for (const raw of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [ip, bits] = raw.split('/') as [string, string | undefined];
    const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, Number(bits), type);
  }
  return list;
}

function normalise(address: string): string | null {
  let a = address.trim();
  if (a.startsWith('[') && a.includes(']')) a = a.slice(1, a.indexOf(']')); // [v6]:port
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':')); // v4:port
  if (a.toLowerCase().startsWith('::ffff:') && isIP(a.slice(7)) === 4) a = a.slice(7);
  return isIP(a) ? a.toLowerCase() : null;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** Whether an address (as a socket or a header gives it) is one of the TRUSTED_PROXIES `spec`. */
export function isTrustedAddress(spec: string, address: string): boolean {
  const a = normalise(address);
  return spec.trim() !== '' && a !== null && isTrusted(trustedProxyList(spec), a);
}

/**
 * The client's address, or 'direct' when it cannot be known honestly. `trusted` defaults to TRUSTED_PROXIES.
 */
export function clientAddress(headers: HeaderSource, socketAddress?: string | null, trusted: BlockList | string = env().TRUSTED_PROXIES): string {
  const spec = typeof trusted === 'string' ? trusted : null;
  const list = typeof trusted === 'string' ? trustedProxyList(trusted) : trusted;
  const peer = socketAddress ? normalise(socketAddress) : null;
  const noProxies = spec !== null && spec.trim() === '';
  if (peer && (noProxies || !isTrusted(list, peer))) return peer;
  if (!peer && noProxies) return DIRECT_BUCKET;
  // The immediate peer is a trusted proxy: walk its X-Forwarded-For from the right.
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  let leftmostValid: string | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalise(hops[i]!);
    if (!hop) return peer ?? DIRECT_BUCKET; // a malformed hop: nothing left of it can be trusted
    leftmostValid = hop;
    if (!isTrusted(list, hop)) return hop;
  }
  if (leftmostValid) return leftmostValid; // every hop is one of ours: the request started inside
  const real = headers.get('x-real-ip');
  const realIp = real ? normalise(real) : null;
  return realIp ?? peer ?? DIRECT_BUCKET;
}

/** For server actions, pages and route handlers (no socket address in Next.js). */
export async function requestAddress(): Promise<string> {
  const { headers } = await import('next/headers');
  return clientAddress(await headers());
}
