import { z } from 'zod';
import { recordApproval } from '@/lib/dal/ledger';
import type { Verb } from '@/lib/workflow/run';
import { fen, optionalNote, statusNotice } from './common';

/** 批准 with the decided amount; the ledger gets a pending payment in the same transaction. */
export const approve: Verb<{ amountFen: number; message: string }> = {
  name: 'approve',
  input: z.object({ amountFen: fen('请填写核定的救助金额'), message: optionalNote }),
  patch: (c) => ({ decidedAmountFen: c.input.amountFen, decidedAt: c.now.toISOString() }),
  event: (c) => ({ message: c.input.message || null, data: { amountFen: c.input.amountFen } }),
  effects: (c) => recordApproval(c.db, c.app, c.input.amountFen, c.actor),
  notice: (c) => statusNotice('approve', c.ref, c.to, null, c.input.amountFen),
};
