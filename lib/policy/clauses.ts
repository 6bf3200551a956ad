// The five documents' own outlines (clauses.json): each clause as the document numbers it, its first words and
// its text, transcribed from the published documents. The clause check (tests/unit/policy/clauses.test.ts)
// proves every clause code in lib/ and app/ against it. Pure data: nothing here is shown to residents.
import data from './clauses.json';
import type { DocumentCode } from '@/lib/texts/citation';

export type Clause = { ref: string; heading: string; text: string };
export type DocumentOutline = { code: DocumentCode; title: string; number: string | null; clauses: Clause[] };

export const DOCUMENT_OUTLINES = data.documents as DocumentOutline[];

const NUM = '一二三四五六七八九十';
/** "五(一)(二)" (two items of one part) → ["五(一)", "五(二)"]; anything else is one clause. */
export function expandClause(ref: string): string[] {
  const m = new RegExp(`^([${NUM}]+)((?:\\([${NUM}]+\\)){2,})$`).exec(ref);
  if (!m) return [ref];
  return [...m[2]!.matchAll(new RegExp(`\\([${NUM}]+\\)`, 'g'))].map((x) => `${m[1]}${x[0]}`);
}

export function outline(code: string): DocumentOutline | undefined {
  return DOCUMENT_OUTLINES.find((d) => d.code === code);
}

/** The clause with that exact numbering ("二(二)4", "四", "前言"), or undefined when the document has none. */
export function findClause(code: string, ref: string): Clause | undefined {
  return outline(code)?.clauses.find((c) => c.ref === ref);
}

/** A clause's whole text, its sub-clauses included ("二(二)" covers 二(二)1–4). */
export function clauseText(code: string, ref: string): string {
  const under = (r: string) => r === ref || (r.startsWith(ref) && /^[(\d]/.test(r.slice(ref.length)));
  return (outline(code)?.clauses ?? []).filter((c) => under(c.ref)).map((c) => c.heading + c.text).join('');
}
