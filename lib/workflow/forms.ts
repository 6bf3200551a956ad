// A staff verb's form on the case page, as data. The verb's own file (./verbs/<verb>.ts) declares it beside its
// input and effects; lib/dal/staff-case.ts turns it into plain props for this case, the page's client component
// (app/admin/applications/[ref]/action-forms.tsx) draws any of them, and the case action reads the answers back
// with the same declaration. Nothing here imports server code: client components import its types.
import { parseYuanToFen } from '@/lib/format';

/** One field of a verb's form; `name` is the form field, also what an error of the verb's input is keyed by. */
export type FormField =
  | { kind: 'text' | 'date' | 'money'; name: string; label: string; hint?: string; defaultValue?: string }
  | { kind: 'textarea'; name: string; label: string; hint?: string; defaultValue?: string; rows?: number }
  | { kind: 'choice'; name: string; legend: string; options: { value: string; label: string; hint?: string }[] };

/** What a verb's fields may need to know about the case to fill their defaults and choices. */
export type CaseFormContext = {
  estimatedFen: number | null;
  decidedAmountFen: number | null;
  /** The region's refusal reasons with their clauses in words (lib/workflow/reject-reasons.ts). */
  reasons: { code: string; label: string; clause: string | null }[];
  /** The default due date of a request for documents (yyyy-mm-dd, working days from the region's calendar). */
  defaultDueDate: string;
};

/** Form answers as they come from the browser: strings, repeated names as arrays. */
export type FormAnswers = Record<string, string | string[]>;

/** The input for the verb's own schema (which then checks it), or errors found while reading the form. */
export type FormReading = { input: Record<string, unknown> } | { fieldErrors: Record<string, string> };

export type StaffForm = {
  /** Who usually does it, for the case page's hint (the state machine's `by` says who may). */
  usually: 'clerk' | 'reviewer';
  /** The sentence ticked before pressing (nothing happens on a stray tap). */
  confirm: string;
  /** A red button: the verb refuses or records a failure. */
  danger?: boolean;
  fields: (c: CaseFormContext) => FormField[];
  /** Default: every field as a string, by its name. */
  read?: (v: FormAnswers) => FormReading;
  /** An error of the verb's input shown at a differently named form field (amountFen → amountYuan). */
  errorAt?: Record<string, string>;
};

/** One form as the client draws it: plain data for this case and this user. */
export type CaseForm = { verb: string; label: string; confirm: string; danger: boolean; fields: FormField[] };

export const answer = (v: FormAnswers, k: string): string => {
  const x = v[k];
  return (Array.isArray(x) ? x[0] : x) ?? '';
};

/** A context with nothing known, for reading a form's field names back. */
export const NO_CASE: CaseFormContext = { estimatedFen: null, decidedAmountFen: null, reasons: [], defaultDueDate: '' };

/** A money field typed in yuan (`8万`, `80000.00`) as integer fen, or the field's error. */
export function moneyField(v: FormAnswers, name: string, error: string): { fen: number } | { fieldErrors: Record<string, string> } {
  const fen = parseYuanToFen(answer(v, name));
  return fen === null ? { fieldErrors: { [name]: error } } : { fen };
}

/** The usual free-text field: a note, optional unless the verb's schema requires it. */
export const messageField = (label: string, extra: { hint?: string; rows?: number } = {}): FormField => ({ kind: 'textarea', name: 'message', label, ...extra });

/** The bank batch a payment or failure came back under: read into `batchRef`, where the ledger and batch views look. */
export const batchRefField: FormField = { kind: 'text', name: 'batchRef', label: '银行批次号（可不填）', hint: '银行回单上的批次号，如 PAY-20260702-AB12CD（字母、数字和“-”）' };
