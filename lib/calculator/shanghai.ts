// 上海市 (000): 关于本市健全重特大疾病医疗保险和救助制度的实施意见, 沪府办规〔2022〕19号, in force from 2022-12-29.
import { expenditurePovertyRule } from './eligibility-rules';
import { SHANGHAI_LIMIT_CATEGORIES, type FixedTable } from './params';
import { standardAssist } from './steps';
import type { RegionSpec } from './spec';
import type { EpisodeKind } from './types';

const FROM = '2022-12-29';
const IN: readonly EpisodeKind[] = ['inpatient'];
const OUT: readonly EpisodeKind[] = ['outpatient', 'outpatient_special'];

// Outcomes that do not depend on the bill are built once (they are returned for every episode).
const IN_CITY = { ok: true, text: '在本市定点医疗机构就医，属于救助范围', source: '000 二(二)3' };
const ELSEWHERE_FILED = { ok: true, text: '在外省市医保定点医疗机构就医，已办理就医关系转移或异地就医实时结算，可纳入救助', source: '000 二(二)3' };
const ELSEWHERE_NOT_FILED = { ok: false, text: '在外省市就医，但没有办理就医关系转移或异地就医实时结算，本次不纳入医疗救助', source: '000 二(二)3' };
const INPATIENT_POOL = { pool: 'inpatient', text: '住院费用，按住院救助计算', source: '000 二(二)4' };
const OUTPATIENT_POOL = { pool: 'outpatient', text: '门急诊费用（含门诊慢特病），按门急诊救助计算', source: '000 二(二)4' };

/** Every figure 000 fixes. Annual limits are left to 市医保局 and 市财政局: staff-set parameters. */
export const SHANGHAI_TABLE: FixedTable = [
  { name: 'ratio', value: 90, unit: 'percent', kinds: IN, categories: ['dibao'], source: '000 二(二)4', from: FROM, noteZh: '住院救助中，低保对象符合规定的自负费用按90%救助' },
  { name: 'ratio', value: 90, unit: 'percent', kinds: IN, categories: ['orphan', 'child_in_distress'], source: '000 二(二)4', from: FROM, noteZh: '社会散居孤儿、困境儿童基本生活保障对象参照低保对象，住院按90%救助' },
  { name: 'ratio', value: 80, unit: 'percent', kinds: IN, categories: ['low_income'], source: '000 二(二)4', from: FROM, noteZh: '住院救助中，低收入对象符合规定的自负费用按80%救助' },
  { name: 'ratio', value: 50, generous: 70, unit: 'percent', kinds: IN, categories: ['expenditure_poverty_1', 'expenditure_poverty_2'], source: '000 二(二)4', from: FROM, noteZh: '住院救助中，支出型贫困家庭成员符合规定的自负费用按50%–70%救助' },
  { name: 'ratio', value: 60, unit: 'percent', kinds: OUT, categories: ['dibao'], source: '000 二(二)4', from: FROM, noteZh: '门急诊救助中，低保对象符合规定的自负费用按60%救助' },
  { name: 'ratio', value: 60, unit: 'percent', kinds: OUT, categories: ['orphan', 'child_in_distress'], source: '000 二(二)4', from: FROM, noteZh: '社会散居孤儿、困境儿童基本生活保障对象参照低保对象，门急诊按60%救助' },
  { name: 'ratio', value: 50, unit: 'percent', kinds: OUT, categories: ['low_income'], source: '000 二(二)4', from: FROM, noteZh: '门急诊救助中，低收入对象符合规定的自负费用按50%救助' },
  { name: 'ratio', value: 0, unit: 'percent', kinds: OUT, categories: ['expenditure_poverty_1', 'expenditure_poverty_2'], source: '000 二(二)4', from: FROM, noteZh: '文件没有规定支出型贫困家庭成员的门急诊救助比例，门急诊费用暂不救助' },
  { name: 'premium', value: 100, unit: 'percent', premium: 'full', categories: ['dibao', 'special_relief', 'orphan', 'child_in_distress'], source: '000 二(二)1', from: FROM, noteZh: '参加本市城乡居民基本医疗保险的个人缴费部分全额资助' },
  { name: 'premium', value: 0, unit: 'percent', premium: 'fixed', categories: ['low_income'], source: '000 二(二)1', from: FROM, noteZh: '低收入困难家庭中60周岁以上老年人定额资助（标准由市医保局会同市财政局研究制订）' },
  { name: 'premium.minAge', value: 60, unit: 'years', categories: ['low_income'], source: '000 二(二)1', from: FROM, noteZh: '低收入困难家庭中60周岁以上老年人' },
  { name: 'ep2.medicalSharePercent', value: 40, unit: 'percent', source: '000 四', from: FROM, noteZh: '家庭年医疗费用支出达到或超过家庭年可支配收入40%' },
];

export const SHANGHAI: RegionSpec = {
  code: 'shanghai',
  nameZh: '上海市',
  document: {
    file: '000_d793faf3cfd0c9d3.txt',
    titleZh: '上海市人民政府办公厅印发《关于本市健全重特大疾病医疗保险和救助制度的实施意见》的通知',
    number: '沪府办规〔2022〕19号',
    inForceFrom: FROM,
  },
  table: SHANGHAI_TABLE,
  inForceSource: '000 印发通知（2022年12月29日）',
  categories: [
    'dibao',
    'orphan',
    'child_in_distress',
    'low_income',
    'expenditure_poverty_1',
    'expenditure_poverty_2',
    'special_relief',
    'tekun',
  ],
  notComputable: {
    special_relief: { text: '特殊救济对象的医疗救助标准另行制定，文件没有给出比例，暂时无法估算，请向经办部门咨询', source: '000 二(二)4' },
    tekun: { text: '上海文件只规定特困人员由医保部门与民政部门共同做好救助衔接，没有给出救助比例，暂时无法估算，请向经办部门咨询', source: '000 二(一)' },
  },
  episodeKinds: ['inpatient', 'outpatient', 'outpatient_special'],
  kindRefusal: { ok: false, text: '', source: '000 二(二)3' },
  clauses: { insurance: '000 二(二)3、四', category: '000 二(一)', multi: '000 二(一)' },
  stayRule: false,
  // 000 二(二)3: Shanghai is province-level, so 'province' is still 本市; 外省市 needs 就医关系转移 or 异地就医实时结算.
  gate: (ep) => (ep.location !== 'elsewhere' ? IN_CITY : ep.offsiteFiled ? ELSEWHERE_FILED : ELSEWHERE_NOT_FILED),
  // 000 二(二)4 "分类设定医疗救助比例及年度救助限额": a limit per pool, and optionally per category
  // (`annualLimitFen.<pool>.<category>`, which wins over the pool's); both staff-set (由市医保局会同市财政局研究制订).
  pools: [
    { pool: 'inpatient', nameZh: '住院救助', limit: { param: 'annualLimitFen.inpatient' }, perCategory: SHANGHAI_LIMIT_CATEGORIES.inpatient },
    { pool: 'outpatient', nameZh: '门急诊救助', limit: { param: 'annualLimitFen.outpatient' }, perCategory: SHANGHAI_LIMIT_CATEGORIES.outpatient },
  ],
  assist: standardAssist({
    poolOf: (ep) => (ep.kind === 'inpatient' ? INPATIENT_POOL : OUTPATIENT_POOL),
    noDeductible: { text: '不设年度救助起付标准', source: '000 二(二)4' },
  }),
  eligibility: {
    prerequisites: [
      {
        fact: 'insuredLocal',
        yesZh: '您参加了本市基本医疗保险',
        noZh: '本市困难家庭中非本市参保人员的医疗救助政策还在研究完善，目前不能按本文件获得医疗救助',
        source: '000 二(二)4',
      },
    ],
    computed: [expenditurePovertyRule(SHANGHAI_TABLE, FROM)],
    direct: 'all',
    directSource: '000 二(五)1',
    hukouMatters: false,
    extraNotes: [
      { categories: ['dibao', 'low_income', 'special_relief', 'orphan', 'child_in_distress'], text: '城乡居民大病保险对您有倾斜支付政策', source: '000 二(二)2' },
      { categories: ['dibao', 'orphan', 'child_in_distress'], text: '低保家庭儿童、社会散居孤儿和困境儿童参加少儿住院互助基金的个人缴费部分全额资助', source: '000 二(四)2' },
    ],
  },
};
