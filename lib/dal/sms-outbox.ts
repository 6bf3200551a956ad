import 'server-only';
// SMS after commit, for work that runs inside a larger transaction (a direct-award batch of an import, the bank's
// result file, a held row's award): the texts are rows written in that transaction, so a batch rolled back sends
// nothing, and the worker (scripts/worker.ts) sends them once it has committed. A row is claimed by
// compare-and-set before sending, so two workers never send the same text; a failed send is retried 3 times.
import { and, asc, eq } from 'drizzle-orm';
import { decrypt } from '@/lib/personal/crypto';
import { textablePhones } from '@/lib/dal/notifications';
import { smsSender } from '@/lib/sms';
import { q, schema } from '@/lib/store/db';

const MAX_TRIES = 3;

/** Queues a text to each user's phone, in the caller's transaction (no phone or SMS withdrawn: none). */
export async function queueTexts(userIds: string[], text: string): Promise<void> {
  for (const phoneEnc of await textablePhones(userIds)) await q((db) => db.insert(schema.smsOutbox).values({ phoneEnc, text }));
}

/** Sends what committed transactions queued, oldest first; returns how many went out. */
export async function sendOutbox(limit = 50, now = () => new Date()): Promise<{ sent: number; failed: number }> {
  const o = schema.smsOutbox;
  const due = await q((db) => db.select().from(o).where(eq(o.status, 'pending')).orderBy(asc(o.createdAt)).limit(limit));
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    const claimed = await q((db) => db.update(o).set({ status: 'sent', sentAt: now().toISOString(), attempts: row.attempts + 1 }).where(and(eq(o.id, row.id), eq(o.status, 'pending'))).returning({ id: o.id }));
    if (claimed.length === 0) continue;
    try {
      await smsSender().send(decrypt(row.phoneEnc), row.text);
      sent++;
    } catch (error) {
      failed++;
      const last = row.attempts + 1 >= MAX_TRIES;
      await q((db) => db.update(o).set({ status: last ? 'failed' : 'pending', sentAt: null, lastError: error instanceof Error ? error.message.slice(0, 200) : 'error' }).where(eq(o.id, row.id)));
    }
  }
  return { sent, failed };
}
