// The database side of tests/e2e/privacy.spec.ts, against the e2e server's database; prints one JSON line.
// Usage: tsx --conditions=react-server my-data.ts <command> <phone|id>
//   facts <phone>        the account's applications (ref, status, bank account), consents and requests, read directly
//   age-consent <phone>  makes the account's consent one given under an older notice version
//   draft <phone>        a Wuxi draft for the account, changed now; prints its id
//   old-draft <phone>    a Wuxi draft for the account, last changed 181 days ago; prints its id
//   retention            queues a Wuxi retention run now; prints the job id
//   exists <id>          whether the application with this id is still there
import { and, eq, or } from 'drizzle-orm';
import { decrypt, lookupHash } from '@/lib/personal/crypto';
import { createDraft } from '@/lib/dal/drafts';
import { enqueueRetention } from '@/lib/dal/retention';
import { toSessionUser } from '@/lib/dal/users';
import { closeDatabase, q, schema } from '@/lib/store/db';

const [command, arg] = process.argv.slice(2) as [string, string];

async function account(phone: string) {
  const [row] = await q((db) => db.select().from(schema.users).where(eq(schema.users.phoneHmac, lookupHash(`phone:${phone}`))));
  if (!row) throw new Error(`no account for ${phone}`);
  return row;
}

let out: unknown;
if (command === 'facts') {
  const user = await account(arg);
  const t = schema.applications;
  const apps = await q((db) => db.select().from(t).where(or(eq(t.filedByUserId, user.id), user.personId ? eq(t.personId, user.personId) : undefined)));
  const consents = await q((db) => db.select().from(schema.consents).where(eq(schema.consents.userId, user.id)));
  out = {
    phone: user.phoneEnc ? decrypt(user.phoneEnc) : null,
    applications: apps.map((a) => ({ ref: a.ref, status: a.status, bankAccount: a.bankAccountEnc ? decrypt(a.bankAccountEnc) : null })).sort((x, y) => String(x.ref).localeCompare(String(y.ref))),
    consents: consents.map((c) => ({ kind: c.kind, noticeVersion: c.noticeVersion })),
  };
} else if (command === 'age-consent') {
  const user = await account(arg);
  await q((db) => db.update(schema.consents).set({ noticeVersion: '2000-01-01' }).where(and(eq(schema.consents.userId, user.id), eq(schema.consents.kind, 'sensitive'))));
  out = { ok: true };
} else if (command === 'draft' || command === 'old-draft') {
  const user = toSessionUser(await account(arg));
  const created = await createDraft(user, { region: 'wuxi' });
  if (!created.ok) throw new Error(created.message);
  if (command === 'old-draft') await q((db) => db.update(schema.applications).set({ updatedAt: new Date(Date.now() - 181 * 86_400_000).toISOString() }).where(eq(schema.applications.id, created.id)));
  out = { id: created.id };
} else if (command === 'retention') {
  const job = await enqueueRetention('wuxi');
  out = { id: job.id };
} else if (command === 'exists') {
  const rows = await q((db) => db.select({ id: schema.applications.id }).from(schema.applications).where(eq(schema.applications.id, arg)));
  out = { exists: rows.length > 0 };
} else throw new Error(`unknown command ${command}`);
console.log(JSON.stringify(out));
await closeDatabase();
process.exit(0);
