// Parameters as data (OpenFisca style): every fixed value carries its clause and effective dates,
// and the figures a document leaves to other bodies are staff-set parameters with the same metadata.
import type { CategoryCode, EpisodeKind, ParamSet, ParamUnit, PremiumSubsidyKind, RegionCode } from './types';

/** One value a document fixes. `value` is the figure used for estimates; `generous` the other end of a range. */
export interface FixedRow {
  name: string;
  value: number;
  /** The generous end where the clause gives a range or a bound (higher ratio, lower deductible). */
  generous?: number;
  unit: ParamUnit | 'years' | 'level';
  categories?: readonly CategoryCode[];
  kinds?: readonly EpisodeKind[];
  level?: 1 | 2 | 3;
  /** For premium-subsidy rows. */
  premium?: PremiumSubsidyKind;
  source: string;
  from: string;
  to?: string;
  /** What the clause says, in plain Chinese (shown in traces). */
  noteZh: string;
}

export type FixedTable = readonly FixedRow[];

export interface RowQuery {
  category?: CategoryCode;
  kind?: EpisodeKind;
  level?: 1 | 2 | 3;
}

/** A figure from a region's table or a staff parameter. `generous` is the other end of a range (= value if none). */
export interface Figure {
  value: number;
  generous: number;
  source: string;
  noteZh: string;
  /** Set for a staff parameter: its name. */
  param: string | undefined;
}

/**
 * A row as lookups read it, with its figure. Rows are written with only the selectors they need; here every
 * selector is present, so lookups meet one object shape whatever the table (they run for every step of every episode).
 */
export interface IndexedRow {
  row: FixedRow;
  figure: Figure;
  from: string;
  to: string | undefined;
  categories: readonly CategoryCode[] | undefined;
  kinds: readonly EpisodeKind[] | undefined;
  level: 1 | 2 | 3 | undefined;
}

const INDEX = new WeakMap<FixedTable, Map<string, IndexedRow[]>>();

/** Rows grouped by name, built once per table. */
export function rowIndex(table: FixedTable): ReadonlyMap<string, readonly IndexedRow[]> {
  let index = INDEX.get(table);
  if (!index) {
    index = new Map();
    for (const row of table) {
      const figure: Figure = { value: row.value, generous: row.generous ?? row.value, source: row.source, noteZh: row.noteZh, param: undefined };
      const r: IndexedRow = { row, figure, from: row.from, to: row.to, categories: row.categories, kinds: row.kinds, level: row.level };
      const list = index.get(row.name);
      if (list) list.push(r);
      else index.set(row.name, [r]);
    }
    INDEX.set(table, index);
  }
  return index;
}

const ANY: RowQuery = {};

/** The first of `rows` (one name's, from `rowIndex`) in force on `date` that applies to the query. */
export function firstRow(rows: readonly IndexedRow[] | undefined, date: string, q: RowQuery = ANY): IndexedRow | undefined {
  if (!rows) return undefined;
  for (const r of rows) {
    if (r.categories && (q.category === undefined || !r.categories.includes(q.category))) continue;
    if (r.kinds && (q.kind === undefined || !r.kinds.includes(q.kind))) continue;
    if (r.level !== undefined && r.level !== q.level) continue;
    // Dates last: comparing strings costs more than the selectors.
    if (date < r.from || (r.to !== undefined && date > r.to)) continue;
    return r;
  }
  return undefined;
}

/** The first row named `name`, in force on `date`, that applies to the query; undefined when the table has none. */
export function rowAt(table: FixedTable, name: string, date: string, q: RowQuery = ANY): FixedRow | undefined {
  return firstRow(rowIndex(table).get(name), date, q)?.row;
}

/** A parameter that staff set (with an effective date and a source) because the document leaves it to another body. */
export interface StaffParamDef {
  name: string;
  unit: ParamUnit;
  descriptionZh: string;
  source: string;
}

/**
 * 000 二(二)4 "分类设定…年度救助限额": the categories that may have a limit of their own in each Shanghai pool (those
 * with a ratio in that pool; expenditure-poverty families have no outpatient ratio, 特困 and 特殊救济 no standard).
 */
export const SHANGHAI_LIMIT_CATEGORIES = {
  inpatient: ['dibao', 'orphan', 'child_in_distress', 'low_income', 'expenditure_poverty_1', 'expenditure_poverty_2'],
  outpatient: ['dibao', 'orphan', 'child_in_distress', 'low_income'],
} as const satisfies Record<string, readonly CategoryCode[]>;

const SHANGHAI_CATEGORY_ZH: Record<(typeof SHANGHAI_LIMIT_CATEGORIES.inpatient)[number], string> = {
  dibao: '低保对象',
  orphan: '社会散居孤儿',
  child_in_distress: '困境儿童',
  low_income: '低收入对象',
  expenditure_poverty_1: '第一类支出型贫困家庭成员',
  expenditure_poverty_2: '第二类支出型贫困家庭成员',
};

function shanghaiCategoryLimits(pool: 'inpatient' | 'outpatient', poolZh: string): StaffParamDef[] {
  return SHANGHAI_LIMIT_CATEGORIES[pool].map((cat) => ({
    name: `annualLimitFen.${pool}.${cat}`,
    unit: 'fen' as const,
    descriptionZh: `${SHANGHAI_CATEGORY_ZH[cat]}的${poolZh}年度限额（分类设定；设定后优先于该类救助的统一限额）`,
    source: '000 二(二)4',
  }));
}

const LIMIT_INPATIENT = 'annualLimitFen.inpatient';
const LIMIT_OUTPATIENT = 'annualLimitFen.outpatient';
const PER_CAPITA_INCOME = 'perCapitaIncomePrevYearFen';

export const STAFF_PARAMS: Record<RegionCode, readonly StaffParamDef[]> = {
  national: [
    {
      name: LIMIT_INPATIENT,
      unit: 'fen',
      descriptionZh: '住院和门诊慢特病共用的年度救助限额（由统筹地区设定）',
      source: '003 四(五)、四(六)',
    },
    {
      name: PER_CAPITA_INCOME,
      unit: 'fen',
      descriptionZh: '统筹地区上年居民人均可支配收入（用于计算年度救助起付标准）',
      source: '003 四(五)',
    },
    {
      name: 'tiltThresholdFen',
      unit: 'fen',
      descriptionZh: '倾斜救助的年度个人负担起点（由统筹地区人民政府确定）',
      source: '003 四(六)',
    },
    {
      name: 'tiltRatioPercent',
      unit: 'percent',
      descriptionZh: '倾斜救助比例（由统筹地区人民政府确定）',
      source: '003 四(六)',
    },
  ],
  shanghai: [
    {
      name: LIMIT_INPATIENT,
      unit: 'fen',
      descriptionZh: '住院救助年度限额（由市医保局会同市财政局制订；适用于所有类别，也可按类别另设 annualLimitFen.inpatient.<类别>，类别的限额优先）',
      source: '000 二(二)4',
    },
    {
      name: LIMIT_OUTPATIENT,
      unit: 'fen',
      descriptionZh: '门急诊救助年度限额（由市医保局会同市财政局制订；适用于所有类别，也可按类别另设 annualLimitFen.outpatient.<类别>，类别的限额优先）',
      source: '000 二(二)4',
    },
    ...shanghaiCategoryLimits('inpatient', '住院救助'),
    ...shanghaiCategoryLimits('outpatient', '门急诊救助'),
    {
      name: PER_CAPITA_INCOME,
      unit: 'fen',
      descriptionZh: '本市上年度全市居民人均可支配收入（认定支出型贫困家庭用）',
      source: '000 四',
    },
    {
      name: 'dibaoStandardMonthlyFen',
      unit: 'fen',
      descriptionZh: '本市城乡居民最低生活保障标准（每人每月，认定第一类支出型贫困家庭用）',
      source: '000 四',
    },
  ],
  wuxi: [],
  'chongqing-shapingba': [
    {
      name: 'monitoringStandardFen',
      unit: 'fen',
      descriptionZh: '上年乡村振兴部门确定的监测标准（倾斜救助的年度累计自付起点）',
      source: '004 二(三)3',
    },
  ],
  'shanghai-mutual-aid': [],
};

export function parameterNames(region: RegionCode): string[] {
  return STAFF_PARAMS[region].map((p) => p.name);
}

export function staffParam(region: RegionCode, name: string): StaffParamDef | undefined {
  return STAFF_PARAMS[region].find((p) => p.name === name);
}

/** The value of a staff-set parameter, or undefined when it is not set (or not a finite, non-negative number). */
export function paramValue(params: ParamSet, name: string): number | undefined {
  const p = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
  return p && typeof p.value === 'number' && Number.isFinite(p.value) && p.value >= 0 ? p.value : undefined;
}
