// Creates a staff account in the e2e server's database, for tests that change its sign-in settings (so the
// shared demo accounts stay as other specs expect) or need an account the demo data lacks.
// Usage: tsx --conditions=react-server create-staff.ts <username> <role> <password> [--region=wuxi] [--district=…] [--totp=<secret>]
// With --totp the second factor is already on (an administrator cannot work without one).
import { eq } from 'drizzle-orm';
import { closeDatabase, q, schema } from '@/lib/store/db';
import { encrypt } from '@/lib/personal/crypto';
import { hashPassword } from '@/lib/auth/password';

const [username, role, password, ...flags] = process.argv.slice(2) as [string, 'clerk' | 'reviewer' | 'admin' | 'auditor', string, ...string[]];
const flag = (name: string) => flags.find((f) => f.startsWith(`--${name}=`))?.slice(name.length + 3);
const region = flag('region') ?? 'wuxi';
const district = flag('district') ?? null;
const totpSecret = flag('totp');
await q((db) => db.insert(schema.users).values({ username, role, displayName: `${username}（测试）`, region, district, passwordHash: null }).onConflictDoNothing());
const passwordHash = await hashPassword(password);
await q((db) =>
  db
    .update(schema.users)
    .set({ passwordHash, ...(totpSecret ? { totpSecretEnc: encrypt(totpSecret), totpEnabled: true, totpLastStep: null } : {}) })
    .where(eq(schema.users.username, username)),
);
await closeDatabase();
