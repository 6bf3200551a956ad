'use server';
import { validatedAction } from '@/lib/http/action';
import { AuthError } from 'next-auth';
import { z } from 'zod';
import { LoginRefused, SECOND_FACTOR_PREFIX, signIn } from '@/lib/auth';
import { STAFF_LOGIN_REFUSED } from '@/lib/dal/users';
import { headers } from 'next/headers';
import { clientAddress } from '@/lib/http/client-address';
import { requestOtp } from '@/lib/dal/otp';
import { allowOtpFromAddress } from '@/lib/dal/rate-limit';
import { normalisePhone } from '@/lib/personal/phone';
import { safeNextPath } from '@/lib/http/safe-next';


export type LoginState = {
  step: 'phone' | 'code';
  phone?: string;
  demoCode?: string;
  message?: string;
  notice?: string;
  /** Seconds until a new code may be asked for (the page counts them down). */
  waitSeconds?: number;
  fieldErrors?: Record<string, string>;
};

// Sign-in has no user yet (`roles: null`); each action still goes through validatedAction, which parses the
// form first and copes with anything forged in place of it.
const loose = z.object({}).loose();

export const sendCodeAction = validatedAction(loose, null, async (_input, _user, { formData }): Promise<LoginState> => {
  const raw = String(formData.get('phone') ?? '');
  const phone = normalisePhone(raw);
  if (!phone) return { step: 'phone', phone: raw, fieldErrors: { phone: '请输入 11 位手机号码，例如 13800001234' } };
  // Besides the per-phone limits in requestOtp: one address may not text a whole street of numbers.
  if (!(await allowOtpFromAddress(clientAddress(await headers())))) {
    return { step: 'phone', phone, message: '这台设备获取验证码太频繁了，请一小时后再试。' };
  }
  const result = await requestOtp(phone);
  if (!result.ok) {
    // A cooldown still lets the person type the code they already received.
    return { step: result.reason === 'cooldown' ? 'code' : 'phone', phone, message: result.message, waitSeconds: result.reason === 'cooldown' ? result.waitSeconds : undefined };
  }
  return { step: 'code', phone, demoCode: result.demoCode, notice: '验证码已发送，5 分钟内有效。' };
});

const verifySchema = z.object({ phone: z.string(), code: z.string(), next: z.string().optional() });

export const verifyCodeAction = validatedAction(loose, null, async (_input, _user, ctx): Promise<LoginState> => {
  const { formData } = ctx;
  const prev: LoginState = typeof ctx.prev === 'object' && ctx.prev ? ctx.prev : { step: 'code' };
  const { phone, code, next } = verifySchema.parse({
    phone: String(formData.get('phone') ?? ''),
    code: String(formData.get('code') ?? '').trim(),
    next: formData.get('next') ? String(formData.get('next')) : undefined,
  });
  if (!/^\d{6}$/.test(code)) return { ...prev, step: 'code', phone, fieldErrors: { code: '请输入短信里的 6 位数字验证码' } };
  try {
    await signIn('phone', { phone, code, redirectTo: safeNextPath(next, '/me') });
  } catch (error) {
    if (error instanceof LoginRefused || (error instanceof AuthError && error.type === 'CredentialsSignin')) {
      return { step: 'code', phone, demoCode: prev.demoCode, fieldErrors: { code: (error as LoginRefused).code || '验证码不正确。' } };
    }
    throw error;
  }
  return prev;
});

export type StaffLoginState = { step?: 'password' | 'code'; username?: string; ticket?: string; message?: string; fieldErrors?: Record<string, string> };

export const staffLoginAction = validatedAction(loose, null, async (_input, _user, ctx): Promise<StaffLoginState> => {
  const { formData } = ctx;
  const prev: StaffLoginState = typeof ctx.prev === 'object' && ctx.prev ? ctx.prev : {};
  const next = safeNextPath(formData.get('next'), '/admin');
  const ticket = String(formData.get('ticket') ?? '');
  const username = String(formData.get('username') ?? '').trim();
  try {
    if (ticket) {
      // Step two: the code from the authenticator app.
      const code = String(formData.get('code') ?? '').replace(/\s/g, '');
      if (!/^\d{6}$/.test(code)) return { step: 'code', username, ticket, fieldErrors: { code: '请输入身份验证器里的 6 位数字' } };
      await signIn('staff', { ticket, code, redirectTo: next });
      return prev;
    }
    const password = String(formData.get('password') ?? '');
    if (!username || !password) return { step: 'password', username, message: '请输入用户名和密码。' };
    await signIn('staff', { username, password, redirectTo: next });
  } catch (error) {
    if (error instanceof AuthError && error.type === 'CredentialsSignin') {
      const said = (error as LoginRefused).code || STAFF_LOGIN_REFUSED;
      if (said.startsWith(SECOND_FACTOR_PREFIX)) return { step: 'code', username, ticket: said.slice(SECOND_FACTOR_PREFIX.length) };
      if (ticket) {
        // A timed-out ticket starts over; a wrong code stays on step two.
        return said.includes('超时') || said === STAFF_LOGIN_REFUSED ? { step: 'password', username, message: said } : { step: 'code', username, ticket, fieldErrors: { code: said } };
      }
      return { step: 'password', username, message: said };
    }
    throw error;
  }
  return { username };
});
