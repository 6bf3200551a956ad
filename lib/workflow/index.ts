import 'server-only';
// The workflow's entry: perform a verb on an application, by name, with raw input (a form, JSON, the seed).
import type { SessionUser } from '@/lib/dal/users';
import { run, type RunResult, type Verb } from '@/lib/workflow/run';
import type { TransitionName } from '@/lib/workflow/states';
import { VERBS } from '@/lib/workflow/verbs';

/** `target` is the reference, or the draft's id for `submit`. */
export function perform(actor: SessionUser, target: string, name: TransitionName, input: unknown = {}, ctx: { ip?: string | null; now?: Date } = {}): Promise<RunResult> {
  return run(VERBS[name] as Verb<unknown, unknown>, actor, target, input, ctx);
}

export type { RunResult };
