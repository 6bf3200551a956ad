import 'server-only';
// In-portal inbox for every status change, plus a short SMS through the configured sender.
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { db, schema } from '@/db';
import { decrypt } from '@/lib/crypto';
import type { SessionUser } from '@/lib/dal/users';
import { smsSender } from '@/lib/sms';

type Tx = Pick<ReturnType<typeof db>, 'insert' | 'select'>;

/** Inbox rows for whoever filed the application and the applicant's own account; returns who to text. */
export function notifyApplication(
  tx: Tx,
  app: { id: string; filedByUserId: string; personId: string | null },
  title: string,
  body: string,
): string[] {
  const recipients = new Set([app.filedByUserId]);
  if (app.personId) {
    const own = tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.personId, app.personId)).get();
    if (own) recipients.add(own.id);
  }
  for (const userId of recipients) tx.insert(schema.notifications).values({ userId, applicationId: app.id, title, body }).run();
  return [...recipients];
}

/** After the transaction committed: a short text to each recipient's phone. Failures are logged, never thrown. */
export async function textRecipients(userIds: string[], text: string): Promise<void> {
  for (const id of userIds) {
    const user = db().select({ phoneEnc: schema.users.phoneEnc }).from(schema.users).where(eq(schema.users.id, id)).get();
    if (!user?.phoneEnc) continue;
    try {
      await smsSender().send(decrypt(user.phoneEnc), text);
    } catch (error) {
      console.error('[notify] sms failed', error);
    }
  }
}

export function listNotifications(actor: SessionUser, limit = 20) {
  const n = schema.notifications;
  return db().select().from(n).where(eq(n.userId, actor.id)).orderBy(desc(n.createdAt)).limit(limit).all();
}

export function unreadCount(actor: SessionUser): number {
  const n = schema.notifications;
  return db().select({ c: count() }).from(n).where(and(eq(n.userId, actor.id), isNull(n.readAt))).get()?.c ?? 0;
}

export function markAllRead(actor: SessionUser, now = new Date()): void {
  const n = schema.notifications;
  db().update(n).set({ readAt: now.toISOString() }).where(and(eq(n.userId, actor.id), isNull(n.readAt))).run();
}
