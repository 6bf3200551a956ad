import { z } from 'zod';
import type { Verb } from '@/lib/workflow/run';
import { optionalNote, statusNotice } from './common';

/** The reviewer takes an accepted application into review. */
export const startReview: Verb<{ message: string }> = {
  name: 'start_review',
  input: z.object({ message: optionalNote }),
  event: (c) => ({ message: c.input.message || null }),
  notice: (c) => statusNotice('start_review', c.ref, c.to, c.input.message),
};
