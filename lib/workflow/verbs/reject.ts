import { z } from 'zod';
import type { Verb } from '@/lib/workflow/run';
import { note, statusNotice } from './common';

/** 不予救助, always with the reason and the clause it rests on. */
export const reject: Verb<{ reason: string; clause: string }> = {
  name: 'reject',
  input: z.object({ reason: note('请写明不予救助的原因'), clause: z.string({ error: '请写明依据的政策条款' }).trim().min(1, '请写明依据的政策条款').max(200, '条款不能超过 200 字') }),
  patch: (c) => ({ decisionReason: c.input.reason, decisionClause: c.input.clause, decidedAt: c.now.toISOString() }),
  event: (c) => ({ message: c.input.reason, data: { clause: c.input.clause } }),
  notice: (c) => statusNotice('reject', c.ref, c.to, c.input.reason),
};
