import 'server-only';
// The one runner every application verb goes through, in this order:
//   parse the input (zod) → load the application with the access check → the state machine (states.ts)
//   → one transaction: claim the state by compare-and-set, the verb's changes, the timeline event, an
//     audit row with a before/after summary, the inbox notice → SMS after commit.
// A verb is one file in ./verbs declaring everything about it: the states it moves between and who may use it,
// its words (label, timeline entry), four eyes, its staff form, its input schema and its effects. Adding one is
// that file and its line in ./verbs/index.ts; the case page, the case action, the audit labels and both
// timelines read it from there (lib/workflow/index.ts).
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ApplicationStatus } from '@/db/schema';
import { actingAuthorityId, loadApplication, type AccessNeed, type AppRow } from '@/lib/dal/access';
import { writeAudit } from '@/lib/dal/audit';
import { notifyApplication, textRecipients } from '@/lib/dal/notifications';
import type { SessionUser } from '@/lib/dal/users';
import { fieldErrorsOf } from '@/lib/validation/zod-errors';
import { refuse, type Refusal, type Result } from '@/lib/result';
import { queueTexts } from '@/lib/dal/sms-outbox';
import { inTransaction, schema, transaction, type Db } from '@/lib/store/db';
import type { StaffForm } from '@/lib/workflow/forms';
import { nextStepText, STATUS_TEXT, type Actor } from '@/lib/workflow/states';

export type Patch = Partial<typeof schema.applications.$inferInsert>;

export type VerbContext<I, P> = { actor: SessionUser; app: AppRow; input: I; prepared: P; now: Date; from: ApplicationStatus; to: ApplicationStatus; ip?: string | null };
export type TxContext<I, P> = VerbContext<I, P> & { db: Db };

export type Verb<I, P = undefined> = {
  /** Its key in ./verbs/index.ts, also the event type and the audit action (`application.<name>`). */
  name: string;
  /** The state machine's row: only these moves exist. */
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  by: readonly Actor[];
  /** The verb in words, one wording everywhere: the button, a refusal (不能…), the audit log, "已…". */
  label: string;
  /** The timeline's entry when it reads better as a past event (批准 → 批准救助); default the label. */
  eventLabel?: string;
  /** A rule that keeps this person from it on this case though the role may (four eyes): checked before the
   *  button is offered and again when it is pressed. */
  barred?: (app: AppRow, actor: SessionUser) => Promise<Refusal | null>;
  /** The staff case page's form; absent for verbs staff do not press there (submit, answer, withdraw, direct_award). */
  staffForm?: StaffForm;
  /** The verb's input, parsed before anything else; its messages are the field errors. */
  input: z.ZodType<I>;
  /** What a resident needs on this application (staff need to be of its region). */
  access?: AccessNeed;
  /** The application is found by id rather than reference (submit, direct_award: a draft has no reference yet). */
  byId?: boolean;
  /** Loads the application itself instead of the usual access check (direct_award: a draft only its importer may finish). */
  load?: (actor: SessionUser, target: string) => Promise<AppRow | null>;
  /** An earlier call already did this (a double tap, a retry on another instance): answer as it did. */
  replay?: (app: AppRow) => Result<{ status: ApplicationStatus; ref: string }> | null;
  /** Checks and reads outside the transaction; a refusal stops here. */
  prepare?: (c: VerbContext<I, undefined>) => Promise<Result<{ value: P }>>;
  /** Column changes besides the status (may write other rows first, e.g. the reference counter). */
  patch?: (c: TxContext<I, P>) => Promise<Patch> | Patch;
  event?: (c: TxContext<I, P>) => { message?: string | null; data?: Record<string, unknown> };
  /** Further writes in the same transaction, once the event exists. */
  effects?: (c: TxContext<I, P> & { eventId: string; ref: string }) => Promise<void>;
  notice: (c: VerbContext<I, P> & { ref: string }) => { title: string; body: string; sms: string };
};

/** Thrown inside the transaction to roll it back with a refusal for the caller. */
export class Abort extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

export type RunResult = Result<{ status: ApplicationStatus; ref: string }>;

export type TransitionCheck = { ok: true; to: ApplicationStatus } | { ok: false; message: string };

/** The state machine: may this actor use the verb from this state, and where does it lead. */
export function checkTransition(verb: Pick<Verb<unknown, unknown>, 'from' | 'to' | 'by' | 'label'>, from: ApplicationStatus, actor: Actor): TransitionCheck {
  if (!verb.by.includes(actor)) return { ok: false, message: '您没有权限进行此操作。' };
  if (!verb.from.includes(from)) return { ok: false, message: `申请当前状态为“${STATUS_TEXT[from].label}”，不能${verb.label}。` };
  return { ok: true, to: verb.to };
}

export async function run<I, P>(
  verb: Verb<I, P>,
  actor: SessionUser,
  target: string,
  rawInput: unknown,
  ctx: { ip?: string | null; now?: Date } = {},
): Promise<RunResult> {
  const now = ctx.now ?? new Date();
  const parsed = verb.input.safeParse(rawInput ?? {});
  if (!parsed.success) return refuse('invalid', '请补充必填内容。', fieldErrorsOf(parsed.error));
  const input = parsed.data;

  const isResident = actor.role === 'resident';
  const app = verb.load ? await verb.load(actor, target) : await loadApplication(actor, verb.byId ? { id: target } : { ref: target }, isResident ? (verb.access ?? 'apply') : 'view');
  if (!app || (app.status === 'draft' && !verb.byId)) return refuse('not_found', '没有找到这份申请，或您无权办理。');
  const replayed = verb.replay?.(app);
  if (replayed) return replayed;
  if (actor.role === 'auditor') return refuse('forbidden', '审计员只能查看，不能办理。');
  const check = checkTransition(verb, app.status, isResident ? 'applicant' : actor.role);
  // A proxy acts under an authority, named on the event and the audit row (the applicant sees what was done).
  const authorityId = isResident ? await actingAuthorityId(actor, app, verb.access ?? 'apply') : null;
  if (!check.ok) return refuse('conflict', check.message);

  const barred = isResident ? null : await verb.barred?.(app, actor);
  if (barred) return barred;

  const base: VerbContext<I, undefined> = { actor, app, input, prepared: undefined, now, from: app.status, to: check.to, ip: ctx.ip };
  let prepared = undefined as P;
  if (verb.prepare) {
    const r = await verb.prepare(base);
    if (!r.ok) return r;
    prepared = r.value;
  }
  const c: VerbContext<I, P> = { ...base, prepared };

  let outcome: { ref: string };
  // Inside a larger transaction (an import's batch, a bank result file) "after commit" is that one's commit: the
  // texts go to the outbox in it and the worker sends them (lib/dal/sms-outbox.ts).
  const nested = inTransaction();
  try {
    outcome = await transaction(async (db) => {
      const t = schema.applications;
      // The authority is read again inside the transaction: a revocation that committed meanwhile holds.
      if (authorityId) {
        const a = schema.authorities;
        const live = await db.select({ id: a.id }).from(a).where(and(eq(a.id, authorityId), eq(a.status, 'active')));
        if (live.length === 0) throw new Abort(refuse('not_found', '这份委托已撤销或已到期，您不能再为这个人办理。'));
      }
      // Compare-and-set: of two staff (or two instances) acting at once, exactly one moves it.
      const claimed = await db
        .update(t)
        .set({ status: c.to, updatedAt: now.toISOString() })
        .where(and(eq(t.id, app.id), eq(t.status, app.status)))
        .returning({ id: t.id });
      if (claimed.length === 0) throw new Abort(refuse('conflict', '这份申请刚刚被其他人处理过，请刷新后再看。'));
      const txc: TxContext<I, P> = { ...c, db };
      const patch = (await verb.patch?.(txc)) ?? {};
      if (Object.keys(patch).length) await db.update(t).set(patch).where(eq(t.id, app.id));
      const ref = patch.ref ?? app.ref ?? '';
      const event = verb.event?.(txc) ?? {};
      const [row] = await db
        .insert(schema.events)
        .values({ applicationId: app.id, type: verb.name, fromStatus: app.status, toStatus: c.to, actorUserId: actor.id, authorityId, createdAt: now.toISOString(), message: event.message ?? null, data: event.data ?? null })
        .returning({ id: schema.events.id });
      await verb.effects?.({ ...txc, eventId: row!.id, ref });
      await writeAudit({
        actorUserId: actor.id, actorRole: actor.role, action: `application.${verb.name}`, entity: 'application', entityId: app.id, ip: ctx.ip, authorityId,
        summary: { ref, before: summarise({ ...app }, patch), after: summarise({ ...app, ...patch, status: c.to }, patch) },
      });
      const notice = verb.notice({ ...c, ref });
      // A proxy reads the same notice about the applicant: whose application, whose money.
      const next = STATUS_TEXT[c.to].next;
      const forProxy = (name: string) => notice.body.replace(next, nextStepText(c.to, name)).replaceAll('您的', `${name} 的`);
      const recipients = await notifyApplication({ ...app, personId: patch.personId ?? app.personId }, notice.title, notice.body, forProxy);
      const r = { ref, recipients, sms: notice.sms };
      if (nested) await sendTexts(r, queueTexts);
      return r;
    }).then(async (r) => {
      if (!nested) await sendTexts(r, textRecipients);
      return r;
    });
  } catch (error) {
    if (error instanceof Abort) {
      // A concurrent call may have done exactly this meanwhile (a retried submit): answer as it did.
      if (verb.replay && error.refusal.code === 'conflict') {
        const again = await loadApplication(actor, { id: app.id }, isResident ? (verb.access ?? 'apply') : 'view');
        const r = again && verb.replay(again);
        if (r) return r;
      }
      return error.refusal;
    }
    throw error;
  }
  return { ok: true, status: c.to, ref: outcome.ref };
}

/** The notice's SMS to the applicant, and to their proxies about the applicant. */
async function sendTexts(r: { recipients: { own: string[]; proxies: string[]; proxyFor: string | null }; sms: string }, send: (userIds: string[], text: string) => Promise<void>): Promise<void> {
  await send(r.recipients.own, r.sms);
  if (r.recipients.proxyFor) await send(r.recipients.proxies, r.sms.replaceAll('您的', `${r.recipients.proxyFor} 的`));
}

/** Status plus the columns the verb changed, without personal data (never ciphertext in the audit log). */
function summarise(row: Record<string, unknown>, patch: Patch): Record<string, unknown> {
  const out: Record<string, unknown> = { status: row.status };
  for (const key of Object.keys(patch)) {
    if (/Enc$|Snapshot$/.test(key)) continue;
    out[key] = row[key] ?? null;
  }
  return out;
}

