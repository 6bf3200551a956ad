import 'server-only';
// In-portal inbox for every status change, plus a short SMS through the configured sender.
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { q, schema } from '@/lib/store/db';
import { decrypt } from '@/lib/crypto';
import type { SessionUser } from '@/lib/dal/users';
import { smsSender } from '@/lib/sms';

/** Inbox rows for whoever filed the application and the applicant's own account; returns who to text. */
export async function notifyApplication(app: { id: string; filedByUserId: string; personId: string | null }, title: string, body: string): Promise<string[]> {
  const recipients = new Set([app.filedByUserId]);
  if (app.personId) {
    const personId = app.personId;
    const [own] = await q((db) => db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.personId, personId)));
    if (own) recipients.add(own.id);
  }
  for (const userId of recipients) await q((db) => db.insert(schema.notifications).values({ userId, applicationId: app.id, title, body }));
  return [...recipients];
}

/** After the transaction committed: a short text to each recipient's phone. Failures are logged, never thrown. */
export async function textRecipients(userIds: string[], text: string): Promise<void> {
  for (const id of userIds) {
    const [user] = await q((db) => db.select({ phoneEnc: schema.users.phoneEnc }).from(schema.users).where(eq(schema.users.id, id)));
    if (!user?.phoneEnc) continue;
    try {
      await smsSender().send(decrypt(user.phoneEnc), text);
    } catch (error) {
      console.error('[notify] sms failed', error);
    }
  }
}

export async function listNotifications(actor: SessionUser, limit = 20) {
  const n = schema.notifications;
  return q((db) => db.select().from(n).where(eq(n.userId, actor.id)).orderBy(desc(n.createdAt)).limit(limit));
}

export async function unreadCount(actor: SessionUser): Promise<number> {
  const n = schema.notifications;
  const [row] = await q((db) => db.select({ c: count() }).from(n).where(and(eq(n.userId, actor.id), isNull(n.readAt))));
  return row?.c ?? 0;
}

export async function markAllRead(actor: SessionUser, now = new Date()): Promise<void> {
  const n = schema.notifications;
  await q((db) => db.update(n).set({ readAt: now.toISOString() }).where(and(eq(n.userId, actor.id), isNull(n.readAt))));
}
