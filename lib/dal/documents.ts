import 'server-only';
// Receipts, certificates and 补正 materials: stored by content hash, served only to those who may see the application.
import { and, eq } from 'drizzle-orm';
import { db, schema } from '@/db';
import { canAccess, loadApplication } from '@/lib/dal/access';
import { writeAudit } from '@/lib/dal/audit';
import type { SessionUser } from '@/lib/dal/users';
import { prepareUpload, readStored, storeBytes } from '@/lib/uploads';

export const DOCUMENT_KINDS = {
  certificate: '救助身份证明（低保证、特困证等）',
  receipt: '结算单、发票',
  discharge: '出院小结或诊断证明',
  supplement: '补正材料',
  other: '其他材料',
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

export type AddDocumentResult = { ok: true; id: string; name: string } | { ok: false; message: string };

/**
 * Adds an upload to an application. Drafts take any kind (the wizard); a submitted application takes only
 * 补正 material while it is waiting for it, from someone allowed to respond.
 */
export async function addDocument(
  actor: SessionUser,
  applicationId: string,
  file: { name: string; bytes: Uint8Array },
  meta: { kind: DocumentKind; episodeSeq?: number | null },
): Promise<AddDocumentResult> {
  const app = loadApplication(actor, { id: applicationId }, 'view');
  const allowed =
    app && actor.role === 'resident' &&
    ((app.status === 'draft' && canAccess(actor, app, 'apply')) || (app.status === 'needs_info' && meta.kind === 'supplement' && canAccess(actor, app, 'respond')));
  if (!allowed) return { ok: false, message: '这份申请现在不能上传材料。' };
  if (!(meta.kind in DOCUMENT_KINDS)) return { ok: false, message: '材料类型不正确。' };
  const name = file.name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 120) || '未命名文件';
  const prepared = await prepareUpload(file.bytes, name);
  if (!prepared.ok) return prepared;
  storeBytes(prepared.sha256, prepared.bytes);
  const row = db().transaction((tx) => {
    const doc = tx
      .insert(schema.documents)
      .values({ sha256: prepared.sha256, mime: prepared.mime, sizeBytes: prepared.bytes.length, originalName: name, kind: meta.kind, applicationId, episodeSeq: meta.episodeSeq ?? null, uploadedBy: actor.id })
      .returning({ id: schema.documents.id })
      .get();
    writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'document.upload', entity: 'document', entityId: doc.id, summary: { applicationId, kind: meta.kind, bytes: prepared.bytes.length } }, tx);
    return doc;
  });
  return { ok: true, id: row.id, name };
}

export function listDraftDocuments(actor: SessionUser, applicationId: string) {
  const app = loadApplication(actor, { id: applicationId }, 'apply');
  if (!app) return [];
  return db().select().from(schema.documents).where(eq(schema.documents.applicationId, applicationId)).all();
}

export function removeDocument(actor: SessionUser, documentId: string): boolean {
  const doc = db().select().from(schema.documents).where(eq(schema.documents.id, documentId)).get();
  if (!doc?.applicationId || doc.eventId) return false;
  const app = loadApplication(actor, { id: doc.applicationId }, 'apply');
  if (!app || app.status !== 'draft') return false;
  db().delete(schema.documents).where(and(eq(schema.documents.id, documentId), eq(schema.documents.applicationId, app.id))).run();
  return true;
}

/** The file, if this actor may see its application; staff reads are audited. */
export function documentForDownload(actor: SessionUser, documentId: string, ip?: string | null) {
  const doc = db().select().from(schema.documents).where(eq(schema.documents.id, documentId)).get();
  if (!doc?.applicationId) return null;
  const app = loadApplication(actor, { id: doc.applicationId }, 'view');
  if (!app) return null;
  if (actor.role !== 'resident') {
    writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'document.view', entity: 'document', entityId: doc.id, ip });
  }
  return { bytes: readStored(doc.sha256), mime: doc.mime, name: doc.originalName };
}
