// The PostgreSQL migrations (db/migrations-pg) apply to an empty database and give back what the data layer
// expects. Runs only with PG_TEST_URL set, e.g.:
//   eval "$(scripts/pg-test-server.sh start)" && npx vitest run tests/unit/db; scripts/pg-test-server.sh stop "$PG_TEST_DIR"
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '@/db/schema.pg';

const PG_TEST_URL = process.env.PG_TEST_URL;
const migrationsFolder = fileURLToPath(new URL('../../../db/migrations-pg', import.meta.url));
const ISO_MS_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The PostgreSQL error code of a failed query, through drizzle's DrizzleQueryError wrapper. */
function pgCode(err: unknown): string | undefined {
  for (let e = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

describe.skipIf(!PG_TEST_URL)('PostgreSQL migrations (db/migrations-pg)', () => {
  const dbName = `portal_mig_${randomBytes(6).toString('hex')}`;
  let admin: pg.Client;
  let client: pg.Client;
  let db: NodePgDatabase<typeof schema>;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: PG_TEST_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    const url = new URL(PG_TEST_URL!);
    url.pathname = `/${dbName}`;
    // One client, not a pool: client.end() resolves once the connection is closed, so the DROP below
    // does not have to terminate it.
    client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    db = drizzle({ client, schema });
  });

  afterAll(async () => {
    await client?.end();
    await admin?.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin?.end();
  });

  it('applies to an empty database, and a second run changes nothing', async () => {
    await migrate(db, { migrationsFolder });
    await migrate(db, { migrationsFolder });
    const applied = await client.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    expect(applied.rows[0].n).toBeGreaterThanOrEqual(1);
    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['users', 'applications', 'payments', 'audit_log']));
  });

  it('reads back users, applications and payments with the JS types of the SQLite schema', async () => {
    const before = Date.now();
    const [person] = await db.insert(schema.persons).values({ nameEnc: 'v2:k1:test', nameMasked: '张*' }).returning();
    const [user] = await db.insert(schema.users).values({ role: 'resident', displayName: '张三', personId: person!.id }).returning();
    const snapshot = { total: { fen: 123_456 }, lines: [{ pool: 'basic', fen: 1 }], note: '救助' };
    const bigFen = 9_007_199_254_740_000; // beyond int4 and close to 2^53: int8 in mode 'number'
    const [app] = await db
      .insert(schema.applications)
      .values({
        filedByUserId: user!.id,
        personId: person!.id,
        region: '310000',
        year: 2025,
        status: 'draft',
        idempotencyKey: 'idem-1',
        estimateSnapshot: snapshot,
        estimatedFen: bigFen,
      })
      .returning();
    await db.insert(schema.payments).values({
      applicationId: app!.id,
      personId: person!.id,
      region: '310000',
      year: 2025,
      pool: 'medical_assistance',
      amountFen: 3_000_000_000,
      status: 'pending',
    });

    const u = (await db.select().from(schema.users).where(eq(schema.users.id, user!.id)))[0]!;
    expect(u.disabled).toBe(false);
    expect(typeof u.demo).toBe('boolean');
    expect(u.sessionVersion).toBe(1);
    expect(u.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(u.createdAt).toMatch(ISO_MS_Z);
    expect(Math.abs(Date.parse(u.createdAt) - before)).toBeLessThan(60_000);
    expect(new Date(u.createdAt).toISOString()).toBe(u.createdAt);

    const a = (await db.select().from(schema.applications).where(eq(schema.applications.id, app!.id)))[0]!;
    expect(a.estimatedFen).toBe(bigFen);
    expect(typeof a.estimatedFen).toBe('number');
    expect(a.decidedAmountFen).toBeNull();
    expect(a.estimateSnapshot).toEqual(snapshot);
    expect(typeof a.estimateSnapshot).toBe('object');
    expect(a.demo).toBe(false);
    expect(a.createdAt).toMatch(ISO_MS_Z);
    expect(a.updatedAt).toMatch(ISO_MS_Z);

    const p = (await db.select().from(schema.payments).where(eq(schema.payments.applicationId, app!.id)))[0]!;
    expect(p.amountFen).toBe(3_000_000_000);
    expect(typeof p.amountFen).toBe('number');
    expect(p.createdAt).toMatch(ISO_MS_Z);
    expect(p.paidAt).toBeNull();
  });

  it('refuses a second application with the same idempotency key (applications_idem_uq)', async () => {
    const [user] = await db.insert(schema.users).values({ role: 'clerk', displayName: '窗口' }).returning({ id: schema.users.id });
    const row = { filedByUserId: user!.id, region: '310000', year: 2025, status: 'submitted' as const };
    await db.insert(schema.applications).values({ ...row, idempotencyKey: 'idem-dup' });
    const err = await db
      .insert(schema.applications)
      .values({ ...row, idempotencyKey: 'idem-dup' })
      .then(() => null, (e: unknown) => e);
    expect(pgCode(err)).toBe('23505'); // unique_violation
    expect(String((err as { cause?: { constraint?: string } }).cause?.constraint)).toBe('applications_idem_uq');
    // NULL keys do not collide, as on SQLite.
    await db.insert(schema.applications).values([row, row]);
    const n = await db.select({ n: sql<number>`count(*)::int` }).from(schema.applications).where(eq(schema.applications.filedByUserId, user!.id));
    expect(n[0]!.n).toBe(3);
  });

  it('numbers audit_log rows itself and holds epoch milliseconds in rate_limits', async () => {
    const [first] = await db.insert(schema.auditLog).values({ action: 'login', entity: 'user', summary: { ok: true } }).returning();
    const [second] = await db.insert(schema.auditLog).values({ action: 'logout', entity: 'user' }).returning();
    expect(typeof first!.id).toBe('number');
    expect(second!.id).toBe(first!.id + 1);
    expect(first!.summary).toEqual({ ok: true });
    expect(first!.at).toMatch(ISO_MS_Z);
    const now = Date.now();
    await db.insert(schema.rateLimits).values({ key: 'k', windowStart: now, count: 1 });
    const [rl] = await db.select().from(schema.rateLimits).where(eq(schema.rateLimits.key, 'k'));
    expect(rl!.windowStart).toBe(now);
  });
});
