import { z } from 'zod';
import type { Verb } from '@/lib/workflow/run';
import { optionalNote, statusNotice } from './common';

/** 受理: the clerk found the application complete enough to work on. */
export const accept: Verb<{ message: string }> = {
  name: 'accept',
  input: z.object({ message: optionalNote }),
  event: (c) => ({ message: c.input.message || null }),
  notice: (c) => statusNotice('accept', c.ref, c.to, c.input.message),
};
