// Form fields several schemas share, each checked one way everywhere: 身份证号 (format and check digit, GB 11643),
// a mobile number, an amount in whole fen.
import { z } from 'zod';
import { checkIdNumber } from '@/lib/personal/id-number';
import { normalisePhone } from '@/lib/personal/phone';

/** A name as on an identity card (Han or Latin letters, ·, 2 to 30 characters). */
export const cardName = z.string().trim().regex(/^[\p{Script=Han}A-Za-z·•.\s]{2,30}$/u, '请填写身份证上的姓名（2 到 30 个字）。');

/** A 身份证号 as typed (spaces, a small x), returned normalised; its error says what is wrong with it. */
export const idNumberField = z.string().transform((v, ctx) => {
  const c = checkIdNumber(v);
  if (!c.ok) {
    ctx.addIssue({ code: 'custom', message: c.message });
    return z.NEVER;
  }
  return c.value;
});

/** An 11-digit mobile number, normalised (spaces, +86 and dashes dropped). */
export const phoneField = (message = '请填写 11 位手机号码。') =>
  z.string().transform((v, ctx) => normalisePhone(v) ?? (ctx.addIssue({ code: 'custom', message }), z.NEVER));

/** A mobile number that may be left empty (null then). */
export const optionalPhoneField = (message: string) =>
  z.string().optional().default('').transform((v, ctx) => {
    if (!v.trim()) return null;
    return normalisePhone(v) ?? (ctx.addIssue({ code: 'custom', message }), z.NEVER);
  });

/** A whole number of fen, zero or more (money is never a float). */
export const fenField = (required: string) => z.number({ error: required }).int(required).min(0, required).max(Number.MAX_SAFE_INTEGER, required);
