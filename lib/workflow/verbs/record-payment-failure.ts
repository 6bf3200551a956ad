import { z } from 'zod';
import { recordFailureRows } from '@/lib/dal/ledger';
import type { Verb } from '@/lib/workflow/run';
import { sentences } from '@/lib/format';
import { batchRefField, messageField } from '@/lib/workflow/forms';
import { batchRef, note } from './common';

/**
 * The bank returned the transfer (closed account, wrong name): a `failure` row with the bank's reason is added;
 * the amount stays outstanding (derived from the rows), so the case can be paid again. No row is changed.
 */
export const recordPaymentFailure: Verb<{ message: string; batchRef?: string }> = {
  name: 'record_payment_failure',
  // The case stays approved: the ledger shows the failure, and it is paid again.
  from: ['approved'], to: 'approved', by: ['clerk', 'reviewer', 'admin'],
  label: '登记发放失败',
  staffForm: { usually: 'clerk', confirm: '确认银行退回了这笔款项', danger: true, fields: () => [messageField('银行退回的原因', { hint: '例如：账户已销户' }), batchRefField] },
  input: z.object({ message: note('请写明发放失败的原因（例如账户已销户）'), batchRef }),
  event: (c) => ({ message: c.input.message, data: c.input.batchRef ? { batchRef: c.input.batchRef } : undefined }),
  effects: (c) => recordFailureRows(c.db, c.app, c.actor, { batchRef: c.input.batchRef ?? null, reason: c.input.message, now: c.now }),
  notice: (c) => ({
    title: `申请 ${c.ref}：救助金发放未成功`,
    body: sentences(`发放未成功：${c.input.message}`, '如账户已销户或有变化，请在申请页面点“更换收款账户”提交新的账户，工作人员核实后重新发放'),
    sms: `【医疗救助】您的申请 ${c.ref} 救助金发放未成功，请登录查看。`,
  }),
};
