// Creates a staff account in the e2e server's database, for tests that change its sign-in settings (so the
// shared demo accounts stay as other specs expect) or need a role the demo region lacks.
// Usage: tsx --conditions=react-server create-staff.ts <username> <role> <password> [region] [totp secret]
// With a TOTP secret the second factor is already on (an administrator cannot work without one).
import { eq } from 'drizzle-orm';
import { closeDatabase, q, schema } from '@/lib/store/db';
import { encrypt } from '@/lib/crypto';
import { hashPassword } from '@/lib/password';

const [username, role, password, region = 'wuxi', totpSecret] = process.argv.slice(2) as [string, 'clerk' | 'reviewer' | 'admin' | 'auditor', string, string?, string?];
await q((db) => db.insert(schema.users).values({ username, role, displayName: `${username}（测试）`, region, passwordHash: null }).onConflictDoNothing());
const passwordHash = await hashPassword(password);
await q((db) =>
  db
    .update(schema.users)
    .set({ passwordHash, ...(totpSecret ? { totpSecretEnc: encrypt(totpSecret), totpEnabled: true, totpLastStep: null } : {}) })
    .where(eq(schema.users.username, username)),
);
await closeDatabase();
