import 'server-only';
// The workflow's entry: perform a verb on an application, by name, with raw input (a form, JSON, the seed); and
// everything the pages derive from the verb list (./verbs/index.ts), so that a verb is one file: the labels of the
// audit log and both timelines, the staff case page's forms and who may press them.
import type { ApplicationStatus } from '@/db/schema';
import type { AppRow } from '@/lib/dal/access';
import type { SessionUser } from '@/lib/dal/users';
import type { Refusal } from '@/lib/result';
import { answer, NO_CASE, type CaseForm, type CaseFormContext, type FormAnswers, type FormReading, type StaffForm } from '@/lib/workflow/forms';
import { checkTransition, run, type RunResult, type Verb } from '@/lib/workflow/run';
import type { Actor } from '@/lib/workflow/states';
import { VERBS, type TransitionName } from '@/lib/workflow/verbs';

type AnyVerb = Verb<unknown, unknown>;
const all = (): AnyVerb[] => Object.values(VERBS) as AnyVerb[];
const byName = (name: string): AnyVerb | undefined => (Object.hasOwn(VERBS, name) ? (VERBS[name as TransitionName] as AnyVerb) : undefined);

/** `target` is the reference, or the draft's id for `submit`. */
export function perform(actor: SessionUser, target: string, name: TransitionName, input: unknown = {}, ctx: { ip?: string | null; now?: Date } = {}): Promise<RunResult> {
  return run(VERBS[name] as AnyVerb, actor, target, input, ctx);
}

/** Whether this actor may use the verb from this state (the state machine only; the runner checks the rest). */
export function canMove(name: TransitionName, from: ApplicationStatus, actor: Actor): boolean {
  return checkTransition(VERBS[name] as AnyVerb, from, actor).ok;
}

export const isVerbName = (name: string): name is TransitionName => byName(name) !== undefined;

/** The verb in words (受理, 要求补正材料 …); an unknown name is returned as it is. */
export const verbLabel = (name: string): string => byName(name)?.label ?? name;

/** A timeline entry, for staff and residents alike: the event's type is the verb's name. */
export const eventLabel = (type: string): string => {
  const v = byName(type);
  return v ? (v.eventLabel ?? v.label) : type;
};

/** The audit log's label of every verb's action (`application.<name>`). */
export function verbAuditLabels(): Record<string, string> {
  return Object.fromEntries(all().map((v) => [`application.${v.name}`, v.label]));
}

/** The verbs staff press on the case page, in the page's order. */
export function staffVerbNames(): TransitionName[] {
  return all().filter((v) => v.staffForm).map((v) => v.name as TransitionName);
}

export function staffFormOf(name: string): StaffForm | undefined {
  return byName(name)?.staffForm;
}

/** The form's answers as the verb's input (the verb's own schema checks them afterwards). */
export function readStaffForm(name: string, v: FormAnswers): FormReading {
  const form = staffFormOf(name);
  if (!form) return { fieldErrors: {} };
  return form.read ? form.read(v) : { input: Object.fromEntries(form.fields(NO_CASE).map((f) => [f.name, answer(v, f.name)])) };
}

/** The verb's input errors keyed by the form's fields (amountFen → amountYuan). */
export function formErrors(name: string, errors: Record<string, string> | undefined): Record<string, string> | undefined {
  const at = staffFormOf(name)?.errorAt;
  if (!errors || !at) return errors;
  return Object.fromEntries(Object.entries(errors).map(([k, msg]) => [at[k] ?? k, msg]));
}

export type CaseActions = {
  /** The forms this person may press now. */
  forms: CaseForm[];
  /** Verbs the role could press in this state but a rule bars this person from (four eyes), with the reason. */
  barred: { verb: TransitionName; label: string; message: string }[];
  /** The staff verbs open in this state, with who may do them, for a person who can press none. */
  waitingFor: { verb: TransitionName; label: string; by: string[] }[];
  /** Who usually does what is offered (the case page's hint). */
  usually: ('clerk' | 'reviewer')[];
};

/** The case page's actions for this person on this case: the state machine, their role and four eyes, from the verb list. */
export async function caseActions(actor: SessionUser, app: AppRow, c: CaseFormContext): Promise<CaseActions> {
  const staffVerbs = all().filter((v): v is AnyVerb & { staffForm: StaffForm } => Boolean(v.staffForm));
  const forms: CaseForm[] = [];
  const barred: CaseActions['barred'] = [];
  if (actor.role !== 'auditor' && actor.role !== 'resident') {
    for (const v of staffVerbs) {
      if (!checkTransition(v, app.status, actor.role).ok) continue;
      const bar: Refusal | null = (await v.barred?.(app, actor)) ?? null;
      if (bar) {
        barred.push({ verb: v.name as TransitionName, label: v.label, message: bar.message });
        continue;
      }
      forms.push({ verb: v.name, label: v.label, confirm: v.staffForm.confirm, danger: Boolean(v.staffForm.danger), fields: v.staffForm.fields(c) });
    }
  }
  const usually = [...new Set(staffVerbs.filter((v) => forms.some((f) => f.verb === v.name)).map((v) => v.staffForm.usually))];
  const waitingFor = staffVerbs
    .filter((v) => v.from.includes(app.status))
    .map((v) => ({ verb: v.name as TransitionName, label: v.label, by: v.by.filter((r) => r !== 'applicant') as string[] }));
  return { forms, barred, waitingFor, usually };
}

export type { RunResult, TransitionName };
