import { z } from 'zod';
import type { Verb } from '@/lib/workflow/run';
import { messageField } from '@/lib/workflow/forms';
import { optionalNote, statusNotice } from './common';

/** 受理: the clerk found the application complete enough to work on. */
export const accept: Verb<{ message: string }> = {
  name: 'accept',
  // A reviewer may accept too (small offices); four eyes then keeps them from deciding it (./common.ts).
  from: ['submitted'], to: 'accepted', by: ['clerk', 'reviewer'],
  label: '受理',
  staffForm: { usually: 'clerk', confirm: '我已核对材料齐全，确认受理', fields: () => [messageField('备注（可不填）', { rows: 2 })] },
  input: z.object({ message: optionalNote }),
  event: (c) => ({ message: c.input.message || null }),
  notice: (c) => statusNotice('accept', c.ref, c.to, c.input.message),
};
