// Acts as a staff member through the same workflow verbs the staff pages call, against the e2e server's
// database. Usage (from the e2e helpers): tsx --conditions=react-server staff-act.ts <username> <ref> <verb> [json]
import { eq } from 'drizzle-orm';
import type { TransitionName } from '@/lib/workflow/states';
import { perform } from '@/lib/workflow';
import { toSessionUser } from '@/lib/dal/users';
import { closeDatabase, q, schema } from '@/lib/store/db';

const [username, ref, name, json] = process.argv.slice(2);
const [row] = await q((db) => db.select().from(schema.users).where(eq(schema.users.username, username!)));
if (!row) throw new Error(`no staff user ${username}`);
const result = await perform(toSessionUser(row), ref!, name as TransitionName, json ? JSON.parse(json) : {});
console.log(JSON.stringify(result));
await closeDatabase();
process.exit(result.ok ? 0 : 1);
