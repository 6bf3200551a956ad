import 'server-only';
// Draft applications: created, saved step by step (encrypted), resumed on any device, deleted, submitted.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { db, schema } from '@/db';
import { decryptJson, encryptJson } from '@/lib/crypto';
import { hasAuthority, loadApplication } from '@/lib/dal/access';
import { writeAudit } from '@/lib/dal/audit';
import type { SessionUser } from '@/lib/dal/users';
import type { Draft, EpisodeState, StepKey, StepState } from '@/lib/applications/draft';
import { AppError, notFoundError } from '@/lib/errors';

export type DraftView = { id: string; region: string; personId: string | null; draft: Draft; updatedAt: string; forName: string | null };

function readDraft(row: typeof schema.applications.$inferSelect): Draft {
  return row.draftEnc ? decryptJson<Draft>(row.draftEnc) : { episodes: [] };
}

function loadDraftRow(actor: SessionUser, id: string) {
  const row = loadApplication(actor, { id }, 'apply');
  if (!row || row.status !== 'draft') throw notFoundError();
  return row;
}

export function createDraft(actor: SessionUser, input: { region: string; forPersonId?: string | null; initial?: Partial<Draft> }): string {
  if (actor.role !== 'resident') throw new AppError('forbidden', '只有居民账号可以在这里申请。');
  const forPerson = input.forPersonId && input.forPersonId !== actor.personId ? input.forPersonId : null;
  if (forPerson && !hasAuthority(actor.id, forPerson, 'apply')) throw notFoundError();
  const draft: Draft = { episodes: [], ...input.initial };
  return db().transaction((tx) => {
    const row = tx
      .insert(schema.applications)
      .values({
        filedByUserId: actor.id,
        personId: forPerson ?? actor.personId,
        region: input.region,
        year: new Date().getFullYear(),
        status: 'draft',
        draftEnc: encryptJson(draft),
        currentStep: 'applicant',
      })
      .returning({ id: schema.applications.id })
      .get();
    writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'draft.create', entity: 'application', entityId: row.id, summary: { region: input.region, proxy: Boolean(forPerson) } }, tx);
    return row.id;
  });
}

export function getDraft(actor: SessionUser, id: string): DraftView {
  const row = loadDraftRow(actor, id);
  return { id: row.id, region: row.region, personId: row.personId, draft: readDraft(row), updatedAt: row.updatedAt, forName: personNameIfProxy(actor, row.personId) };
}

function personNameIfProxy(actor: SessionUser, personId: string | null): string | null {
  if (!personId || personId === actor.personId) return null;
  return db().select({ name: schema.persons.name }).from(schema.persons).where(eq(schema.persons.id, personId)).get()?.name ?? null;
}

function writeDraft(actor: SessionUser, id: string, mutate: (d: Draft) => void, step: string): Draft {
  return db().transaction((tx) => {
    const row = loadDraftRow(actor, id);
    const draft = readDraft(row);
    mutate(draft);
    tx.update(schema.applications)
      .set({ draftEnc: encryptJson(draft), currentStep: step, updatedAt: new Date().toISOString() })
      .where(and(eq(schema.applications.id, id), eq(schema.applications.status, 'draft')))
      .run();
    return draft;
  });
}

/** Saves what was typed even when it does not pass yet, so nothing is lost; `complete` says whether it passed. */
export function saveStep(actor: SessionUser, id: string, key: StepKey, state: StepState): Draft {
  return writeDraft(actor, id, (d) => void (d[key] = state), key);
}

export function saveEpisode(actor: SessionUser, id: string, index: number, state: EpisodeState): { draft: Draft; index: number } {
  let at = index;
  const draft = writeDraft(
    actor,
    id,
    (d) => {
      if (index >= 0 && index < d.episodes.length) d.episodes[index] = state;
      else at = d.episodes.push(state) - 1;
    },
    'episodes',
  );
  return { draft, index: at };
}

export function removeEpisode(actor: SessionUser, id: string, index: number): Draft {
  return db().transaction((tx) => {
    const draft = writeDraft(actor, id, (d) => void d.episodes.splice(index, 1), 'episodes');
    // Receipts of later stays move up with them.
    const docs = tx.select().from(schema.documents).where(eq(schema.documents.applicationId, id)).all();
    for (const doc of docs) {
      if (doc.episodeSeq === index) tx.delete(schema.documents).where(eq(schema.documents.id, doc.id)).run();
      else if (doc.episodeSeq !== null && doc.episodeSeq > index) {
        tx.update(schema.documents).set({ episodeSeq: doc.episodeSeq - 1 }).where(eq(schema.documents.id, doc.id)).run();
      }
    }
    return draft;
  });
}

export function deleteDraft(actor: SessionUser, id: string): void {
  db().transaction((tx) => {
    loadDraftRow(actor, id);
    tx.delete(schema.documents).where(eq(schema.documents.applicationId, id)).run();
    tx.delete(schema.applications).where(and(eq(schema.applications.id, id), eq(schema.applications.status, 'draft'))).run();
    writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'draft.delete', entity: 'application', entityId: id }, tx);
  });
}

/** Drafts this resident may continue: their own, and those for people they still hold an authority for. */
export function listDrafts(actor: SessionUser): DraftView[] {
  const t = schema.applications;
  const rows = db().select().from(t).where(and(eq(t.filedByUserId, actor.id), inArray(t.status, ['draft']))).orderBy(desc(t.updatedAt)).all();
  return rows
    .filter((r) => loadApplication(actor, { id: r.id }, 'apply'))
    .map((r) => ({ id: r.id, region: r.region, personId: r.personId, draft: readDraft(r), updatedAt: r.updatedAt, forName: personNameIfProxy(actor, r.personId) }));
}
