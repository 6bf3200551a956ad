// Records for the authorization matrix (tests/e2e/authz-matrix.spec.ts), against the e2e server's database.
//   setup <json>     proxy accounts with today's `authorities` rows for the owner's person (one with the scopes
//                    the resident pages need, one with view only, one without view, one revoked) and three
//                    drafts of the owner, each with one stay and its 结算单; for the proxy pages a 委托书 request
//                    by the other resident (made first, while the owner has no proxy yet) and two invitations
//                    (one to the other resident's phone, one to a phone nobody uses); the Wuxi clerk's 窗口代录
//                    draft and a submitted counter filing (its receipt); a finished Wuxi job, a Wuxi watch-list
//                    entry and a Shanghai parameter impact preview (run by the worker); prints their ids as JSON.
//   snapshot         prints a digest per table of every record an action could change (not the audit log,
//                    which reads write to, nor sign-in counters), so a refused action can be shown to change nothing.
// Usage: tsx --conditions=react-server authz-fixtures.ts setup '{"ownerPhone":…,"proxies":{…}}' | snapshot
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { encrypt, lookupHash } from '@/lib/personal/crypto';
import { requestByDocument } from '@/lib/dal/authorities/proxy';
import { startCounterFiling, submitCounterFiling } from '@/lib/dal/counter';
import { addDocument } from '@/lib/dal/documents';
import { createDraft, saveEpisode, saveStep } from '@/lib/dal/drafts';
import { NOTICE_VERSION } from '@/lib/texts/privacy-notice';
import { runImpact } from '@/lib/dal/impact';
import { toSessionUser } from '@/lib/dal/users';
import { todayInShanghai } from '@/lib/format';
import { closeDatabase, q, schema } from '@/lib/store/db';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
type Setup = {
  ownerPhone: string; ownerName: string; ownerIdNumber: string; otherPhone: string; nobodyPhone: string;
  proxies: { proxy: string; proxyView: string; proxyNone: string; proxyRevoked: string };
  /** Fresh 身份证号 for the two counter filings, and the Shanghai admin the spec made (runs the impact preview). */
  counterIdNumbers: [string, string]; shAdmin: string;
};

async function staffUser(username: string) {
  const [row] = await q((db) => db.select().from(schema.users).where(eq(schema.users.username, username)));
  if (!row) throw new Error(`no staff account ${username}`);
  return toSessionUser(row);
}

/** A counter filing of the Wuxi clerk for a person without a phone; complete (with the signed pledge) when asked. */
async function counterFiling(clerk: Awaited<ReturnType<typeof staffUser>>, name: string, idNumber: string, complete: boolean) {
  const started = await startCounterFiling(clerk, { name, idNumber, phone: null });
  if (!started.ok) throw new Error(started.message);
  if (!complete) return { id: started.id };
  await saveStep(clerk, started.id, 'applicant', { values: { name, idNumber, phone: '', noPhone: 'yes', hukouLocal: 'yes', insuredLocal: 'yes' }, complete: true });
  await saveStep(clerk, started.id, 'identity', { values: { categories: ['dibao'] }, complete: true });
  await saveStep(clerk, started.id, 'bank', { values: { bankName: '中国工商银行无锡分行', accountName: name, account: '6222020000007654321' }, complete: true });
  await saveEpisode(clerk, started.id, -1, {
    complete: true,
    values: { hospitalName: '无锡市人民医院', kind: 'outpatient', date: '2026-04-01', hospitalLevel: '3', location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: '3000', policyYuan: '2500', basicPaidYuan: '1500', criticalPaidYuan: '0' },
  });
  for (const kind of ['receipt', 'pledge'] as const) {
    const doc = await addDocument(clerk, started.id, { name: `${kind}.png`, bytes: new Uint8Array(PNG) }, { kind, episodeSeq: kind === 'receipt' ? 0 : null });
    if (!doc.ok) throw new Error(doc.message);
  }
  const submitted = await submitCounterFiling(clerk, started.id);
  if (!submitted.ok) throw new Error(submitted.message);
  return { id: started.id, ref: submitted.ref };
}

async function userByPhone(phone: string, name: string) {
  const hmac = lookupHash(`phone:${phone}`);
  let [row] = await q((db) => db.select().from(schema.users).where(eq(schema.users.phoneHmac, hmac)));
  if (!row) [row] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: name, phoneHmac: hmac }).returning());
  return row!;
}

async function setup(input: Setup) {
  const owner = await userByPhone(input.ownerPhone, '业主');
  if (!owner.personId) throw new Error('the owner has no person yet: file an application first (resident-app.ts)');
  const today = todayInShanghai();
  // The other resident asks with a signed 委托书 for the owner (pending: it grants nothing), through the data
  // layer while the owner has no proxy yet (at most 3 live ones).
  const other = await userByPhone(input.otherPhone, '其他居民');
  const asked = await requestByDocument(
    toSessionUser(other),
    // At most 5 years (requestByDocument): to 1 January four years on.
    { name: input.ownerName, idNumber: input.ownerIdNumber, region: 'wuxi', relationship: 'family', scope: ['apply', 'view'], validFrom: today, validTo: `${Number(today.slice(0, 4)) + 4}-01-01` },
    { letter: { name: '委托书.png', bytes: new Uint8Array(PNG) }, proxyId: { name: '受托人身份证.png', bytes: new Uint8Array(PNG) }, grantorId: { name: '委托人身份证.png', bytes: new Uint8Array(PNG) } },
  );
  if (!asked.ok) throw new Error(`${asked.message} ${JSON.stringify(asked.fieldErrors ?? {})}`);
  const [letter] = await q((db) => db.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.authorityId, asked.id)));
  // Accepted invitations (kind invitation, for all applications) in today's scope words; proxyNone has only
  // 接收通知 (notify): no view, no apply, no respond.
  const grants: [keyof Setup['proxies'], ('apply' | 'view' | 'respond' | 'notify')[], 'active' | 'revoked'][] = [
    ['proxy', ['apply', 'view', 'respond'], 'active'],
    ['proxyView', ['view'], 'active'],
    ['proxyNone', ['notify'], 'active'],
    ['proxyRevoked', ['apply', 'view', 'respond', 'notify'], 'revoked'],
  ];
  const proxyIds: Record<string, string> = {};
  const authorityIds: Record<string, string> = {};
  for (const [key, scope, status] of grants) {
    const u = await userByPhone(input.proxies[key], `受托人${key}`);
    proxyIds[key] = u.id;
    const [row] = await q((db) =>
      db.insert(schema.authorities).values({
        grantorPersonId: owner.personId!, proxyUserId: u.id, proxyPhoneHmac: u.phoneHmac, scope, status, kind: 'invitation', applicationId: null, validFrom: '2024-01-01', validTo: '2099-12-31',
        invitedByUserId: owner.id, acceptedAt: '2024-01-05T02:00:00.000Z', ...(status === 'revoked' ? { revokedAt: new Date().toISOString(), endedByUserId: owner.id } : {}),
      }).returning({ id: schema.authorities.id }),
    );
    authorityIds[key] = row!.id;
  }
  // Two invitations of the owner not yet accepted: to the other resident's phone (accept, decline) and to a phone
  // nobody signs in with (the owner cancels it).
  const invitations: string[] = [];
  for (const phone of [input.otherPhone, input.nobodyPhone]) {
    const [row] = await q((db) =>
      db.insert(schema.authorities).values({
        grantorPersonId: owner.personId!, proxyPhoneHmac: lookupHash(`phone:${phone}`), proxyPhoneEnc: encrypt(phone), scope: ['view'], status: 'pending', kind: 'invitation',
        validFrom: today, validTo: '2099-12-31', invitedByUserId: owner.id, inviteExpiresAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      }).returning({ id: schema.authorities.id }),
    );
    invitations.push(row!.id);
  }
  const user = toSessionUser(owner);
  // Every resident so far has agreed to the current notice, so their drafts open (not the consent page).
  const residents = await q((db) => db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.role, 'resident')));
  for (const r of residents) await q((db) => db.insert(schema.consents).values({ userId: r.id, kind: 'sensitive', noticeVersion: NOTICE_VERSION }));
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
  // 窗口代录 by the Wuxi clerk: a draft for the pages and the writes, and a submitted filing for its receipt.
  const clerk = await staffUser('wuxi.clerk');
  const counterDraft = await counterFiling(clerk, '柏窗口', input.counterIdNumbers[0], false);
  const counterDone = await counterFiling(clerk, '柏回执', input.counterIdNumbers[1], true);
  // A finished job of Wuxi (kind impact_preview: its page shows progress only); written as the worker leaves it.
  const now = new Date().toISOString();
  const [job] = await q((db) =>
    db.insert(schema.jobs).values({ kind: 'impact_preview', region: 'wuxi', status: 'done', title: '授权矩阵：已完成的任务', total: 1, done: 1, result: {}, createdByUserId: clerk.id, startedAt: now, finishedAt: now, createdAt: now, updatedAt: now }).returning({ id: schema.jobs.id }),
  );
  // A Wuxi watch-list entry (the refresh job makes these from settlements; here one row of the same shape). A past
  // month the refresh never writes, so the matrix's own refresh cell cannot replace its reason.
  const [watch] = await q((db) =>
    db.insert(schema.watchlist).values({ personId: owner.personId!, region: 'wuxi', period: '2000-02', reason: '授权矩阵：近12个月自付占收入的 60%', burdenFen: 6_000_000, incomeFen: 10_000_000 }).returning({ id: schema.watchlist.id }),
  );
  // A Shanghai impact preview (Wuxi has no staff-set amounts to preview): queued as a job, run by the e2e worker.
  const impact = await runImpact(await staffUser(input.shAdmin), { name: 'annualLimitFen.inpatient', value: 9_000_000, year: Number(today.slice(0, 4)) });
  if (!impact.ok) throw new Error(impact.message);
  for (let i = 0; ; i++) {
    const [run] = await q((db) => db.select({ status: schema.impactRuns.status }).from(schema.impactRuns).where(eq(schema.impactRuns.id, impact.id)));
    if (run?.status === 'done') break;
    if (i > 300) throw new Error(`impact preview not done: ${run?.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    ownerId: owner.id, ownerPersonId: owner.personId, proxyIds, authorityIds, draft: drafts[0]!, ownerDraft: drafts[1]!, proxyDraft: drafts[2]!,
    request: { id: asked.id, documentId: letter!.id }, invitation: invitations[0]!, nobodyInvitation: invitations[1]!,
    counterDraft: counterDraft.id, counterRef: counterDone.ref!, jobId: job!.id, watchId: watch!.id, impactId: impact.id,
  };
}

const TABLES = {
  users: schema.users, persons: schema.persons, authorities: schema.authorities, applications: schema.applications, episodes: schema.episodes,
  documents: schema.documents, events: schema.events, payments: schema.payments, notifications: schema.notifications, prefills: schema.prefills,
  watchlist: schema.watchlist, parameters: schema.parameters, impactRuns: schema.impactRuns,
  // Not `jobs`: the e2e worker changes them on its own (heartbeats, the nightly refresh).
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
