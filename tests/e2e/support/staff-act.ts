// Acts as a staff member through the same data-layer function the staff pages call, against the e2e server's
// database. Usage (from the e2e helpers): tsx --conditions=react-server staff-act.ts <username> <ref> <transition> [json]
import { eq } from 'drizzle-orm';
import { db, schema } from '@/db';
import type { TransitionName } from '@/lib/applications/states';
import { transition } from '@/lib/dal/applications';
import { toSessionUser } from '@/lib/dal/users';

const [username, ref, name, json] = process.argv.slice(2);
const row = db().select().from(schema.users).where(eq(schema.users.username, username!)).get();
if (!row) throw new Error(`no staff user ${username}`);
const result = await transition(toSessionUser(row), ref!, name as TransitionName, json ? JSON.parse(json) : {});
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
