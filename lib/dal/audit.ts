import 'server-only';
import { db, schema } from '@/db';

export type AuditEntry = {
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  ip?: string | null;
  summary?: Record<string, unknown>;
};

/** Append one audit row; call inside the same transaction as the write it records. */
export function writeAudit(entry: AuditEntry, tx: Pick<ReturnType<typeof db>, 'insert'> = db()): void {
  tx.insert(schema.auditLog)
    .values({ ...entry, entityId: entry.entityId ?? null, ip: entry.ip ?? null, summary: entry.summary ?? null })
    .run();
}
