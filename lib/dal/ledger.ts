import 'server-only';
// The payments ledger: one row per approval, payment, failure or correction, never edited in place
// (corrections are adjustment rows). Workflow verbs call these inside their transaction.
import type { AppRow } from '@/lib/dal/access';
import type { SessionUser } from '@/lib/dal/users';
import { schema, type Db } from '@/lib/store/db';

/** The amount an approval owes the applicant, from the pool of the application's primary category. */
export async function recordApproval(db: Db, app: AppRow, amountFen: number, actor: SessionUser): Promise<void> {
  await db.insert(schema.payments).values({
    applicationId: app.id, personId: app.personId!, region: app.region, year: app.year, pool: app.primaryCategory ?? 'assistance',
    amountFen, status: 'pending', kind: 'approval', createdByUserId: actor.id,
  });
}
