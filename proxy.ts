// Runs before every request (Next.js 16 Proxy):
// 1. a fresh CSP nonce per request, put on the request (Next reads it from the Content-Security-Policy
//    request header and applies it to its own scripts) and on the response, plus HSTS in production;
// 2. the session cookie kept alive: Auth.js re-issues it with a fresh last-seen time (at most once a minute)
//    or clears it once idle or past 12 hours (lib/auth/config.ts, lib/auth/session-lifetime.ts);
// 3. convenience only: people without a session cookie are sent to sign in on protected paths;
// 4. forged server-action requests that cannot be decoded are refused (lib/http/action-guard.ts).
// Every page, action and route still checks the session itself (lib/auth/session.ts).
import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import { guardActionRequest } from '@/lib/http/action-guard';
import { contentSecurityPolicy, HSTS, newNonce, UPLOAD_CSP } from '@/lib/http/csp';

const { auth } = NextAuth(authConfig);

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
/** Auth.js splits a large session cookie into `name.0`, `name.1`, …: any of those counts. */
function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
}

const PROTECTED = /^\/(me|apply|applications|proxy|admin|account)(\/|$)/;
const UPLOAD_DOWNLOAD = /^\/applications\/[^/]+\/documents\/[^/]+$/;

function withSecurityHeaders(response: Response, csp: string): Response {
  response.headers.set('Content-Security-Policy', csp);
  if (process.env.NODE_ENV === 'production') response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

async function handle(request: NextRequest): Promise<Response> {
  // A forged server-action call that cannot be decoded is refused here (400/404), not left to answer 500.
  if (request.headers.has('next-action')) return (await guardActionRequest(request)) ?? NextResponse.next();
  const nonce = newNonce();
  const path = request.nextUrl.pathname;
  const csp = UPLOAD_DOWNLOAD.test(path) ? UPLOAD_CSP : contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  if (PROTECTED.test(path) && !hasSessionCookie(request)) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', path + request.nextUrl.search);
    return withSecurityHeaders(NextResponse.redirect(login), csp);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

const withSession = auth(handle);

/**
 * Auth.js only where there is a session cookie to keep alive or clear: without one it has nothing to do, and running
 * it anyway (it answers an internal session request) was most of what the proxy cost an anonymous page or API call
 * (docs/benchmarks.md, "Requests per second").
 */
export function proxy(request: NextRequest, event: NextFetchEvent) {
  return hasSessionCookie(request) ? withSession(request, event as never) : handle(request);
}

export const config = {
  // Everything except build assets (immutable files, no HTML) and the upload route, whose body must not be
  // copied into memory for the proxy (it reads its body with a cap and sets its own headers). JavaScript
  // server-action calls (small bodies: files go to the upload route) only pass the action guard.
  matcher: [
    { source: '/((?!_next/static|_next/image|favicon.ico|api/uploads).*)', missing: [{ type: 'header', key: 'next-action' }] },
    { source: '/((?!_next/static|_next/image|favicon.ico|api/uploads).*)', has: [{ type: 'header', key: 'next-action' }] },
  ],
};
