// What-if values for staff-set parameters that are not set yet, as typed on /check and /estimate results.
// Money in yuan (stored in fen), ratios in percent. Only the region's own parameter names are accepted.
import { z } from 'zod';
import { regionInfo, type RegionCode } from '@/lib/calculator';
import { fenToYuanInput, parseYuanToFen } from '@/lib/format';

export type WhatIfParse =
  | { ok: true; whatIf: Record<string, number> }
  | { ok: false; fieldErrors: Record<string, string>; values: Record<string, string> };

const typedSchema = z.string().trim().max(20).catch('');

function percentValue(text: string): number | null {
  const s = text.normalize('NFKC').replace(/[%\s]/g, '');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return null;
  const n = Number(s);
  return n <= 100 ? n : null;
}

/** `get(name)` returns what was typed for a parameter, or null when the form did not include it. */
export function parseWhatIf(region: RegionCode, get: (field: string) => unknown, current: Record<string, number> | undefined): WhatIfParse {
  const whatIf: Record<string, number> = { ...current };
  const values: Record<string, string> = {};
  const fieldErrors: Record<string, string> = {};
  for (const p of regionInfo(region).parameters) {
    const raw = get(`p:${p.name}`);
    if (raw === null || raw === undefined) continue;
    const text = typedSchema.parse(raw);
    values[p.name] = text;
    if (!text) {
      delete whatIf[p.name];
      continue;
    }
    const value = p.unit === 'percent' ? percentValue(text) : parseYuanToFen(text);
    if (value === null) {
      fieldErrors[`p:${p.name}`] = p.unit === 'percent' ? '请填写 0 到 100 之间的百分数，例如 60' : '请填写数字金额（元），最多两位小数，例如 84834';
    } else {
      whatIf[p.name] = value;
    }
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors, values } : { ok: true, whatIf };
}

/** A stored what-if value as it is typed back into the form. */
export function whatIfInput(region: RegionCode, name: string, value: number | undefined): string {
  if (value === undefined) return '';
  const unit = regionInfo(region).parameters.find((p) => p.name === name)?.unit;
  return unit === 'percent' ? String(value) : fenToYuanInput(value).replace(/\.00$/, '');
}
