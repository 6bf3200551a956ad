import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@/lib/store/db';
import type { Verb } from '@/lib/workflow/run';
import { sentences } from '@/lib/format';
import { note } from './common';

/**
 * The bank returned the transfer (closed account, wrong name): the pending row is marked failed and a new
 * pending row for the same amount waits for the retry, so the ledger keeps both.
 */
export const recordPaymentFailure: Verb<{ message: string }> = {
  name: 'record_payment_failure',
  input: z.object({ message: note('请写明发放失败的原因（例如账户已销户）') }),
  event: (c) => ({ message: c.input.message }),
  effects: async (c) => {
    const p = schema.payments;
    const failed = await c.db.update(p).set({ status: 'failed' }).where(and(eq(p.applicationId, c.app.id), eq(p.status, 'pending'))).returning();
    for (const row of failed) {
      await c.db.insert(p).values({ applicationId: row.applicationId, personId: row.personId, region: row.region, year: row.year, pool: row.pool, amountFen: row.amountFen, status: 'pending' });
    }
  },
  notice: (c) => ({
    title: `申请 ${c.ref}：救助金发放未成功`,
    body: sentences(`发放未成功：${c.input.message}`, '工作人员会重新发放；如收款账户有变化，请联系经办窗口'),
    sms: `【医疗救助】您的申请 ${c.ref} 救助金发放未成功，请登录查看。`,
  }),
};
