// The name and 身份证号 a clerk types from an identity card (counter filing, opening a record from a 政策找人 lead).
import { z } from 'zod';
import { checkIdNumber } from '@/lib/id-number';

export const cardName = z.string().trim().regex(/^[\p{Script=Han}A-Za-z·•.\s]{2,30}$/u, '请填写身份证上的姓名（2 到 30 个字）。');

export const cardIdNumber = z.string().transform((v, ctx) => {
  const c = checkIdNumber(v);
  if (!c.ok) {
    ctx.addIssue({ code: 'custom', message: c.message });
    return z.NEVER;
  }
  return c.value;
});
