// Cases put straight into the database in the state a test needs (the workflow's earlier steps are tested
// elsewhere), with an estimate snapshot that says which pools the money falls in.
import { asc, eq } from 'drizzle-orm';
import { encrypt, lookupHash } from '@/lib/personal/crypto';
import { toSessionUser, type SessionUser } from '@/lib/dal/users';
import { sealName } from '@/lib/personal/records';
import { q, schema } from '@/lib/store/db';
import type { ApplicationStatus } from '@/db/schema';

let seq = 0;
const next = () => ++seq;

export async function staffUser(role: 'clerk' | 'reviewer' | 'auditor' | 'admin', region = 'wuxi'): Promise<SessionUser> {
  const n = next();
  const [row] = await q((db) => db.insert(schema.users).values({ role, username: `${role}-l${n}`, displayName: `${role}${n}`, region }).returning());
  return toSessionUser(row!);
}

export async function person(name = '测试人'): Promise<{ id: string; name: string }> {
  const n = next();
  const [row] = await q((db) => db.insert(schema.persons).values({ ...sealName(name), idNumberHmac: lookupHash(`id:test-${n}`) }).returning());
  return { id: row!.id, name };
}

let filer: string | null = null;
async function filerId(): Promise<string> {
  if (filer) return filer;
  const [row] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: '居民' }).returning());
  return (filer = row!.id);
}

/** A case of `personId` in `status`; `pools` is what the estimate put in each pool (fen). */
export async function caseFor(
  personId: string,
  opts: { status?: ApplicationStatus; region?: string; year?: number; category?: string; pools?: Record<string, number>; tiltFen?: number } = {},
): Promise<{ id: string; ref: string }> {
  const n = next();
  const region = opts.region ?? 'wuxi';
  const ref = `${region === 'wuxi' ? 'WX' : 'SH'}-2026-${String(900000 + n)}`;
  const episodes = Object.entries(opts.pools ?? { inpatient: 100000 }).map(([pool, fen], i) => ({ id: `e${i}`, pool, assistanceFen: fen, tiltFen: i === 0 ? (opts.tiltFen ?? 0) : 0 }));
  const filedBy = await filerId();
  const [row] = await q((db) =>
    db
      .insert(schema.applications)
      .values({
        ref, personId, filedByUserId: filedBy, region, year: opts.year ?? 2026, status: opts.status ?? 'in_review', primaryCategory: opts.category ?? 'dibao',
        estimateSnapshot: { result: { episodes }, parameters: {}, computedAt: '2026-07-01T00:00:00.000Z' }, bankAccountEnc: encrypt('6222020000001234567'), bankAccountLast4: '4567', bankName: '中国工商银行',
        submittedAt: '2026-07-01T00:00:00.000Z',
      })
      .returning(),
  );
  return { id: row!.id, ref };
}

export async function ledgerRows(applicationId: string) {
  return q((db) => db.select().from(schema.payments).where(eq(schema.payments.applicationId, applicationId)).orderBy(asc(schema.payments.createdAt), asc(schema.payments.kind)));
}
