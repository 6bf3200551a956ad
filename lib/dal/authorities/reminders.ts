import 'server-only';
// The daily authority run: a notice to both sides 14 days before an authority ends, and the end itself
// (authorities past their end date, invitations past their 14 days, marked expired). Idempotent: a reminder
// is claimed by a compare-and-set on reminded_at, an expiry by one on the status, so running it twice (or on
// two instances at once) sends nothing twice. Plain function for the job worker; `npm run reminders` runs it.
import { and, eq, gte, isNull, lt, lte } from 'drizzle-orm';
import { addDays, checkAuthorityStep, REMINDER_DAYS } from '@/lib/authority/states';
import { writeAudit } from '@/lib/dal/audit';
import { notifyUser, textRecipients } from '@/lib/dal/notifications';
import { todayInShanghai } from '@/lib/format';
import { q, schema, transaction } from '@/lib/store/db';

export type ReminderRun = { reminded: number; expired: number };

export async function sendAuthorityReminders(now: Date = new Date()): Promise<ReminderRun> {
  const today = todayInShanghai(now);
  const a = schema.authorities;
  const run: ReminderRun = { reminded: 0, expired: 0 };

  // Ended: active past the end date, invitations past their 14 days.
  const ended = await q((db) => db.select({ id: a.id, status: a.status }).from(a).where(and(eq(a.status, 'active'), lt(a.validTo, today))));
  const stale = await q((db) => db.select({ id: a.id, status: a.status }).from(a).where(and(eq(a.status, 'pending'), eq(a.kind, 'invitation'), lt(a.inviteExpiresAt, now.toISOString()))));
  for (const row of [...ended, ...stale]) {
    const check = checkAuthorityStep('expire', row.status, 'system');
    if (!check.ok) continue;
    await transaction(async (db) => {
      const done = await db.update(a).set({ status: check.to }).where(and(eq(a.id, row.id), eq(a.status, row.status))).returning({ id: a.id });
      if (done.length === 0) return;
      await writeAudit({ actorUserId: null, actorRole: 'system', action: 'authority.expire', entity: 'authority', entityId: row.id, authorityId: row.id });
      run.expired += 1;
    });
  }

  // Due for the reminder: active, ending within the next 14 days (on the 14th day before at the earliest).
  const due = await q((db) => db.select().from(a).where(and(eq(a.status, 'active'), isNull(a.remindedAt), gte(a.validTo, today), lte(a.validTo, addDays(today, REMINDER_DAYS)))));
  for (const row of due) {
    const recipients = await transaction(async (db) => {
      const claimed = await db.update(a).set({ remindedAt: now.toISOString() }).where(and(eq(a.id, row.id), isNull(a.remindedAt), eq(a.status, 'active'))).returning({ id: a.id });
      if (claimed.length === 0) return [];
      const [person] = await db.select({ nameMasked: schema.persons.nameMasked }).from(schema.persons).where(eq(schema.persons.id, row.grantorPersonId));
      const [own] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.personId, row.grantorPersonId));
      const to = [own?.id, row.proxyUserId].filter((x): x is string => Boolean(x));
      for (const userId of to) await notifyUser(userId, '委托即将到期', `为 ${person?.nameMasked ?? ''} 代办的委托将于 ${row.validTo} 到期，到期后代办人不能再办理。需要继续的，请委托人在“委托代办”页重新邀请。`);
      await writeAudit({ actorUserId: null, actorRole: 'system', action: 'authority.remind', entity: 'authority', entityId: row.id, authorityId: row.id, summary: { validTo: row.validTo } });
      run.reminded += 1;
      return to;
    });
    if (recipients.length) await textRecipients(recipients, `【医疗救助】您的代办委托将于 ${row.validTo} 到期，请登录查看。`);
  }
  return run;
}
