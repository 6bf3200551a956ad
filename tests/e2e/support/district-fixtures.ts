// Records for the district rows of the authorization matrix: the application `<id>` moved to 梁溪区, a watch-list
// entry of its person, and two failed settlement imports of Wuxi, one started by the 梁溪区 clerk and one by the
// city clerk (failed: the worker leaves them alone and their pages show the reason, not an import summary).
// The watch-list entry is of an earlier period, so no refresh during the test rewrites it. Prints the ids as JSON.
// Usage: tsx --conditions=react-server district-fixtures.ts <application id> <district clerk username>
import { eq } from 'drizzle-orm';
import { closeDatabase, q, schema } from '@/lib/store/db';

const [appId, districtClerk] = process.argv.slice(2) as [string, string];
const user = async (username: string) => (await q((db) => db.select().from(schema.users).where(eq(schema.users.username, username))))[0]!;
const [app] = await q((db) => db.update(schema.applications).set({ district: '梁溪区' }).where(eq(schema.applications.id, appId)).returning());
const [watch] = await q((db) =>
  db.insert(schema.watchlist).values({ personId: app!.personId!, region: 'wuxi', period: '2000-01', reason: '授权矩阵：梁溪区的预警', burdenFen: 9_000_000, incomeFen: 10_000_000 }).returning({ id: schema.watchlist.id }),
);
const now = new Date().toISOString();
const job = async (title: string, createdByUserId: string) =>
  (await q((db) => db.insert(schema.jobs).values({ kind: 'settlement_import', region: 'wuxi', status: 'failed', title, error: '授权矩阵：不是真的导入', createdByUserId, finishedAt: now, createdAt: now, updatedAt: now }).returning({ id: schema.jobs.id })))[0]!.id;
const districtJob = await job('授权矩阵：梁溪区的导入', (await user(districtClerk)).id);
const cityJob = await job('授权矩阵：全市的导入', (await user('wuxi.clerk')).id);
console.log(JSON.stringify({ watchId: watch!.id, districtJob, cityJob }));
await closeDatabase();
