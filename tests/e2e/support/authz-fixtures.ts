// Records for the authorization matrix (tests/e2e/authz-matrix.spec.ts), against the e2e server's database.
//   setup <json>     proxy accounts with today's `authorities` rows for the owner's person (one with the scopes
//                    the resident pages need, one with view only, one without view, one revoked) and three
//                    drafts of the owner, each with one stay and its 结算单; prints their ids as JSON.
//   snapshot         prints a digest per table of every record an action could change (not the audit log,
//                    which reads write to, nor sign-in counters), so a refused action can be shown to change nothing.
// Usage: tsx --conditions=react-server authz-fixtures.ts setup '{"ownerPhone":…,"proxies":{…}}' | snapshot
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { lookupHash } from '@/lib/crypto';
import { addDocument } from '@/lib/dal/documents';
import { createDraft, saveEpisode, saveStep } from '@/lib/dal/drafts';
import { toSessionUser } from '@/lib/dal/users';
import { closeDatabase, q, schema } from '@/lib/store/db';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
type Setup = { ownerPhone: string; proxies: { proxy: string; proxyView: string; proxyNone: string; proxyRevoked: string } };

async function userByPhone(phone: string, name: string) {
  const hmac = lookupHash(`phone:${phone}`);
  let [row] = await q((db) => db.select().from(schema.users).where(eq(schema.users.phoneHmac, hmac)));
  if (!row) [row] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: name, phoneHmac: hmac }).returning());
  return row!;
}

async function setup(input: Setup) {
  const owner = await userByPhone(input.ownerPhone, '业主');
  if (!owner.personId) throw new Error('the owner has no person yet: file an application first (resident-app.ts)');
  const grants: [keyof Setup['proxies'], ('apply' | 'view' | 'respond' | 'receive_payment')[], 'active' | 'revoked'][] = [
    ['proxy', ['apply', 'view', 'respond'], 'active'],
    ['proxyView', ['view'], 'active'],
    ['proxyNone', ['receive_payment'], 'active'],
    ['proxyRevoked', ['apply', 'view', 'respond'], 'revoked'],
  ];
  const proxyIds: Record<string, string> = {};
  for (const [key, scope, status] of grants) {
    const u = await userByPhone(input.proxies[key], `受托人${key}`);
    proxyIds[key] = u.id;
    await q((db) =>
      db.insert(schema.authorities).values({
        grantorPersonId: owner.personId!, proxyUserId: u.id, scope, status, validFrom: '2024-01-01', validTo: '2099-12-31',
        verifiedAt: '2024-01-05T02:00:00.000Z', ...(status === 'revoked' ? { revokedAt: new Date().toISOString() } : {}),
      }),
    );
  }
  const user = toSessionUser(owner);
  const drafts: { id: string; documentId: string }[] = [];
  for (let i = 0; i < 3; i++) {
    const created = await createDraft(user, { region: 'wuxi' });
    if (!created.ok) throw new Error(created.message);
    await saveStep(user, created.id, 'identity', { values: { categories: ['dibao'] }, complete: true });
    await saveEpisode(user, created.id, -1, {
      complete: true,
      values: { hospitalName: '无锡市第二人民医院', kind: 'outpatient', date: '2026-04-01', hospitalLevel: '3', location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: '3000', policyYuan: '2500', basicPaidYuan: '1500', criticalPaidYuan: '0' },
    });
    const doc = await addDocument(user, created.id, { name: '门诊结算单.png', bytes: new Uint8Array(PNG) }, { kind: 'receipt', episodeSeq: 0 });
    if (!doc.ok) throw new Error(doc.message);
    drafts.push({ id: created.id, documentId: doc.id });
  }
  return { ownerId: owner.id, ownerPersonId: owner.personId, proxyIds, draft: drafts[0]!, ownerDraft: drafts[1]!, proxyDraft: drafts[2]! };
}

const TABLES = {
  users: schema.users, persons: schema.persons, authorities: schema.authorities, applications: schema.applications, episodes: schema.episodes,
  documents: schema.documents, events: schema.events, payments: schema.payments, notifications: schema.notifications, prefills: schema.prefills,
};
// Columns that a sign-in or a page view changes by design, not a record an action writes.
const IGNORED = new Set(['lastLoginAt', 'failedLogins', 'lockedUntil', 'totpLastStep', 'totpSecretEnc']);

async function snapshot() {
  const out: Record<string, string> = {};
  for (const [name, table] of Object.entries(TABLES)) {
    const rows = (await q((db) => db.select().from(table as typeof schema.users))) as Record<string, unknown>[];
    const lines = rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !IGNORED.has(k)).sort(([a], [b]) => a.localeCompare(b))))).sort();
    out[name] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
}

const [mode, json] = process.argv.slice(2);
const result = mode === 'setup' ? await setup(JSON.parse(json!) as Setup) : await snapshot();
console.log(JSON.stringify(result));
await closeDatabase();
