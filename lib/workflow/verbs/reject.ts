import { z } from 'zod';
import { refuse } from '@/lib/result';
import { localRules } from '@/lib/dal/region-settings';
import { rejectReason } from '@/lib/workflow/reject-reasons';
import type { Verb } from '@/lib/workflow/run';
import { fourEyes, optionalNote, statusNotice } from './common';

export type RejectInput = { reasonCode: string; reason: string; clause: string };

/**
 * 不予救助, always with a reason of the region from lib/workflow/reject-reasons.ts; decisionClause keeps the clause
 * in words (or the local rule and its source; for "other", what the reviewer wrote), the event also the clause code.
 * Four eyes: not by whoever filed or accepted it.
 */
export const reject: Verb<RejectInput, { label: string; clause: string; clauseCode: string | null }> = {
  name: 'reject',
  from: ['submitted', 'accepted', 'in_review', 'needs_info'], to: 'rejected', by: ['clerk', 'reviewer'],
  label: '不予救助',
  eventLabel: '决定不予救助',
  barred: (app, actor) => fourEyes(app, actor, '不予救助'),
  staffForm: {
    usually: 'reviewer',
    confirm: '我已核对原因和依据条款，确认不予救助',
    danger: true,
    fields: (c) => [
      { kind: 'choice', name: 'reasonCode', legend: '不予救助的原因', options: c.reasons.map((r) => ({ value: r.code, label: r.label, hint: r.clause ? `依据：${r.clause}` : undefined })) },
      { kind: 'textarea', name: 'reason', label: '具体说明', hint: '写给申请人看的具体情况；选“其他原因”时必填' },
      { kind: 'text', name: 'clause', label: '依据的条款（仅“其他原因”时填写）' },
    ],
  },
  input: z.object({
    reasonCode: z.string({ error: '请选择不予救助的原因' }).trim().min(1, '请选择不予救助的原因'),
    reason: optionalNote,
    clause: z.string().trim().max(200, '条款不能超过 200 字').optional().default(''),
  }),
  prepare: async (c) => {
    const choice = rejectReason(c.app.region, c.input.reasonCode, await localRules(c.app.region));
    if (!choice) return refuse('invalid', '请选择不予救助的原因。', { reasonCode: '请从列表中选择不予救助的原因' });
    if (choice.code === 'other') {
      const errors: Record<string, string> = {};
      if (!c.input.reason) errors.reason = '选择“其他原因”时，请写明不予救助的原因';
      if (!c.input.clause) errors.clause = '选择“其他原因”时，请写明依据的政策条款';
      if (Object.keys(errors).length) return refuse('invalid', '请写明原因和依据的条款。', errors);
      return { ok: true, value: { label: c.input.reason, clause: c.input.clause, clauseCode: null } };
    }
    return { ok: true, value: { label: choice.label, clause: choice.clause!, clauseCode: choice.clauseCode } };
  },
  patch: (c) => ({ decisionReason: reasonText(c.input, c.prepared.label), decisionClause: c.prepared.clause, decidedAt: c.now.toISOString() }),
  event: (c) => ({ message: reasonText(c.input, c.prepared.label), data: { reasonCode: c.input.reasonCode, clauseCode: c.prepared.clauseCode, clause: c.prepared.clause } }),
  notice: (c) => statusNotice('reject', c.ref, c.to, reasonText(c.input, c.prepared.label)),
};

function reasonText(input: RejectInput, label: string): string {
  return input.reasonCode === 'other' || !input.reason ? label : `${label}：${input.reason}`;
}
