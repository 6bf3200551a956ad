// Convenience only: send people without a session cookie to sign in, and back afterwards.
// Every page, action and route still checks the session itself (lib/session.ts).
import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const login = new URL('/login', request.url);
  login.searchParams.set('next', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ['/me/:path*', '/apply/:path*', '/applications/:path*', '/proxy/:path*', '/admin/:path*'],
};
