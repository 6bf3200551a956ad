// 无锡市 (001): 市政府办公室关于健全重特大疾病医疗保险和救助制度的实施意见, in force from 2023-01-01.
import { disabilityRule } from './eligibility-rules';
import type { FixedTable } from './params';
import { standardAssist } from './steps';
import type { RegionSpec } from './spec';

const FROM = '2023-01-01';

// Outcomes that do not depend on the bill are built once (they are returned for every episode).
const BASIC_GATE = { ok: true, text: '基本救助不以转诊和就医地点为条件，异地安置和按规定转诊的执行本市救助标准', source: '001 四(五)、七(十五)' };
const OUTPATIENT_POOL = { pool: 'outpatient', text: '普通门诊费用，使用普通门诊救助限额', source: '001 四(六)' };
const INPATIENT_POOL = { pool: 'inpatient', text: '住院和门诊慢性病、特殊疾病费用，共用住院救助限额', source: '001 四(六)' };
const TILT_NOT_REFERRED = { ok: false, text: '本次没有规范转诊，不享受倾斜救助', source: '001 四(七)' };
const TILT_OUT_OF_PROVINCE = { ok: false, text: '本次在省外就医，不享受倾斜救助（须在省域内就医）', source: '001 四(七)' };
const TILT_OK = { ok: true, text: '规范转诊且在省域内就医', source: '001 四(七)' };

/** Every figure 001 fixes. */
export const WUXI_TABLE: FixedTable = [
  { name: 'ratio', value: 100, unit: 'percent', categories: ['tekun', 'orphan', 'de_facto_orphan'], source: '001 四(六)', from: FROM, noteZh: '特困人员、困境儿童中的孤儿和事实无人抚养儿童给予100%救助' },
  { name: 'ratio', value: 85, unit: 'percent', categories: ['dibao', 'child_in_distress', 'entitled_veteran', 'retrenched_1960s', 'hardship_worker'], source: '001 四(六)', from: FROM, noteZh: '全额资助参保对象及总工会核定的特困职工不设起付标准，按85%救助' },
  { name: 'ratio', value: 70, unit: 'percent', categories: ['dibao_edge', 'illness_poverty', 'temp_relief_illness', 'severe_disability'], source: '001 四(六)', from: FROM, noteZh: '定额资助参保对象不设起付标准，按70%救助' },
  { name: 'limit.outpatient', value: 1_000_000, unit: 'fen', source: '001 四(六)', from: FROM, noteZh: '普通门诊救助限额1万元' },
  { name: 'limit.inpatient', value: 30_000_000, unit: 'fen', source: '001 四(六)', from: FROM, noteZh: '门诊慢性病、特殊疾病和住院共用救助限额，年度30万元' },
  { name: 'tilt.threshold', value: 600_000, unit: 'fen', source: '001 四(七)', from: FROM, noteZh: '年度个人负担6000元以上部分给予倾斜救助' },
  { name: 'tilt.ratio', value: 60, unit: 'percent', source: '001 四(七)', from: FROM, noteZh: '倾斜救助比例为60%' },
  { name: 'premium', value: 100, unit: 'percent', premium: 'full', categories: ['tekun', 'dibao', 'child_in_distress', 'orphan', 'de_facto_orphan', 'entitled_veteran', 'retrenched_1960s'], source: '001 三(二)', from: FROM, noteZh: '全额资助参保' },
  { name: 'premium', value: 100, unit: 'percent', premium: 'percent', categories: ['dibao_edge', 'illness_poverty', 'temp_relief_illness', 'severe_disability'], source: '001 三(二)', from: FROM, noteZh: '按统筹地区个人缴费标准的100%给予定额资助参保' },
  { name: 'disability.maxGrade', value: 2, unit: 'level', source: '001 二(一)', from: FROM, noteZh: '登记为一级、二级的肢体、智力、精神和视力残疾（含多重残疾）且无业' },
];

export const WUXI: RegionSpec = {
  code: 'wuxi',
  nameZh: '无锡市',
  document: {
    file: '001_3767f6e7c661ffd2.txt',
    titleZh: '无锡市人民政府办公室关于健全重特大疾病医疗保险和救助制度的实施意见',
    number: null,
    inForceFrom: FROM,
  },
  table: WUXI_TABLE,
  inForceSource: '001 正文末段（自2023年1月1日起施行）',
  categories: [
    'tekun',
    'orphan',
    'de_facto_orphan',
    'dibao',
    'child_in_distress',
    'entitled_veteran',
    'retrenched_1960s',
    'hardship_worker',
    'dibao_edge',
    'illness_poverty',
    'temp_relief_illness',
    'severe_disability',
  ],
  notComputable: {},
  episodeKinds: ['inpatient', 'outpatient', 'outpatient_special'],
  kindRefusal: { ok: false, text: '', source: '001 四(五)' },
  clauses: { insurance: '001 三(三)、四(五)', category: '001 二(一)', multi: '001 四(八)' },
  stayRule: true,
  // 001 四(五)/七(十五): basic assistance has no referral or location condition; those living or referred elsewhere get Wuxi's standard.
  gate: () => BASIC_GATE,
  pools: [
    { pool: 'outpatient', nameZh: '普通门诊', limit: { row: 'limit.outpatient' } },
    { pool: 'inpatient', nameZh: '住院（含门诊慢特病）', limit: { row: 'limit.inpatient' } },
  ],
  assist: standardAssist({
    poolOf: (ep) => (ep.kind === 'outpatient' ? OUTPATIENT_POOL : INPATIENT_POOL),
    noDeductible: { text: '不设年度救助起付标准', source: '001 四(六)' },
  }),
  tilt: {
    nameZh: '倾斜救助',
    gate: (ep) => (!ep.referred ? TILT_NOT_REFERRED : ep.location === 'elsewhere' ? TILT_OUT_OF_PROVINCE : TILT_OK),
    threshold: { row: 'tilt.threshold' },
    ratio: { row: 'tilt.ratio' },
    source: '001 四(七)',
  },
  eligibility: {
    prerequisites: [
      { fact: 'hukouLocal', yesZh: '您具有本市户籍', noZh: '无锡市医疗救助对象须具有本市户籍，您不符合这一条件', source: '001 二(一)' },
      { fact: 'insuredLocal', yesZh: '您参加了本市基本医疗保险', noZh: '无锡市医疗救助对象须参加本市基本医疗保险，您不符合这一条件', source: '001 二(一)' },
    ],
    computed: [disabilityRule(WUXI_TABLE, FROM)],
    direct: 'all',
    directSource: '001 五(十)',
    hukouMatters: true,
    notEncodedZh: { text: '设区市人民政府规定的其他特殊困难人员也可获得救助，本工具无法判断，请向经办部门咨询', source: '001 二(一)' },
  },
};

