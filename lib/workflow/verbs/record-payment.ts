import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@/lib/store/db';
import type { Verb } from '@/lib/workflow/run';
import { optionalNote, statusNotice } from './common';

/** The transfer reached the applicant's account: the pending ledger row is paid. */
export const recordPayment: Verb<{ message: string }> = {
  name: 'record_payment',
  input: z.object({ message: optionalNote }),
  event: (c) => ({ message: c.input.message || null }),
  effects: async (c) => {
    const p = schema.payments;
    await c.db.update(p).set({ status: 'paid', paidAt: c.now.toISOString() }).where(and(eq(p.applicationId, c.app.id), eq(p.status, 'pending')));
  },
  notice: (c) => statusNotice('record_payment', c.ref, c.to, c.input.message),
};
