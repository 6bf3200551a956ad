import 'server-only';
// In-portal inbox for every status change, plus a short SMS through the configured sender.
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { q, schema } from '@/lib/store/db';
import { decrypt } from '@/lib/personal/crypto';
import type { SessionUser } from '@/lib/dal/users';
import { smsSender } from '@/lib/sms';
import { covers } from '@/lib/authority/states';
import { todayInShanghai } from '@/lib/format';
import { log } from '@/lib/observe/log';

/**
 * Inbox rows for the applicant's own account, whoever filed it themself, and the proxies whose live authority
 * includes 接收通知 (`notify`) for this application; returns who to text. A clerk who filed at the counter
 * gets none (the person is texted at the phone they gave: textPhone).
 */
export async function notifyApplication(
  app: { id: string; filedByUserId: string; personId: string | null },
  title: string,
  body: string,
  // The same notice addressed to a proxy: about the applicant (their money, their account), never "您的".
  forProxy: (name: string) => string = (name) => body.replaceAll('您的', `${name} 的`),
  today = todayInShanghai(),
): Promise<{ own: string[]; proxies: string[]; proxyFor: string | null }> {
  const recipients = new Set<string>();
  const proxies = new Set<string>();
  let proxyFor: string | null = null;
  const [filer] = await q((db) => db.select({ role: schema.users.role, personId: schema.users.personId }).from(schema.users).where(eq(schema.users.id, app.filedByUserId)));
  if (app.personId) {
    const personId = app.personId;
    // The filer is the applicant themself unless they hold (or held) an authority from this person.
    const asProxy = await q((db) => db.select({ id: schema.authorities.id }).from(schema.authorities).where(and(eq(schema.authorities.proxyUserId, app.filedByUserId), eq(schema.authorities.grantorPersonId, personId))));
    if (filer?.role === 'resident' && (filer.personId === personId || asProxy.length === 0)) recipients.add(app.filedByUserId);
    const [own] = await q((db) => db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.personId, personId)));
    if (own) recipients.add(own.id);
    const a = schema.authorities;
    const held = await q((db) => db.select().from(a).where(and(eq(a.grantorPersonId, personId), eq(a.status, 'active'))));
    for (const p of held) {
      if (p.proxyUserId && !recipients.has(p.proxyUserId) && covers(p, { proxyUserId: p.proxyUserId, personId, need: 'notify', today, applicationId: app.id }).ok) proxies.add(p.proxyUserId);
    }
    if (proxies.size) proxyFor = (await q((db) => db.select({ m: schema.persons.nameMasked }).from(schema.persons).where(eq(schema.persons.id, personId))))[0]?.m ?? '申请人';
  } else if (filer?.role === 'resident') recipients.add(app.filedByUserId);
  for (const userId of recipients) await q((db) => db.insert(schema.notifications).values({ userId, applicationId: app.id, title, body }));
  const proxyBody = proxyFor ? forProxy(proxyFor) : body;
  for (const userId of proxies) await q((db) => db.insert(schema.notifications).values({ userId, applicationId: app.id, title: `${proxyFor}：${title}`, body: proxyBody }));
  return { own: [...recipients], proxies: [...proxies], proxyFor };
}

/** One inbox row for an account (authority notices: invitations, acceptances, revocations, reminders). */
export async function notifyUser(userId: string, title: string, body: string): Promise<void> {
  await q((db) => db.insert(schema.notifications).values({ userId, title, body }));
}

/** After commit: a text to a phone number that has no account behind it (a person served at the counter). */
export async function textPhone(phone: string, text: string): Promise<void> {
  try {
    await smsSender().send(phone, text);
  } catch (error) {
    log('error', 'sms failed', { error });
  }
}

/** The account withdrew consent to SMS notices on 我的数据 (its latest SMS consent row is withdrawn); the inbox still gets them. */
export async function smsWithdrawnBy(userId: string): Promise<boolean> {
  const c = schema.consents;
  const [last] = await q((db) => db.select({ w: c.withdrawnAt }).from(c).where(and(eq(c.userId, userId), eq(c.kind, 'sms'))).orderBy(desc(c.givenAt)).limit(1));
  return Boolean(last?.w);
}

/** The encrypted phones of those users who have one and have not withdrawn SMS consent. */
export async function textablePhones(userIds: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of userIds) {
    const [user] = await q((db) => db.select({ phoneEnc: schema.users.phoneEnc }).from(schema.users).where(eq(schema.users.id, id)));
    if (user?.phoneEnc && !(await smsWithdrawnBy(id))) out.push(user.phoneEnc);
  }
  return out;
}

/** After the transaction committed: a short text to each recipient's phone. Failures are logged, never thrown. */
export async function textRecipients(userIds: string[], text: string): Promise<void> {
  for (const phoneEnc of await textablePhones(userIds)) {
    try {
      await smsSender().send(decrypt(phoneEnc), text);
    } catch (error) {
      log('error', 'sms failed', { error });
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
