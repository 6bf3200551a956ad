import { z } from 'zod';
import type { Verb } from '@/lib/workflow/run';
import { messageField } from '@/lib/workflow/forms';
import { optionalNote, statusNotice } from './common';

/** The reviewer takes an accepted application into review. */
export const startReview: Verb<{ message: string }> = {
  name: 'start_review',
  from: ['accepted'], to: 'in_review', by: ['reviewer'],
  label: '开始审核',
  staffForm: { usually: 'reviewer', confirm: '确认开始审核', fields: () => [messageField('备注（可不填）', { rows: 2 })] },
  input: z.object({ message: optionalNote }),
  event: (c) => ({ message: c.input.message || null }),
  notice: (c) => statusNotice('start_review', c.ref, c.to, c.input.message),
};
