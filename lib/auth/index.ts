import 'server-only';
// Auth.js v5: residents by phone + one-time code, staff by username + password. JWT sessions carry the
// user's session version, so bumping it in the database revokes every session (lib/dal/users.ts).
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { otpFailureMessage, verifyOtp } from '@/lib/dal/otp';
import { sessionClaimsOf, signedInUser, verifyStaffLogin, verifyStaffSecondFactor } from '@/lib/dal/users';
import { authConfig } from '@/lib/auth/config';
import { normalisePhone } from '@/lib/personal/phone';
import { log } from '@/lib/observe/log';

/** A refused sign-in whose `code` is the Chinese message to show next to the form. */
export class LoginRefused extends CredentialsSignin {
  constructor(message: string) {
    super(message);
    this.code = message;
  }
}

/** What the person brought from /check or /estimate while signed out moves to their account (never blocks sign-in). */
async function carryPrefillOver(userId: string): Promise<void> {
  try {
    const user = await signedInUser(userId);
    // Imported here: lib/applications/prefill reads the session through lib/auth/session, which imports this file.
    if (user) await (await import('@/lib/applications/prefill')).movePrefillToAccount(user);
  } catch (error) {
    log('error', 'auth: prefill not carried over', { error });
  }
}

const phoneCredentials = z.object({ phone: z.string(), code: z.string().regex(/^\d{6}$/) });
const staffCredentials = z.union([
  z.object({ ticket: z.string().min(1).max(1024), code: z.string().max(16) }),
  z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
]);

/** Thrown when the password was right and the account has a second factor: the form asks for the code next. */
export const SECOND_FACTOR_PREFIX = 'second-factor:';

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    error(error) {
      if ((error as { type?: string }).type !== 'CredentialsSignin') log('error', 'auth error', { error });
    },
  },
  providers: [
    Credentials({
      id: 'phone',
      credentials: { phone: {}, code: {} },
      async authorize(raw) {
        const parsed = phoneCredentials.safeParse(raw);
        const phone = parsed.success ? normalisePhone(parsed.data.phone) : null;
        if (!parsed.success || !phone) throw new LoginRefused('请输入 11 位手机号和 6 位数字验证码。');
        const result = await verifyOtp(phone, parsed.data.code);
        if (!result.ok) throw new LoginRefused(otpFailureMessage(result));
        await carryPrefillOver(result.userId);
        return { id: result.userId };
      },
    }),
    Credentials({
      id: 'staff',
      credentials: { username: {}, password: {} },
      async authorize(raw) {
        const parsed = staffCredentials.safeParse(raw);
        if (!parsed.success) throw new LoginRefused('请输入用户名和密码。');
        if ('ticket' in parsed.data) {
          const second = await verifyStaffSecondFactor(parsed.data.ticket, parsed.data.code);
          if (!second.ok) throw new LoginRefused(second.message);
          return { id: second.user.id };
        }
        const result = await verifyStaffLogin(parsed.data.username, parsed.data.password);
        if (!result.ok) throw new LoginRefused(result.message);
        if (result.needsCode) throw new LoginRefused(SECOND_FACTOR_PREFIX + result.ticket);
        return { id: result.user.id };
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async jwt(params) {
      const { token, user } = params;
      if (user?.id) {
        // A new sign-in: the version it was issued under (bumping it ends the session) and its start time.
        const claims = await sessionClaimsOf(user.id);
        const now = Date.now();
        return { ...token, sub: user.id, sv: claims.sv, role: claims.role, issuedAt: now, lastSeen: now };
      }
      return authConfig.callbacks.jwt(params);
    },
  },
});
