// One submitted /check question → the answer to store, or a Chinese message for the field with what was typed.
import { z } from 'zod';
import { isRegionCode, type CategoryCode } from '@/lib/calculator';
import { amountError, parseYuanToFen } from '@/lib/format';
import type { CheckAnswers } from './answers';
import { ANSWER_KEY, type QuestionId } from './questions';
import { questionView } from './views';

export type FormValues = Record<string, string | string[] | undefined>;

export type ParsedAnswer =
  | { ok: true; patch: Partial<CheckAnswers> }
  | { ok: false; error: string; values: string | string[] };

const CHOOSE: Partial<Record<QuestionId, string>> = {
  region: '请选择您参加医保或者落户的地方',
  cards: '请选择看病的人有的证；如果都没有，请选“都没有”',
};

const NUMBER_RULES: Partial<Record<QuestionId, { min: number; max: number; empty: string; bad: string; range: string }>> = {
  age: { min: 0, max: 120, empty: '请填写年龄，例如 65', bad: '年龄请填写整数，例如 65', range: '年龄请填写 0 到 120 之间的整数' },
  'household-size': { min: 1, max: 30, empty: '请填写家里一共几口人，例如 3', bad: '人数请填写整数，例如 3', range: '人数请填写 1 到 30 之间的整数' },
};

function one(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
}

export function parseAnswer(id: QuestionId, form: FormValues, current: CheckAnswers): ParsedAnswer {
  const key = ANSWER_KEY[id];
  const view = questionView(id, current);
  const raw = form.answer;

  if (view.kind === 'number') {
    const typed = one(raw);
    if (one(form.unsure) === '1') return { ok: true, patch: { [key]: 'unsure' } };
    if (view.money) {
      const label = view.summaryLabel;
      if (!typed) return { ok: false, error: `请填写${label}的金额；不清楚可以点“${view.unsureLabel}”`, values: typed };
      const fen = parseYuanToFen(typed);
      if (fen === null) return { ok: false, error: amountError(label, typed), values: typed };
      return { ok: true, patch: { [key]: fen } };
    }
    const rule = NUMBER_RULES[id]!;
    if (!typed) return { ok: false, error: rule.empty, values: typed };
    const n = z.coerce.number().int().safeParse(typed.normalize('NFKC'));
    if (!/^\d+$/.test(typed.normalize('NFKC')) || !n.success) return { ok: false, error: rule.bad, values: typed };
    if (n.data < rule.min || n.data > rule.max) return { ok: false, error: rule.range, values: typed };
    return { ok: true, patch: { [key]: n.data } };
  }

  const allowed = view.options.map((o) => o.value);
  if (view.kind === 'checkbox') {
    const cards = parseCards(raw, allowed, view.none);
    return cards.ok ? { ok: true, patch: { cards: cards.cards } } : cards;
  }

  const value = one(raw);
  const parsed = z.enum(allowed as [string, ...string[]]).safeParse(value);
  if (!parsed.success) return { ok: false, error: CHOOSE[id] ?? '请选择一项', values: value };
  if (id === 'region') {
    return isRegionCode(parsed.data) ? { ok: true, patch: { region: parsed.data } } : { ok: false, error: CHOOSE.region!, values: value };
  }
  return { ok: true, patch: { [key]: parsed.data } };
}

/** Certificates ticked: codes from `allowed`, or the one "none of these" option on its own. */
export function parseCards(
  raw: string | string[] | undefined,
  allowed: readonly string[],
  none: { value: string; label: string },
): { ok: true; cards: CategoryCode[] } | { ok: false; error: string; values: string[] } {
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []).map((s) => s.trim()).filter(Boolean);
  const codes = list.filter((v) => v !== none.value);
  if (list.length === 0) return { ok: false, error: CHOOSE.cards!, values: list };
  if (codes.length > 0 && codes.length < list.length) return { ok: false, error: `选了“${none.label}”，就不要再选其他的了`, values: list };
  const parsed = z.array(z.enum(allowed as [string, ...string[]])).max(allowed.length).safeParse(codes);
  if (!parsed.success) return { ok: false, error: CHOOSE.cards!, values: list };
  return { ok: true, cards: [...new Set(parsed.data)] as CategoryCode[] };
}

/**
 * The answers after one question is answered. Changing the region starts over: every later question is worded
 * for the region ("户口在无锡市吗") and its certificates differ, so old answers would mislead.
 */
export function applyAnswer(current: CheckAnswers, patch: Partial<CheckAnswers>): CheckAnswers {
  if (patch.region !== undefined && patch.region !== current.region) return { region: patch.region };
  return { ...current, ...patch };
}
