import 'server-only';
// validatedAction(schema, roles, fn): the one shape of every server action, so none can forget a step:
//   requireUser(roles) → parse the form with zod (bad or missing values → field errors, never NaN or a 500)
//   → one data-layer call (fn) → a typed state for useActionState. `redirect()` inside fn passes through.
import type { z } from 'zod';
import type { Role } from '@/db/schema';
import type { Refusal } from '@/lib/result';
import { requireStaffAccount, requireUser, type SessionUser } from '@/lib/auth/session';
import { fieldErrorsOf } from '@/lib/validation/zod-errors';

export type FormValues = Record<string, string | string[]>;
export type ActionState<V extends FormValues = FormValues> = { ok: boolean; message?: string; fieldErrors?: Record<string, string>; values?: V; [extra: string]: unknown };

/** Every field of a form as strings, repeated names (checkbox groups) as arrays; files and Next's `$…` fields left out. */
export function formValues(formData: FormData): FormValues {
  const out: FormValues = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$')) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
}

type Handler<S extends z.ZodType, R> = (input: z.infer<S>, user: SessionUser, ctx: { formData: FormData; values: FormValues; prev: R | undefined }) => Promise<R>;

/**
 * Wraps a server action. Works both as `<form action={a}>` (formData only) and with useActionState
 * (previous state, formData). Values a page binds (`a.bind(null, draftId)`) come back from the browser
 * like any field, so they are named in `bound` and parsed with the rest. `roles: null` is for the
 * sign-in actions, which have no user yet.
 */
export function validatedAction<S extends z.ZodType, R>(
  schema: S,
  roles: readonly Role[] | null,
  fn: Handler<S, R>,
  // `staffAccount`: the staff account pages, which an administrator still enrolling a second factor may use.
  options: { bound?: readonly string[]; staffAccount?: boolean; invalid?: (fieldErrors: Record<string, string>, values: FormValues) => R } = {},
) {
  const bound = options.bound ?? [];
  const wrapped = async (...args: unknown[]): Promise<R> => {
    const named = Object.fromEntries(bound.map((name, i) => [name, args[i]]));
    const rest = args.slice(bound.length);
    const formData = rest.find((a): a is FormData => a instanceof FormData) ?? new FormData();
    const prev = rest.length > 1 ? (rest[0] as R) : undefined;
    const values = formValues(formData);
    // Who asks comes first: someone who may not use the action learns nothing from its validation messages.
    const user = roles === null ? (null as unknown as SessionUser) : options.staffAccount ? await requireStaffAccount('/account/security') : await requireUser(roles);
    const parsed = schema.safeParse({ ...values, ...named });
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      return options.invalid ? options.invalid(fieldErrors, values) : ({ ok: false, message: '有几处需要修改，请看标出的地方。', fieldErrors, values } as unknown as R);
    }
    return fn(parsed.data, user, { formData, values, prev });
  };
  return wrapped as unknown as Wrapped<R>;
}

/** Usable as a plain form action, with useActionState, and with `.bind(null, …)` (the last signature). */
type Wrapped<R> = {
  (formData: FormData): Promise<void>;
  (prev: R, formData: FormData): Promise<R>;
  (...args: unknown[]): Promise<R>;
};

/** A data-layer refusal as a form state, keeping what was typed. */
export function refusalState(r: Refusal, values?: FormValues): ActionState {
  return { ok: false, message: r.message, fieldErrors: r.fieldErrors, values };
}
