import { z } from 'zod';
import { recordAdjustment } from '@/lib/dal/ledger';
import { fenToYuanInput, formatMoney, sentences } from '@/lib/format';
import { refuse } from '@/lib/result';
import type { Verb } from '@/lib/workflow/run';
import { answer, moneyField } from '@/lib/workflow/forms';
import { fen, fourEyes, note } from './common';

export type CorrectAmountInput = { amountFen: number; reason: string };

/**
 * 更正核定金额 before the money is paid (a wrong figure found in the approval, a receipt read wrong). The ledger
 * keeps the approval row and gets `adjustment` rows for the difference per pool, never an edit; the annual limit is
 * checked again under the person-year lock. The reason is required and goes on the event, into the decision notice
 * and to the applicant. Four eyes as for the approval itself.
 */
export const correctAmount: Verb<CorrectAmountInput> = {
  name: 'correct_amount',
  // A wrong decided amount found before payment: adjustment rows in the ledger, the case stays approved.
  from: ['approved'], to: 'approved', by: ['reviewer'],
  label: '更正核定金额',
  barred: (app, actor) => fourEyes(app, actor, '批准'),
  staffForm: {
    usually: 'reviewer',
    confirm: '我已核对更正的金额和原因，确认更正（原批准记录保留，差额另记一笔）',
    fields: (c) => [
      {
        kind: 'money', name: 'amountYuan', label: '更正后的核定金额（元）',
        hint: c.decidedAmountFen !== null ? `现在的核定金额为 ${fenToYuanInput(c.decidedAmountFen)} 元` : undefined,
        defaultValue: c.decidedAmountFen !== null ? fenToYuanInput(c.decidedAmountFen) : undefined,
      },
      { kind: 'textarea', name: 'reason', label: '更正的原因', hint: '会写入决定书并告知申请人' },
    ],
    read: (v) => {
      const amount = moneyField(v, 'amountYuan', '请填写更正后的核定金额（元，最多两位小数）');
      return 'fen' in amount ? { input: { amountFen: amount.fen, reason: answer(v, 'reason') } } : amount;
    },
    errorAt: { amountFen: 'amountYuan' },
  },
  input: z.object({ amountFen: fen('请填写更正后的核定金额'), reason: note('请写明更正的原因') }),
  prepare: async (c) => {
    if (c.input.amountFen === c.app.decidedAmountFen) {
      const msg = `更正后的金额与现在的核定金额 ${formatMoney(c.input.amountFen)} 相同，无需更正`;
      return refuse('invalid', msg, { amountFen: msg });
    }
    return { ok: true, value: undefined };
  },
  patch: (c) => ({ decidedAmountFen: c.input.amountFen }),
  event: (c) => ({ message: c.input.reason, data: { amountFen: c.input.amountFen, previousFen: c.app.decidedAmountFen, adjustmentReason: c.input.reason } }),
  effects: (c) => recordAdjustment(c.db, c.app, c.input.amountFen, c.actor, c.input.reason),
  notice: (c) => ({
    title: `申请 ${c.ref}：核定金额已更正`,
    body: sentences(`核定救助金额由 ${formatMoney(c.app.decidedAmountFen ?? 0)} 更正为 ${formatMoney(c.input.amountFen)}`, `原因：${c.input.reason}`, '可以在申请页面查看更正后的决定书'),
    sms: `【医疗救助】您的申请 ${c.ref} 核定金额已更正，请登录查看。`,
  }),
};
