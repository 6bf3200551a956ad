import 'server-only';
// Counter practice per region: shown to residents as practice, never as law; demo rows say so. The time limits
// are staff parameters (lib/office/time-limits.ts, dated and sourced, kept on /admin/parameters) and every working
// day is counted on the region's holiday calendar (lib/dal/holidays.ts).
import { eq } from 'drizzle-orm';
import { workCalendar } from '@/lib/dal/holidays';
import { parametersOnDate } from '@/lib/dal/parameters';
import { todayInShanghai } from '@/lib/format';
import { addWorkingDays } from '@/lib/office/workdays';
import { OFFICE_PARAMS } from '@/lib/office/time-limits';
import type { WorkCalendar } from '@/lib/office/workdays';
import { q, schema } from '@/lib/store/db';
import type { LocalRules } from '@/lib/workflow/reject-reasons';

/** A time limit in force today: working days, with its source and whether it is a demo value. */
export type TimeLimit = { days: number; source: string; demo: boolean; effectiveFrom: string };

export type RegionSettings = {
  claimDeadline?: string;
  claimDeadlineSource?: string;
  counter?: string;
  /** Working days from submission within which the office accepts (受理) or asks for more; null: not set. */
  acceptWithinWorkingDays: number | null;
  /** Working days from submission within which the office decides (批准 / 不予救助); what residents are promised. */
  decideWithinWorkingDays: number | null;
  /** Working days from the approval within which the money is paid. */
  payWithinWorkingDays: number | null;
  limits: { accept: TimeLimit | null; decide: TimeLimit | null; pay: TimeLimit | null };
  /** The region's holiday calendar, for every working-day count shown with these settings. */
  calendar: WorkCalendar;
  demo: boolean;
};

export async function regionSettings(region: string, now = new Date()): Promise<RegionSettings> {
  const [rows, params, calendar] = await Promise.all([
    q((db) => db.select().from(schema.regionSettings).where(eq(schema.regionSettings.region, region))),
    parametersOnDate(region, todayInShanghai(now)),
    workCalendar(region),
  ]);
  const row = (k: string) => rows.find((r) => r.key === k);
  const limit = (name: string): TimeLimit | null => {
    const p = params[name];
    return p && Number.isInteger(p.value) && p.value > 0 ? { days: p.value, source: p.source, demo: p.demo ?? false, effectiveFrom: p.effectiveFrom ?? '' } : null;
  };
  const limits = { accept: limit(OFFICE_PARAMS.accept.name), decide: limit(OFFICE_PARAMS.decide.name), pay: limit(OFFICE_PARAMS.pay.name) };
  return {
    claimDeadline: row('claimDeadline')?.value,
    claimDeadlineSource: row('claimDeadline')?.source,
    counter: row('counter')?.value,
    acceptWithinWorkingDays: limits.accept?.days ?? null,
    decideWithinWorkingDays: limits.decide?.days ?? null,
    payWithinWorkingDays: limits.pay?.days ?? null,
    limits,
    calendar,
    demo: rows.some((r) => r.demo) || Object.values(limits).some((l) => l?.demo),
  };
}

/** The date a resident is promised a decision by: the decision limit in working days on the region's calendar. */
export function promisedBy(s: RegionSettings, submittedAt: string): Date | null {
  return s.decideWithinWorkingDays ? addWorkingDays(new Date(submittedAt), s.decideWithinWorkingDays, s.calendar) : null;
}

/** The region's own rules a refusal may rest on (a claim deadline it has set, with its source). */
export async function localRules(region: string): Promise<LocalRules> {
  const [row] = await q((db) => db.select().from(schema.regionSettings).where(eq(schema.regionSettings.region, region)).then((rs) => rs.filter((r) => r.key === 'claimDeadline')));
  return { claimDeadline: row ? { text: row.value, source: row.source } : null };
}

// ---------------------------------------------------------------------------------------------
// The decision notice's deciding office and objection routes (复核, 行政复议, 行政诉讼). No policy document names
// them: the region sets them (value, source, time of the last change; 演示 where seeded). Kept apart from the
// time limits above so each block can change on its own.

export type RegionSetting<T> = { value: T; source: string; demo: boolean; updatedAt: string };

export type ObjectionSettings = {
  /** The office that decides and signs the notice (also where 复核 is asked for). */
  office: RegionSetting<string> | null;
  /** Days from receipt within which 复核 may be asked for. */
  reviewDays: RegionSetting<number> | null;
  /** 行政复议机关. */
  reconsiderationBody: RegionSetting<string> | null;
  /** The court for 行政诉讼. */
  court: RegionSetting<string> | null;
};

/** The keys in `region_settings`, with what /admin/parameters calls them. */
export const OBJECTION_SETTING_KEYS = {
  office: { key: 'decisionOffice', label: '作出决定的机构（决定书落款，复核也向它提出）' },
  reviewDays: { key: 'objectionReviewDays', label: '申请复核的期限（自收到决定书之日起，日）' },
  reconsiderationBody: { key: 'objectionReconsiderationBody', label: '行政复议机关' },
  court: { key: 'objectionCourt', label: '提起行政诉讼的人民法院' },
} as const;

/** A whole number above zero, or undefined. */
function positive(v: string | undefined): number | undefined {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export async function objectionSettings(region: string): Promise<ObjectionSettings> {
  const rows = await q((db) => db.select().from(schema.regionSettings).where(eq(schema.regionSettings.region, region)));
  const text = (key: string): RegionSetting<string> | null => {
    const r = rows.find((x) => x.key === key && x.value.trim() !== '');
    return r ? { value: r.value.trim(), source: r.source, demo: r.demo, updatedAt: r.updatedAt } : null;
  };
  const days = text(OBJECTION_SETTING_KEYS.reviewDays.key);
  const n = positive(days?.value);
  return {
    office: text(OBJECTION_SETTING_KEYS.office.key),
    reviewDays: days && n !== undefined ? { ...days, value: n } : null,
    reconsiderationBody: text(OBJECTION_SETTING_KEYS.reconsiderationBody.key),
    court: text(OBJECTION_SETTING_KEYS.court.key),
  };
}
