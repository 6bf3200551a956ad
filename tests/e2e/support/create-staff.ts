// Creates a staff account in the e2e server's database, for tests that change its sign-in settings (so the
// shared demo accounts stay as other specs expect). Usage: tsx --conditions=react-server create-staff.ts <username> <role> <password>
import { closeDatabase, q, schema } from '@/lib/store/db';
import { hashPassword } from '@/lib/password';

const [username, role, password] = process.argv.slice(2) as [string, 'clerk' | 'reviewer' | 'admin' | 'auditor', string];
await q((db) => db.insert(schema.users).values({ username, role, displayName: `${username}（测试）`, region: 'wuxi', passwordHash: null }).onConflictDoNothing());
const passwordHash = await hashPassword(password);
const { eq } = await import('drizzle-orm');
await q((db) => db.update(schema.users).set({ passwordHash }).where(eq(schema.users.username, username)));
await closeDatabase();
