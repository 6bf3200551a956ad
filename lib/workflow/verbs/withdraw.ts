import { z } from 'zod';
import type { Verb } from '@/lib/workflow/run';
import { optionalNote, statusNotice } from './common';

/** The applicant (or a proxy allowed to apply) withdraws before a decision. */
export const withdraw: Verb<{ message: string }> = {
  name: 'withdraw',
  from: ['submitted', 'accepted', 'in_review', 'needs_info'], to: 'withdrawn', by: ['applicant'],
  label: '撤回',
  access: 'apply',
  input: z.object({ message: optionalNote }),
  patch: (c) => ({ decidedAt: c.now.toISOString() }),
  event: (c) => ({ message: c.input.message || null }),
  notice: (c) => statusNotice('withdraw', c.ref, c.to, c.input.message),
};
