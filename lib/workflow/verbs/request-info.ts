import { z } from 'zod';
import type { Verb } from '@/lib/workflow/run';
import { note, statusNotice } from './common';

/** 补正: staff say what is missing; the applicant answers through `answer`. */
export const requestInfo: Verb<{ message: string; requireDocuments: boolean }> = {
  name: 'request_info',
  input: z.object({ message: note('请写明需要补充哪些材料'), requireDocuments: z.boolean().optional().default(false) }),
  event: (c) => ({ message: c.input.message, data: { requireDocuments: c.input.requireDocuments } }),
  notice: (c) => statusNotice('request_info', c.ref, c.to, c.input.message),
};
