import { z } from 'zod';
import { recordPaymentRows } from '@/lib/dal/ledger';
import type { Verb } from '@/lib/workflow/run';
import { batchRefField, messageField } from '@/lib/workflow/forms';
import { batchRef, optionalNote, statusNotice } from './common';

/**
 * The transfer reached the applicant's account: a `payment` row for what is outstanding is added to the ledger
 * (with the bank batch reference); no earlier row is changed.
 */
export const recordPayment: Verb<{ message: string; batchRef?: string }> = {
  name: 'record_payment',
  from: ['approved'], to: 'paid', by: ['clerk', 'reviewer', 'admin'],
  label: '登记已发放',
  staffForm: {
    usually: 'clerk',
    confirm: '确认银行已付款到账',
    // The batch reference goes to batchRef, where the ledger and the batch views read it; the note stays a note.
    fields: () => [batchRefField, messageField('说明（可不填）')],
  },
  input: z.object({ message: optionalNote, batchRef }),
  event: (c) => ({ message: c.input.message || null, data: c.input.batchRef ? { batchRef: c.input.batchRef } : undefined }),
  effects: (c) => recordPaymentRows(c.db, c.app, c.actor, { batchRef: c.input.batchRef ?? null, now: c.now }),
  notice: (c) => statusNotice('record_payment', c.ref, c.to, c.input.message),
};
