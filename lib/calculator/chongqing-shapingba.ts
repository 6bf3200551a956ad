// 重庆市沙坪坝区 (004): 关于健全重特大疾病医疗保险和救助制度的实施方案, 沙府办发〔2023〕61号, from 2023-08-14.
import { firstRow, rowIndex, type FixedTable } from './params';
import { standardAssist } from './steps';
import type { Ep, PoolChoice, RegionSpec } from './spec';
import { formatYuan } from './money';
import type { CategoryCode } from './types';

const FROM = '2023-08-14';
const HIGH: readonly CategoryCode[] = ['dibao', 'tekun', 'returned_poverty'];
const OTHER: readonly CategoryCode[] = ['dibao_edge', 'monitored_rural', 'illness_poverty'];

/** Every figure 004 fixes. The tilt threshold (监测标准) is set by 乡村振兴部门: a staff-set parameter. */
export const CHONGQING_TABLE: FixedTable = [
  { name: 'ratio', value: 80, unit: 'percent', categories: HIGH, source: '004 二(三)1', from: FROM, noteZh: '低保对象、特困人员、返贫致贫人口按80%救助（特殊疾病和大额费用救助）' },
  { name: 'ratio', value: 60, unit: 'percent', categories: OTHER, source: '004 二(三)1', from: FROM, noteZh: '其他救助对象按60%救助（特殊疾病和大额费用救助）' },
  { name: 'tilt.ratio', value: 80, unit: 'percent', categories: HIGH, source: '004 二(三)3', from: FROM, noteZh: '低保对象、特困人员、返贫致贫人口倾斜救助比例80%' },
  { name: 'tilt.ratio', value: 60, unit: 'percent', categories: OTHER, source: '004 二(三)3', from: FROM, noteZh: '其他救助对象倾斜救助比例60%' },
  { name: 'limit.special_disease', value: 10_000_000, unit: 'fen', source: '004 二(三)1', from: FROM, noteZh: '特殊疾病门诊和住院共用年度救助限额10万元' },
  { name: 'limit.large_expense', value: 6_000_000, unit: 'fen', source: '004 二(三)2', from: FROM, noteZh: '大额费用救助年度限额6万元' },
  { name: 'limit.tilt', value: 2_000_000, unit: 'fen', source: '004 二(三)3', from: FROM, noteZh: '倾斜救助年度限额2万元' },
  { name: 'largeExpense.policyOver', value: 3_000_000, unit: 'fen', source: '004 二(三)2', from: FROM, noteZh: '一次性住院医保政策范围内费用超过3万元' },
  { name: 'largeExpense.minLevel', value: 2, unit: 'level', source: '004 二(三)2', from: FROM, noteZh: '在二级及以上医疗机构住院' },
  { name: 'premium', value: 100, unit: 'percent', premium: 'full', categories: ['tekun'], source: '004 二(二)1', from: FROM, noteZh: '参加城乡居民医保一档的，特困人员按个人缴费标准全额资助' },
  { name: 'premium', value: 90, unit: 'percent', premium: 'percent', categories: ['dibao'], source: '004 二(二)1', from: FROM, noteZh: '参加城乡居民医保一档的，低保对象按个人缴费标准的90%定额资助' },
  { name: 'premium', value: 70, unit: 'percent', premium: 'percent', categories: ['returned_poverty', 'monitored_rural', 'dibao_edge'], source: '004 二(二)1', from: FROM, noteZh: '参加城乡居民医保一档的，返贫致贫人口、农村易返贫致贫人口和低保边缘家庭成员按70%定额资助' },
  { name: 'premium.note', value: 100, unit: 'percent', categories: ['tekun', 'dibao', 'returned_poverty', 'monitored_rural', 'dibao_edge'], source: '004 二(二)1', from: FROM, noteZh: '自愿参加城乡居民医保二档的，统一按一档个人缴费标准的100%资助' },
];

const ROWS = rowIndex(CHONGQING_TABLE);

/** Only reached for episodes inside the document's dates (the in-force gate comes first). */
function fixed(name: string, date: string): number {
  return firstRow(ROWS.get(name), date)?.figure.value ?? Number.POSITIVE_INFINITY;
}

// Outcomes that do not depend on the bill are built once (they are returned for every episode).
const TILT_NOTE = '（自付部分仍计入倾斜救助的累计）';
const SPECIAL_DISEASE: PoolChoice = { pool: 'special_disease', text: '患特殊疾病，门诊和住院共用特殊疾病救助限额', source: '004 二(三)1' };
const NOT_INPATIENT: PoolChoice = { pool: null, text: `不是特殊疾病，也不是住院，特殊疾病救助和大额费用救助都不适用${TILT_NOTE}`, source: '004 二(三)1、2' };
const LEVEL_ONE: PoolChoice = { pool: null, text: `在一级医疗机构住院，大额费用救助只适用于二级及以上医疗机构${TILT_NOTE}`, source: '004 二(三)2' };
const NOT_REFERRED = { ok: false, text: '未按规定转诊，所发生的医疗费用原则上不纳入医疗救助范围', source: '004 二(六)' };
const REFERRED_OUT = { ok: true, text: '按规范转诊到市外就医，执行沙坪坝区救助标准', source: '004 二(六)' };
const REFERRED_IN = { ok: true, text: '规范转诊，在市内就医', source: '004 二(六)' };
const TILT_OUT_OF_CITY = { ok: false, text: '本次在重庆市外就医，不享受倾斜救助（须在市内就医）', source: '004 二(三)3' };
const TILT_OK = { ok: true, text: '规范转诊且在市内就医', source: '004 二(三)3' };

// 004 二(三)1–2: special disease first; otherwise one inpatient stay at level ≥ 2 with policy-range cost strictly above 30,000 yuan.
function poolOf(ep: Ep, tracing: boolean): PoolChoice {
  if (ep.specialDisease) return SPECIAL_DISEASE;
  if (ep.kind !== 'inpatient') return NOT_INPATIENT;
  if (ep.level < fixed('largeExpense.minLevel', ep.date)) return LEVEL_ONE;
  const over = fixed('largeExpense.policyOver', ep.date);
  if (ep.policyFen <= over) {
    const text = tracing ? `一次住院政策范围内费用 ${formatYuan(ep.policyFen)} 元，没有超过 ${formatYuan(over)} 元，不适用大额费用救助${TILT_NOTE}` : '';
    return { pool: null, text, source: '004 二(三)2' };
  }
  const text = tracing
    ? `特殊疾病以外的疾病，在二级及以上医疗机构一次住院政策范围内费用 ${formatYuan(ep.policyFen)} 元，超过 ${formatYuan(over)} 元，适用大额费用救助（按特殊疾病的救助比例）`
    : '';
  return { pool: 'large_expense', text, source: '004 二(三)2' };
}

export const CHONGQING_SHAPINGBA: RegionSpec = {
  code: 'chongqing-shapingba',
  nameZh: '重庆市沙坪坝区',
  document: {
    file: '004_64d2ba390e6b002b.txt',
    titleZh: '重庆市沙坪坝区人民政府办公室关于印发《关于健全重特大疾病医疗保险和救助制度的实施方案》的通知',
    number: '沙府办发〔2023〕61号',
    inForceFrom: FROM,
  },
  table: CHONGQING_TABLE,
  inForceSource: '004 印发通知（2023年8月14日）',
  categories: ['tekun', 'dibao', 'returned_poverty', 'dibao_edge', 'monitored_rural', 'illness_poverty'],
  notComputable: {},
  episodeKinds: ['inpatient', 'outpatient', 'outpatient_special'],
  kindRefusal: { ok: false, text: '', source: '004 二(三)' },
  clauses: { insurance: '004 二(二)2', category: '004 二(一)', multi: '004 二(一)' },
  stayRule: false,
  gate: (ep) => (!ep.referred ? NOT_REFERRED : ep.location === 'elsewhere' ? REFERRED_OUT : REFERRED_IN),
  pools: [
    { pool: 'special_disease', nameZh: '特殊疾病救助', limit: { row: 'limit.special_disease' } },
    { pool: 'large_expense', nameZh: '大额费用救助', limit: { row: 'limit.large_expense' } },
    { pool: 'tilt', nameZh: '倾斜救助', limit: { row: 'limit.tilt' } },
  ],
  assist: standardAssist({
    poolOf,
    noDeductible: { text: '文件没有规定年度救助起付标准', source: '004 二(三)' },
  }),
  // 004 二(三)3: 市内 is Chongqing municipality, which is province-level: 'local' and 'province' both count.
  tilt: {
    nameZh: '倾斜救助',
    gate: (ep) => (ep.location === 'elsewhere' ? TILT_OUT_OF_CITY : TILT_OK),
    threshold: { param: 'monitoringStandardFen' },
    ratio: { row: 'tilt.ratio' },
    pool: 'tilt',
    source: '004 二(三)3',
  },
  eligibility: {
    prerequisites: [],
    computed: [],
    // 004 二(六) 继续落实…医疗救助“一站式”服务: every certified 救助对象 is assisted at settlement, none applies.
    direct: 'all',
    directSource: '004 二(六)',
    hukouMatters: false,
    notEncodedZh: { text: '不属于上述对象的其他特殊困难人员，按沙坪坝区既往政策继续救助，本工具不计算', source: '004 二(一)' },
    extraNotes: [
      { categories: HIGH, text: '大病保险起付线降低50%，报销比例提高5个百分点，不设封顶线', source: '004 二(二)2' },
    ],
  },
};
