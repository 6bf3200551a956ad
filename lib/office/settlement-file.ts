// The settlement-records file (结算单, one row per visit or stay) a clerk imports for 免申即享 (003 五(八),
// 000 二(五)1). Pure: text in, checked rows or line-numbered errors out; nothing is written here.
// Columns are named by the header (order free, extra columns ignored). Money is whole fen (分), as the
// medical-insurance settlement export gives it; dates are YYYY-MM-DD.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { checkIdNumber } from '@/lib/personal/id-number';
import type { Visit } from '@/lib/personal/records';

export const SETTLEMENT_COLUMNS = {
  settlementNo: '结算单号',
  idNumber: '身份证号',
  date: '就医日期',
  endDate: '出院日期',
  kind: '就医类型',
  hospitalName: '医院名称',
  hospitalLevel: '医院等级',
  location: '就医地',
  referred: '按规定转诊',
  offsiteFiled: '异地就医备案',
  specialDisease: '特殊疾病',
  totalFen: '总费用（分）',
  policyFen: '政策范围内费用（分）',
  basicPaidFen: '基本医保支付（分）',
  criticalPaidFen: '大病保险支付（分）',
  supplementaryPaidFen: '其他补充保障支付（分）',
  // What the hospital's 一站式 settlement already paid as assistance (003 七(十二), 001 七(十四)); 0 when none.
  assistancePaidFen: '医疗救助支付（分）',
} as const;
type Key = keyof typeof SETTLEMENT_COLUMNS;
const REQUIRED: Key[] = ['settlementNo', 'idNumber', 'date', 'kind', 'totalFen', 'policyFen', 'basicPaidFen', 'assistancePaidFen'];

/**
 * Cells a region's rules read that a blank must not answer (unknown is not yes): the row is held 待核实 for a
 * clerk instead of taking the generous value. Referral: Chongqing's every pool (004 二(六)), the national
 * (003 七(十三)) and Wuxi's tilt (001 四(七)) gates; level: Chongqing's 大额 pool, 二级及以上 (004 二(三)2), and the
 * mutual-aid outpatient ratio (002 五(二)); place: every region's 本市/异地 rule.
 */
const HOLD_IF_BLANK: Record<string, readonly ('referred' | 'hospitalLevel' | 'location')[]> = {
  'chongqing-shapingba': ['referred', 'hospitalLevel', 'location'],
  national: ['referred', 'location'],
  wuxi: ['referred', 'location'],
  shanghai: ['location'],
  'shanghai-mutual-aid': ['hospitalLevel', 'location'],
};
export const HELD_FIELDS = ['referred', 'hospitalLevel', 'location'] as const;
export type HeldField = (typeof HELD_FIELDS)[number];

const KINDS: Record<string, Visit['kind']> = { 住院: 'inpatient', 普通门急诊: 'outpatient', 门诊: 'outpatient', 门诊慢特病: 'outpatient_special', 门诊慢性病特殊疾病: 'outpatient_special' };
const LOCATIONS: Record<string, Visit['location']> = { 本市: 'local', 省内: 'province', 外地: 'elsewhere', 省外: 'elsewhere' };
const LEVELS: Record<string, number> = { '1': 1, '2': 2, '3': 3, 一级: 1, 二级: 2, 三级: 3 };

/** `held`: the blank cells a rule depends on (待核实); the visit carries the cautious value until a clerk fills them. */
export type SettlementRow = { line: number; settlementNo: string; idNumber: string; year: number; visit: Visit; selfPayFen: number; assistancePaidFen: number; held: HeldField[] };
export type LineError = { line: number; message: string };
export type ParsedFile = { rows: SettlementRow[]; errors: LineError[]; dataLines: number };

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期须写成 年-月-日，如 2025-03-01', abort: true }).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '不是有效的日期');
const fenText = (label: string) => z.string().regex(/^\d{1,13}$/, `${label}须是以分为单位的整数（不带小数点和“元”）`).transform(Number);
const yesNo = (label: string, fallback: boolean) =>
  z
    .string()
    .transform((s, ctx) => {
      if (s === '') return fallback;
      if (s === '是') return true;
      if (s === '否') return false;
      ctx.addIssue({ code: 'custom', message: `${label}只能填“是”或“否”` });
      return z.NEVER;
    });
const oneOf = <T,>(label: string, map: Record<string, T>, fallback?: T) =>
  z.string().transform((s, ctx) => {
    if (s === '' && fallback !== undefined) return fallback;
    if (Object.prototype.hasOwnProperty.call(map, s)) return map[s]!;
    ctx.addIssue({ code: 'custom', message: `${label}“${s}”无法识别，可填：${Object.keys(map).join('、')}` });
    return z.NEVER;
  });

/** One row's cells (by column key, trimmed; missing optional columns are ''). */
export const settlementRowSchema = z
  .object({
    settlementNo: z.string().min(1, '没有填写结算单号').max(64, '结算单号超过 64 个字符').regex(/^[A-Za-z0-9_-]+$/, '结算单号只能包含字母、数字、“-”和“_”'),
    idNumber: z.string().transform((s, ctx) => {
      const r = checkIdNumber(s);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: s ? r.message : '没有填写身份证号' });
        return z.NEVER;
      }
      return r.value;
    }),
    date,
    endDate: z.union([z.literal(''), date]),
    kind: oneOf('就医类型', KINDS),
    hospitalName: z.string().max(100, '医院名称超过 100 个字'),
    hospitalLevel: z.union([z.literal('').transform(() => null), oneOf('医院等级', LEVELS)]),
    location: z.union([z.literal('').transform(() => null), oneOf('就医地', LOCATIONS)]),
    referred: z.union([z.literal('').transform(() => null), yesNo('按规定转诊', false)]),
    offsiteFiled: yesNo('异地就医备案', false),
    specialDisease: yesNo('特殊疾病', false),
    totalFen: fenText('总费用'),
    policyFen: fenText('政策范围内费用'),
    basicPaidFen: fenText('基本医保支付'),
    criticalPaidFen: z.union([z.literal('').transform(() => 0), fenText('大病保险支付')]),
    supplementaryPaidFen: z.union([z.literal('').transform(() => 0), fenText('其他补充保障支付')]),
    assistancePaidFen: fenText('医疗救助支付'),
  });

/** What a held cell reads as until a clerk fills it: the cautious value, never the generous one. */
export const HELD_DEFAULTS = { referred: false, hospitalLevel: 1, location: 'elsewhere' } as const satisfies Pick<Visit, HeldField>;
export const HELD_TEXT: Record<HeldField, string> = { referred: '按规定转诊', hospitalLevel: '医院等级', location: '就医地' };

/**
 * Every row checked: against the schema, the period chosen for the import (`from`–`to`, not after `today`)
 * and for a settlement number used twice in the file. Errors name the file's line (the header is line 1).
 */
export function parseSettlementCsv(text: string, period: { from: string; to: string; today: string; region: string }): ParsedFile {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], errors: [{ line, message: `第 ${line} 行：无法读取（引号或分隔符不完整），请用医保结算系统导出的原文件。` }], dataLines: 0 };
  }
  if (records.length === 0) return { rows: [], errors: [{ line: 1, message: '第 1 行：文件是空的。' }], dataLines: 0 };
  const header = records[0]!.record.map((h) => h.trim());
  const col = Object.fromEntries((Object.keys(SETTLEMENT_COLUMNS) as Key[]).map((k) => [k, header.indexOf(SETTLEMENT_COLUMNS[k])])) as Record<Key, number>;
  const missing = REQUIRED.filter((k) => col[k] < 0).map((k) => SETTLEMENT_COLUMNS[k]);
  if (missing.length) return { rows: [], errors: [{ line: 1, message: `第 1 行（表头）：缺少列 ${missing.join('、')}。` }], dataLines: records.length - 1 };

  const rows: SettlementRow[] = [];
  const errors: LineError[] = [];
  const seen = new Map<string, number>();
  const keys = Object.keys(SETTLEMENT_COLUMNS) as Key[];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const cells = {} as Record<Key, string>;
    for (const k of keys) cells[k] = col[k] >= 0 ? (record[col[k]] ?? '').trim() : '';
    const parsed = settlementRowSchema.safeParse(cells);
    if (!parsed.success) {
      errors.push({ line, message: `第 ${line} 行：${[...new Set(parsed.error.issues.map((i) => i.message))].join('；')}。` });
      continue;
    }
    const r = parsed.data;
    const problems: string[] = [];
    if (r.policyFen > r.totalFen) problems.push('政策范围内费用不能大于总费用');
    if (r.basicPaidFen + r.criticalPaidFen + r.supplementaryPaidFen + r.assistancePaidFen > r.totalFen) problems.push('各项保险和医疗救助支付之和不能大于总费用');
    if (r.endDate && r.endDate < r.date) problems.push('出院日期早于就医日期');
    if (r.date < period.from || r.date > period.to) problems.push(`就医日期 ${r.date} 不在本次导入的期间 ${period.from} 至 ${period.to} 内`);
    if (r.date > period.today) problems.push(`就医日期 ${r.date} 晚于今天`);
    const first = seen.get(r.settlementNo);
    if (first !== undefined) problems.push(`结算单号 ${r.settlementNo} 在第 ${first} 行已经出现过`);
    else seen.set(r.settlementNo, line);
    if (problems.length) {
      errors.push({ line, message: `第 ${line} 行：${problems.join('；')}。` });
      continue;
    }
    const held = (HOLD_IF_BLANK[period.region] ?? HELD_FIELDS).filter((k) => r[k] === null);
    const visit: Visit = {
      hospitalName: r.hospitalName || null, date: r.date, endDate: r.endDate || null, kind: r.kind, hospitalLevel: r.hospitalLevel ?? HELD_DEFAULTS.hospitalLevel,
      specialDisease: r.specialDisease, referred: r.referred ?? HELD_DEFAULTS.referred, location: r.location ?? HELD_DEFAULTS.location, offsiteFiled: r.offsiteFiled,
      totalFen: r.totalFen, policyFen: r.policyFen, basicPaidFen: r.basicPaidFen, criticalPaidFen: r.criticalPaidFen, supplementaryPaidFen: r.supplementaryPaidFen,
    };
    // 先保险后救助 (003 三(三)): what is left of the policy-range cost after every insurance payment, never below 0.
    const selfPayFen = Math.max(0, r.policyFen - r.basicPaidFen - r.criticalPaidFen - r.supplementaryPaidFen);
    rows.push({ line, settlementNo: r.settlementNo, idNumber: r.idNumber, year: Number(r.date.slice(0, 4)), visit, selfPayFen, assistancePaidFen: r.assistancePaidFen, held });
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 1, message: '文件里只有表头，没有结算记录。' });
  return { rows, errors, dataLines: records.length - 1 };
}

/** The header line of a file in this format (the page offers it as a template). */
export const SETTLEMENT_HEADER = Object.values(SETTLEMENT_COLUMNS).join(',');
