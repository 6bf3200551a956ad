'use server';
import { CASE_HANDLERS } from '@/lib/auth/roles';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedAction, type ActionState } from '@/lib/http/action';
import { decideCorrection } from '@/lib/dal/my-data';

export const decideCorrectionAction = validatedAction(
  z.object({ id: z.uuid({ error: '没有找到这项申请。' }), decision: z.enum(['done', 'refused'], { error: '请选择处理结果' }), answer: z.string().max(500, '答复不能超过 500 字') }),
  CASE_HANDLERS,
  async (input, user, { values }): Promise<ActionState> => {
    const r = await decideCorrection(user, input.id, input);
    if (!r.ok) return { ok: false, message: r.message, fieldErrors: r.fieldErrors, values };
    revalidatePath('/admin/requests');
    return { ok: true, message: '已答复，居民会在消息通知里看到。' };
  },
  { bound: ['id'] },
);
