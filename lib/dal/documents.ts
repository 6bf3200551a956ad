import 'server-only';
// Receipts, certificates and 补正 materials: contents in lib/store/files.ts (encrypted), served only to
// those who may see the application.
import { and, eq } from 'drizzle-orm';
import { q, schema, transaction } from '@/lib/store/db';
import { actingAuthorityId, canAccess, loadApplication } from '@/lib/dal/access';
import { writeAudit } from '@/lib/dal/audit';
import type { SessionUser } from '@/lib/dal/users';
import { deleteIfUnreferenced, fileStore } from '@/lib/store/files';
import { prepareUpload } from '@/lib/uploads/check';
import { notFound, refuse, type Result } from '@/lib/result';

export const DOCUMENT_KINDS = {
  certificate: '救助身份证明（低保证、特困证等）',
  receipt: '结算单、发票',
  discharge: '出院小结或诊断证明',
  supplement: '补正材料',
  other: '其他材料',
  pledge: '签字的诚信承诺书和授权书（窗口扫描）',
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

export type AddDocumentResult = Result<{ id: string; name: string }>;

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
  const app = await loadApplication(actor, { id: applicationId }, 'view');
  const allowed =
    app && (actor.role === 'resident' || (actor.role === 'clerk' && app.filedByUserId === actor.id)) &&
    ((app.status === 'draft' && (await canAccess(actor, app, 'apply'))) || (app.status === 'needs_info' && meta.kind === 'supplement' && (await canAccess(actor, app, 'respond'))));
  if (!allowed) return refuse('not_found', '这份申请现在不能上传材料。');
  if (!(meta.kind in DOCUMENT_KINDS)) return refuse('invalid', '材料类型不正确。', { kind: '材料类型不正确。' });
  const name = file.name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 120) || '未命名文件';
  const prepared = await prepareUpload(file.bytes, name);
  if (!prepared.ok) return refuse('invalid', prepared.message, { file: prepared.message });
  await fileStore().put(prepared.sha256, prepared.bytes);
  const authorityId = await actingAuthorityId(actor, app, app.status === 'draft' ? 'apply' : 'respond');
  const id = await transaction(async (db) => {
    const [doc] = await db
      .insert(schema.documents)
      .values({ sha256: prepared.sha256, mime: prepared.mime, sizeBytes: prepared.bytes.length, originalName: name, kind: meta.kind, applicationId, episodeSeq: meta.episodeSeq ?? null, uploadedBy: actor.id })
      .returning({ id: schema.documents.id });
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'document.upload', entity: 'document', entityId: doc!.id, authorityId, summary: { applicationId, kind: meta.kind, bytes: prepared.bytes.length } });
    return doc!.id;
  });
  return { ok: true, id, name };
}

export async function listDraftDocuments(actor: SessionUser, applicationId: string) {
  const app = await loadApplication(actor, { id: applicationId }, 'apply');
  if (!app) return [];
  return q((db) => db.select().from(schema.documents).where(eq(schema.documents.applicationId, applicationId)));
}

export async function removeDocument(actor: SessionUser, documentId: string): Promise<Result> {
  const [doc] = await q((db) => db.select().from(schema.documents).where(eq(schema.documents.id, documentId)));
  if (!doc?.applicationId || doc.eventId) return notFound();
  const app = await loadApplication(actor, { id: doc.applicationId }, 'apply');
  if (!app || app.status !== 'draft') return notFound();
  await q((db) => db.delete(schema.documents).where(and(eq(schema.documents.id, documentId), eq(schema.documents.applicationId, app.id))));
  await deleteIfUnreferenced([doc.sha256]);
  return { ok: true };
}

/**
 * Staff see a 补正 upload only once the resident has sent the answer that carries it (documents.eventId):
 * until then it is the resident's unfinished work, which they may still remove or replace.
 */
export function staffMaySee(doc: { kind: string; eventId: string | null }): boolean {
  return doc.kind !== 'supplement' || doc.eventId !== null;
}

/** The file, if this actor may see its application; staff reads are audited. */
export async function documentForDownload(actor: SessionUser, documentId: string, ip?: string | null) {
  const [doc] = await q((db) => db.select().from(schema.documents).where(eq(schema.documents.id, documentId)));
  if (!doc?.applicationId) return null;
  if (actor.role !== 'resident' && !staffMaySee(doc)) return null;
  const app = await loadApplication(actor, { id: doc.applicationId }, 'view');
  if (!app) return null;
  const bytes = await fileStore().get(doc.sha256);
  if (!bytes) return null;
  if (actor.role !== 'resident') {
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'document.view', entity: 'document', entityId: doc.id, ip });
  }
  return { bytes, mime: doc.mime, name: doc.originalName };
}
