import { z } from 'zod';
import type { EstimateSnapshot } from '@/lib/dal/applications';
import { alreadyPaidFen, visitMatches } from '@/lib/dal/visit-duplicates';
import { fenToYuanInput, formatMoney } from '@/lib/format';
import { refuse } from '@/lib/result';
import type { Verb } from '@/lib/workflow/run';
import { answer, messageField, moneyField } from '@/lib/workflow/forms';
import { approveAmount, fen, fourEyes, optionalNote, statusNotice } from './common';

export type ApproveInput = { amountFen: number; reason: string; message: string };
/** What the case owes once visits paid elsewhere are taken out (and, after the ledger, the room a limit leaves). */
type Prepared = { amountFen: number; alreadyPaid: { fen: number; refs: string[] } };

/**
 * 批准 with the decided amount; the ledger gets a pending payment in the same transaction. The amount
 * defaults to the estimate stored at submission: deciding any other amount needs the reason, kept on the
 * event and in the decision notice. Four eyes: not by whoever filed or accepted it. A visit another case or
 * the hospital's settlement already paid is not paid again (lib/dal/visit-duplicates.ts), and a limit with less
 * room pays the room left (recordApproval).
 */
export const approve: Verb<ApproveInput, Prepared> = {
  name: 'approve',
  from: ['in_review'], to: 'approved', by: ['reviewer'],
  label: '批准',
  eventLabel: '批准救助',
  barred: (app, actor) => fourEyes(app, actor, '批准'),
  staffForm: {
    usually: 'reviewer',
    confirm: '我已核对金额和依据，确认批准',
    fields: (c) => [
      {
        kind: 'money', name: 'amountYuan', label: '核定救助金额（元）',
        hint: c.estimatedFen !== null ? `默认为提交时的计算结果 ${fenToYuanInput(c.estimatedFen)} 元；改动金额须写明原因` : undefined,
        defaultValue: c.estimatedFen !== null ? fenToYuanInput(c.estimatedFen) : undefined,
      },
      { kind: 'textarea', name: 'reason', label: '金额调整的原因（金额与计算结果不同时必填）' },
      messageField('给申请人的说明（可不填）'),
    ],
    read: (v) => {
      const amount = moneyField(v, 'amountYuan', '请填写核定的救助金额（元，最多两位小数）');
      return 'fen' in amount ? { input: { amountFen: amount.fen, reason: answer(v, 'reason'), message: answer(v, 'message') } } : amount;
    },
    errorAt: { amountFen: 'amountYuan' },
  },
  input: z.object({ amountFen: fen('请填写核定的救助金额'), reason: optionalNote, message: optionalNote }),
  prepare: async (c) => {
    if (c.app.estimatedFen !== null && c.input.amountFen !== c.app.estimatedFen && !c.input.reason) {
      const msg = `核定金额与计算结果 ${formatMoney(c.app.estimatedFen)} 不同，请写明调整的原因`;
      return refuse('invalid', msg, { reason: msg });
    }
    const alreadyPaid = alreadyPaidFen(c.app.estimateSnapshot as EstimateSnapshot | null, await visitMatches(c.app));
    return { ok: true, value: { amountFen: Math.max(0, c.input.amountFen - alreadyPaid.fen), alreadyPaid } };
  },
  patch: (c) => ({ decidedAmountFen: c.prepared.amountFen, decidedAt: c.now.toISOString() }),
  event: (c) => ({
    message: c.input.message || null,
    data: {
      amountFen: c.prepared.amountFen, estimatedFen: c.app.estimatedFen,
      ...(c.input.reason && c.input.amountFen !== c.app.estimatedFen ? { adjustmentReason: c.input.reason } : {}),
      ...(c.prepared.alreadyPaid.fen > 0 ? { alreadyPaidFen: c.prepared.alreadyPaid.fen, alreadyPaidRefs: c.prepared.alreadyPaid.refs, requestedFen: c.input.amountFen } : {}),
    },
  }),
  effects: async (c) => {
    const p = c.prepared;
    const dup = p.alreadyPaid.fen > 0 ? `其中 ${formatMoney(p.alreadyPaid.fen)} 的就医已${p.alreadyPaid.refs.length ? `由 ${p.alreadyPaid.refs.join('、')} 办理` : '在医院结算时由医疗救助支付'}，不重复支付` : null;
    p.amountFen = (await approveAmount(c, c.app, p.amountFen, { reason: dup })).amountFen;
  },
  notice: (c) => statusNotice('approve', c.ref, c.to, null, c.prepared.amountFen),
};
