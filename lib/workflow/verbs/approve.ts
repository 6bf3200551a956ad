import { z } from 'zod';
import { recordApproval } from '@/lib/dal/ledger';
import { formatMoney } from '@/lib/format';
import { refuse } from '@/lib/result';
import type { Verb } from '@/lib/workflow/run';
import { fen, fourEyes, optionalNote, statusNotice } from './common';

export type ApproveInput = { amountFen: number; reason: string; message: string };

/**
 * 批准 with the decided amount; the ledger gets a pending payment in the same transaction. The amount
 * defaults to the estimate stored at submission: deciding any other amount needs the reason, kept on the
 * event and in the decision notice. Four eyes: not by whoever filed or accepted it.
 */
export const approve: Verb<ApproveInput> = {
  name: 'approve',
  input: z.object({ amountFen: fen('请填写核定的救助金额'), reason: optionalNote, message: optionalNote }),
  prepare: async (c) => {
    const refusal = await fourEyes(c.app, c.actor, '批准');
    if (refusal) return refusal;
    if (c.app.estimatedFen !== null && c.input.amountFen !== c.app.estimatedFen && !c.input.reason) {
      const msg = `核定金额与计算结果 ${formatMoney(c.app.estimatedFen)} 不同，请写明调整的原因`;
      return refuse('invalid', msg, { reason: msg });
    }
    return { ok: true, value: undefined };
  },
  patch: (c) => ({ decidedAmountFen: c.input.amountFen, decidedAt: c.now.toISOString() }),
  event: (c) => ({
    message: c.input.message || null,
    data: { amountFen: c.input.amountFen, estimatedFen: c.app.estimatedFen, ...(c.input.reason && c.input.amountFen !== c.app.estimatedFen ? { adjustmentReason: c.input.reason } : {}) },
  }),
  effects: (c) => recordApproval(c.db, c.app, c.input.amountFen, c.actor),
  notice: (c) => statusNotice('approve', c.ref, c.to, null, c.input.amountFen),
};
