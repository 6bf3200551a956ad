import { isIsoDate } from '@/lib/calculator/dates';
import type { Period } from '@/lib/dal/stats';

/** The period asked for in the query string, or this year up to today; bad dates get a message and the default. */
export function periodOf(sp: { from?: string; to?: string }, today: string): { period: Period; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const pick = (v: string | undefined, fallback: string, key: 'from' | 'to', label: string) => {
    if (v === undefined || v === '') return fallback;
    if (isIsoDate(v)) return v;
    errors[key] = `${label}请按 年-月-日 填写，例如 ${fallback}`;
    return fallback;
  };
  return { period: { from: pick(sp.from, `${today.slice(0, 4)}-01-01`, 'from', '开始日期'), to: pick(sp.to, today, 'to', '结束日期') }, errors };
}
