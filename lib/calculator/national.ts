// 全国 (003): 国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见, 国办发〔2021〕42号, from 2021-10-28.
// A guideline: most figures are bounds, so estimates carry ranges; what it leaves to localities is a staff-set parameter.
import type { FixedTable } from './params';
import { standardAssist } from './steps';
import type { RegionSpec } from './spec';

const FROM = '2021-10-28';

// Outcomes that do not depend on the bill are built once (they are returned for every episode).
const REFERRED = { ok: true, text: '按规定转诊，执行户籍地所在统筹地区救助标准', source: '003 七(十三)' };
const NOT_REFERRED = { ok: false, text: '未按规定转诊，所发生的医疗费用原则上不纳入医疗救助范围', source: '003 七(十三)' };
const SHARED_POOL = { pool: 'inpatient', text: '门诊和住院救助共用年度救助限额', source: '003 四(六)' };
const TILT_OUT_OF_PROVINCE = { ok: false, text: '本次在省外就医，不享受倾斜救助（须在省域内就医）', source: '003 四(六)' };
const TILT_OK = { ok: true, text: '规范转诊且在省域内就医', source: '003 四(六)' };

/** Every figure 003 fixes (most of them bounds). */
export const NATIONAL_TABLE: FixedTable = [
  // 003 四(五) "对低保对象、特困人员原则上取消起付标准": no deductible at either end. The 5% of last year's per-capita
  // disposable income is only a ceiling for places that have not yet abolished it: told in the trace, never applied.
  { name: 'deductible', value: 0, unit: 'percent', categories: ['dibao', 'tekun'], source: '003 四(五)', from: FROM, noteZh: '国家文件规定对低保对象、特困人员原则上取消起付标准；暂不具备条件的地区起付标准不得高于上年居民人均可支配收入的5%（这只是尚未取消起付标准地区的上限，本估算不采用）' },
  { name: 'deductible', value: 10, unit: 'percent', categories: ['dibao_edge'], source: '003 四(五)', from: FROM, noteZh: '低保边缘家庭成员起付标准按上年居民人均可支配收入的10%左右确定' },
  { name: 'deductible', value: 25, unit: 'percent', categories: ['illness_poverty'], source: '003 四(五)', from: FROM, noteZh: '因病致贫重病患者起付标准按上年居民人均可支配收入的25%左右确定' },
  { name: 'ratio', value: 70, unit: 'percent', categories: ['dibao', 'tekun'], source: '003 四(五)', from: FROM, noteZh: '低保对象、特困人员可按不低于70%的比例救助' },
  { name: 'ratio', value: 60, generous: 70, unit: 'percent', categories: ['dibao_edge', 'illness_poverty'], source: '003 四(五)', from: FROM, noteZh: '其他救助对象救助比例原则上略低于低保对象（本工具按60%–70%估算）' },
  { name: 'premium', value: 100, unit: 'percent', premium: 'full', categories: ['tekun'], source: '003 三(二)', from: FROM, noteZh: '全额资助特困人员参加城乡居民医保' },
  { name: 'premium', value: 0, unit: 'percent', premium: 'fixed', categories: ['dibao', 'returned_poverty'], source: '003 三(二)', from: FROM, noteZh: '定额资助低保对象、返贫致贫人口参保（标准由省级人民政府确定）' },
];

export const NATIONAL: RegionSpec = {
  code: 'national',
  nameZh: '全国（国家指导意见）',
  document: {
    file: '003_a3728ad5b097c492.txt',
    titleZh: '国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见',
    number: '国办发〔2021〕42号',
    inForceFrom: FROM,
  },
  table: NATIONAL_TABLE,
  inForceSource: '003 发文日期（2021年10月28日）',
  categories: ['tekun', 'dibao', 'dibao_edge', 'illness_poverty', 'monitored_rural'],
  notComputable: {
    monitored_rural: {
      text: '农村易返贫致贫人口的救助水平按巩固拓展医疗保障脱贫攻坚成果有效衔接乡村振兴战略的有关政策执行，国家文件没有给出比例，暂时无法估算',
      source: '003 四(五)',
    },
  },
  episodeKinds: ['inpatient', 'outpatient_special'],
  kindRefusal: {
    ok: false,
    text: '国家文件的救助范围是住院费用和慢性病、重特大疾病的长期门诊治疗费用，普通门急诊不在其中',
    source: '003 四(四)',
  },
  clauses: { insurance: '003 三(三)、四(四)', category: '003 二(一)', multi: '003 二(一)' },
  stayRule: false,
  gate: (ep) => (ep.referred ? REFERRED : NOT_REFERRED),
  pools: [{ pool: 'inpatient', nameZh: '住院和门诊慢特病（共用）', limit: { param: 'annualLimitFen.inpatient' } }],
  assist: standardAssist({
    poolOf: () => SHARED_POOL,
    deductible: { row: 'deductible', incomeParam: 'perCapitaIncomePrevYearFen' },
  }),
  tilt: {
    nameZh: '倾斜救助',
    gate: (ep) => (ep.location === 'elsewhere' ? TILT_OUT_OF_PROVINCE : TILT_OK),
    threshold: { param: 'tiltThresholdFen' },
    ratio: { param: 'tiltRatioPercent' },
    source: '003 四(六)',
  },
  eligibility: {
    prerequisites: [],
    computed: [],
    direct: ['dibao', 'tekun'],
    directSource: '003 五(八)',
    premiumOnly: ['returned_poverty'],
    hukouMatters: false,
    notEncodedZh: { text: '县级以上地方人民政府规定的其他特殊困难人员，按相应类别救助，本工具无法判断', source: '003 二(一)' },
  },
};
