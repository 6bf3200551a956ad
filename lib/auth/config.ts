// The part of the Auth.js configuration that needs no database, shared by lib/auth/index.ts (sign-in) and proxy.ts
// (which runs on every request and keeps the session's last-seen time fresh, or ends an expired session).
import type { NextAuthConfig } from 'next-auth';
import { ABSOLUTE_MS, refreshedLastSeen, sessionExpiry } from '@/lib/auth/session-lifetime';

export const authConfig = {
  trustHost: true,
  // The cookie never outlives the absolute limit; idle and revocation are checked on every request.
  session: { strategy: 'jwt', maxAge: ABSOLUTE_MS / 1000 },
  pages: { signIn: '/login', error: '/login' },
  providers: [],
  callbacks: {
    jwt({ token }) {
      if (!token.sub) return token;
      const now = Date.now();
      const claims = { issuedAt: token.issuedAt as number | undefined, lastSeen: token.lastSeen as number | undefined };
      if (sessionExpiry(claims, token.role as string | undefined, now)) return null; // clears the cookie
      return { ...token, lastSeen: refreshedLastSeen(claims.lastSeen as number, now) };
    },
    session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: token.sub ?? '' },
        sv: typeof token.sv === 'number' ? token.sv : null,
        issuedAt: typeof token.issuedAt === 'number' ? token.issuedAt : null,
        lastSeen: typeof token.lastSeen === 'number' ? token.lastSeen : null,
      };
    },
  },
} satisfies NextAuthConfig;
