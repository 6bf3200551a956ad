'use server';
import { asForm } from '@/lib/action';
import { AuthError } from 'next-auth';
import { z } from 'zod';
import { LoginRefused, signIn } from '@/lib/auth';
import { headers } from 'next/headers';
import { requestOtp } from '@/lib/dal/otp';
import { allowHit } from '@/lib/dal/rate-limit';
import { normalisePhone } from '@/lib/phone';
import { safeNextPath } from '@/lib/safe-next';

// Generous: a community service centre signs many residents in from one address.
const OTP_PER_IP_PER_HOUR = 100;

export type LoginState = {
  step: 'phone' | 'code';
  phone?: string;
  demoCode?: string;
  message?: string;
  notice?: string;
  fieldErrors?: Record<string, string>;
};

export async function sendCodeAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  formData = asForm(formData);
  const raw = String(formData.get('phone') ?? '');
  const phone = normalisePhone(raw);
  if (!phone) return { step: 'phone', phone: raw, fieldErrors: { phone: '请输入 11 位手机号码，例如 13800001234' } };
  // Besides the per-phone limits in requestOtp: one address may not text a whole street of numbers.
  const ip = (await headers()).get('x-forwarded-for')?.split(',')[0]?.trim() || 'local';
  if (!allowHit(`otp-ip:${ip}`, OTP_PER_IP_PER_HOUR, 3_600_000)) {
    return { step: 'phone', phone, message: '这台设备获取验证码太频繁了，请一小时后再试。' };
  }
  const result = await requestOtp(phone);
  if (!result.ok) {
    // A cooldown still lets the person type the code they already received.
    return { step: result.reason === 'cooldown' ? 'code' : 'phone', phone, message: result.message };
  }
  return { step: 'code', phone, demoCode: result.demoCode, notice: '验证码已发送，5 分钟内有效。' };
}

const verifySchema = z.object({ phone: z.string(), code: z.string(), next: z.string().optional() });

export async function verifyCodeAction(prev: LoginState, formData: FormData): Promise<LoginState> {
  formData = asForm(formData);
  prev = typeof prev === 'object' && prev ? prev : { step: 'code' };
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
}

export type StaffLoginState = { username?: string; message?: string };

export async function staffLoginAction(_prev: StaffLoginState, formData: FormData): Promise<StaffLoginState> {
  formData = asForm(formData);
  const username = String(formData.get('username') ?? '').trim();
  const password = String(formData.get('password') ?? '');
  if (!username || !password) return { username, message: '请输入用户名和密码。' };
  try {
    await signIn('staff', { username, password, redirectTo: safeNextPath(formData.get('next'), '/admin') });
  } catch (error) {
    if (error instanceof AuthError && error.type === 'CredentialsSignin') {
      return { username, message: (error as LoginRefused).code || '用户名或密码不正确。' };
    }
    throw error;
  }
  return { username };
}
