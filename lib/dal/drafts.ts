import 'server-only';
// Draft applications: created, saved step by step (encrypted), resumed on any device, deleted, submitted.
import { and, desc, eq } from 'drizzle-orm';
import { q, schema, transaction } from '@/lib/store/db';
import { decryptJson, encryptJson } from '@/lib/personal/crypto';
import { openName } from '@/lib/personal/records';
import { actingAuthorityId, findAuthority, loadApplication, type AppRow } from '@/lib/dal/access';
import { writeAudit } from '@/lib/dal/audit';
import { deleteIfUnreferenced } from '@/lib/store/files';
import type { SessionUser } from '@/lib/dal/users';
import type { Draft, EpisodeState, StepKey, StepState } from '@/lib/applications/draft';
import { forbidden, notFound, type Result } from '@/lib/result';

export type DraftView = { id: string; region: string; personId: string | null; draft: Draft; updatedAt: string; forName: string | null };

function readDraft(row: AppRow): Draft {
  return row.draftEnc ? decryptJson<Draft>(row.draftEnc) : { episodes: [] };
}

async function loadDraftRow(actor: SessionUser, id: string): Promise<AppRow | null> {
  const row = await loadApplication(actor, { id }, 'apply');
  return row && row.status === 'draft' ? row : null;
}

export async function createDraft(actor: SessionUser, input: { region: string; forPersonId?: string | null; initial?: Partial<Draft> }): Promise<Result<{ id: string }>> {
  if (actor.role !== 'resident') return forbidden('只有居民账号可以在这里申请。');
  const forPerson = input.forPersonId && input.forPersonId !== actor.personId ? input.forPersonId : null;
  // An authority for all the person's applications (one for a single application cannot start a new one).
  const authority = forPerson ? await findAuthority(actor.id, forPerson, 'apply') : null;
  if (authority && !authority.ok) return notFound();
  const authorityId = authority?.ok ? authority.authority.id : null;
  const draft: Draft = { episodes: [], ...input.initial };
  const id = await transaction(async (db) => {
    const [row] = await db
      .insert(schema.applications)
      .values({ filedByUserId: actor.id, personId: forPerson ?? actor.personId, region: input.region, year: new Date().getFullYear(), status: 'draft', draftEnc: encryptJson(draft), currentStep: 'applicant' })
      .returning({ id: schema.applications.id });
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'draft.create', entity: 'application', entityId: row!.id, authorityId, summary: { region: input.region, proxy: Boolean(forPerson) } });
    return row!.id;
  });
  return { ok: true, id };
}

/** The draft, or null when it does not exist, is not this resident's, or was submitted meanwhile. */
export async function getDraft(actor: SessionUser, id: string): Promise<DraftView | null> {
  const row = await loadDraftRow(actor, id);
  if (!row) return null;
  if (actor.role !== 'resident') await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'counter.view', entity: 'application', entityId: row.id });
  return { id: row.id, region: row.region, personId: row.personId, draft: readDraft(row), updatedAt: row.updatedAt, forName: await personNameIfProxy(actor, row.personId) };
}

/** Where an old link to a draft should go once it was submitted: its application page. */
export async function submittedRefOfDraft(actor: SessionUser, id: string): Promise<string | null> {
  const row = await loadApplication(actor, { id }, 'view');
  return row && row.status !== 'draft' ? row.ref : null;
}

async function personNameIfProxy(actor: SessionUser, personId: string | null): Promise<string | null> {
  if (!personId || personId === actor.personId) return null;
  const [row] = await q((db) => db.select({ nameEnc: schema.persons.nameEnc }).from(schema.persons).where(eq(schema.persons.id, personId)));
  return row ? openName(row.nameEnc) : null;
}

async function writeDraft(actor: SessionUser, id: string, mutate: (d: Draft) => void, step: string): Promise<Result<{ draft: Draft }>> {
  return transaction(async (db) => {
    const row = await loadDraftRow(actor, id);
    if (!row) return notFound();
    const draft = readDraft(row);
    mutate(draft);
    await db
      .update(schema.applications)
      .set({ draftEnc: encryptJson(draft), currentStep: step, updatedAt: new Date().toISOString() })
      .where(and(eq(schema.applications.id, id), eq(schema.applications.status, 'draft')));
    // What a proxy does in the applicant's name is logged for the applicant to see.
    const authorityId = await actingAuthorityId(actor, row, 'apply');
    if (authorityId) await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'draft.save', entity: 'application', entityId: id, authorityId, summary: { step } });
    // A clerk filling in a counter filing (窗口代录): every staff step is audited.
    else if (actor.role !== 'resident') await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'counter.save', entity: 'application', entityId: id, summary: { step } });
    return { ok: true, draft };
  });
}

/** Saves what was typed even when it does not pass yet, so nothing is lost; `complete` says whether it passed. */
export function saveStep(actor: SessionUser, id: string, key: StepKey, state: StepState): Promise<Result<{ draft: Draft }>> {
  return writeDraft(actor, id, (d) => void (d[key] = state), key);
}

export async function saveEpisode(actor: SessionUser, id: string, index: number, state: EpisodeState): Promise<Result<{ draft: Draft; index: number }>> {
  let at = index;
  const saved = await writeDraft(
    actor,
    id,
    (d) => {
      if (index >= 0 && index < d.episodes.length) d.episodes[index] = state;
      else at = d.episodes.push(state) - 1;
    },
    'episodes',
  );
  return saved.ok ? { ok: true, draft: saved.draft, index: at } : saved;
}

export async function removeEpisode(actor: SessionUser, id: string, index: number): Promise<Result<{ draft: Draft }>> {
  const removed: string[] = [];
  const result = await transaction(async (db) => {
    const row = await loadDraftRow(actor, id);
    if (!row) return notFound();
    if (index < 0 || index >= readDraft(row).episodes.length) return notFound();
    const saved = await writeDraft(actor, id, (d) => void d.episodes.splice(index, 1), 'episodes');
    // Receipts of later stays move up with them.
    const docs = await db.select().from(schema.documents).where(eq(schema.documents.applicationId, id));
    for (const doc of docs) {
      if (doc.episodeSeq === index) {
        await db.delete(schema.documents).where(eq(schema.documents.id, doc.id));
        removed.push(doc.sha256);
      }
      else if (doc.episodeSeq !== null && doc.episodeSeq > index) {
        await db.update(schema.documents).set({ episodeSeq: doc.episodeSeq - 1 }).where(eq(schema.documents.id, doc.id));
      }
    }
    return saved;
  });
  await deleteIfUnreferenced(removed);
  return result;
}

export async function deleteDraft(actor: SessionUser, id: string): Promise<Result> {
  const removed: string[] = [];
  const result = await transaction(async (db) => {
    if (!(await loadDraftRow(actor, id))) return notFound();
    removed.push(...(await db.select({ sha256: schema.documents.sha256 }).from(schema.documents).where(eq(schema.documents.applicationId, id))).map((d) => d.sha256));
    await db.delete(schema.documents).where(eq(schema.documents.applicationId, id));
    await db.delete(schema.applications).where(and(eq(schema.applications.id, id), eq(schema.applications.status, 'draft')));
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'draft.delete', entity: 'application', entityId: id });
    return { ok: true } as const;
  });
  await deleteIfUnreferenced(removed);
  return result;
}

/** Drafts this resident may continue: their own, and those for people they still hold an authority for. */
export async function listDrafts(actor: SessionUser): Promise<DraftView[]> {
  const t = schema.applications;
  const rows = await q((db) => db.select().from(t).where(and(eq(t.filedByUserId, actor.id), eq(t.status, 'draft'))).orderBy(desc(t.updatedAt)));
  const out: DraftView[] = [];
  for (const r of rows) {
    if (!(await loadApplication(actor, { id: r.id }, 'apply'))) continue;
    out.push({ id: r.id, region: r.region, personId: r.personId, draft: readDraft(r), updatedAt: r.updatedAt, forName: await personNameIfProxy(actor, r.personId) });
  }
  return out;
}
