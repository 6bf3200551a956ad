import 'server-only';
// Counter practice per region: shown to residents as practice, never as law; demo rows say so.
import { eq } from 'drizzle-orm';
import { q, schema } from '@/lib/store/db';

export type RegionSettings = {
  claimDeadline?: string;
  promisedWorkingDays?: number;
  counter?: string;
  /** Working days from submission within which the office accepts (受理) or returns the application. */
  acceptWithinWorkingDays: number;
  /** Working days from submission within which the office decides (批准 / 不予救助). */
  decideWithinWorkingDays: number;
  demo: boolean;
};

/** Office practice when a region has not set its own limits: accept within 2, decide within 10 working days. */
export const DEFAULT_ACCEPT_WITHIN = 2;
export const DEFAULT_DECIDE_WITHIN = 10;

function positive(v: string | undefined): number | undefined {
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

export async function regionSettings(region: string): Promise<RegionSettings> {
  const rows = await q((db) => db.select().from(schema.regionSettings).where(eq(schema.regionSettings.region, region)));
  const get = (k: string) => rows.find((r) => r.key === k)?.value;
  return {
    claimDeadline: get('claimDeadline'),
    promisedWorkingDays: positive(get('promisedWorkingDays')),
    counter: get('counter'),
    acceptWithinWorkingDays: positive(get('acceptWithinWorkingDays')) ?? DEFAULT_ACCEPT_WITHIN,
    decideWithinWorkingDays: positive(get('decideWithinWorkingDays')) ?? DEFAULT_DECIDE_WITHIN,
    demo: rows.some((r) => r.demo),
  };
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
