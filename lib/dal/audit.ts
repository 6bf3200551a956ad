import 'server-only';
import { q, schema } from '@/lib/store/db';

export type AuditEntry = {
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  ip?: string | null;
  /** The authority a proxy acted under (the applicant's activity log reads these). */
  authorityId?: string | null;
  summary?: Record<string, unknown>;
};

/** Append one audit row; called inside the transaction of the write it records, it joins that transaction. */
export async function writeAudit(entry: AuditEntry): Promise<void> {
  await q((db) => db.insert(schema.auditLog).values({ ...entry, entityId: entry.entityId ?? null, ip: entry.ip ?? null, authorityId: entry.authorityId ?? null, summary: entry.summary ?? null }));
}
