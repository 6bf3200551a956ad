// Convenience only: send people without a session cookie to sign in, and back afterwards.
// Every page, action and route still checks the session itself (lib/session.ts).
// Also refuses forged server-action requests that cannot be decoded (lib/action-guard.ts), on every path.
import { NextResponse, type NextRequest } from 'next/server';
import { guardActionRequest } from '@/lib/action-guard';

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

const SIGN_IN_FIRST = /^\/(me|apply|applications|proxy|admin)(\/|$)/;

export async function proxy(request: NextRequest) {
  const refused = await guardActionRequest(request);
  if (refused) return refused;
  if (!SIGN_IN_FIRST.test(request.nextUrl.pathname)) return NextResponse.next();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const login = new URL('/login', request.url);
  login.searchParams.set('next', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = {
  // Every page (the action guard); static files and Next's own assets are left out.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
