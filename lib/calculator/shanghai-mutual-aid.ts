// 上海市市民社区医疗互助帮困计划 (002): a separate programme for returnees, 2023-01-01 to 2027-12-31. Its own calculator.
import { returneeRule } from './eligibility-rules';
import { formatYuan, ratioOf, toFen } from './money';
import { firstRow, rowIndex, type FixedTable } from './params';
import { partAbove, pct, say } from './steps';
import type { Ep, Run, RegionSpec } from './spec';

const FROM = '2023-01-01';
const TO = '2027-12-31';

/** Every figure 002 fixes. No annual limit is given. */
export const MUTUAL_AID_TABLE: FixedTable = [
  { name: 'outpatient.allowance', value: 15_000, unit: 'fen', source: '002 五(一)', from: FROM, to: TO, noteZh: '门诊医疗互助帮困补贴每人每年150元，用于支付门急诊医疗费' },
  { name: 'outpatient.cashUntil', value: 50_000, unit: 'fen', source: '002 五(二)', from: FROM, to: TO, noteZh: '补贴不足部分由个人现金自负至年累计500元' },
  { name: 'outpatient.ratio', value: 85, unit: 'percent', level: 1, source: '002 五(二)', from: FROM, to: TO, noteZh: '一级医疗机构85%' },
  { name: 'outpatient.ratio', value: 80, unit: 'percent', level: 2, source: '002 五(二)', from: FROM, to: TO, noteZh: '二级医疗机构80%' },
  { name: 'outpatient.ratio', value: 75, unit: 'percent', level: 3, source: '002 五(二)', from: FROM, to: TO, noteZh: '三级医疗机构75%' },
  { name: 'inpatient.ratioInsured', value: 60, unit: 'percent', source: '002 五(三)', from: FROM, to: TO, noteZh: '有外省市或原单位职工基本医疗保险的，当年累计住院自负医疗费超过当地起付标准以上部分补助60%' },
  { name: 'inpatient.uninsuredOver', value: 100_000, unit: 'fen', source: '002 五(三)', from: FROM, to: TO, noteZh: '没有职工基本医疗保险的，当年累计住院总医疗费超出1000元以上部分' },
  { name: 'inpatient.ratioUninsured', value: 50, unit: 'percent', source: '002 五(三)', from: FROM, to: TO, noteZh: '没有职工基本医疗保险的，超出部分补助50%' },
];

const ROWS = rowIndex(MUTUAL_AID_TABLE);

/** Only reached for episodes inside the programme's dates (the in-force gate comes first). */
function fixed(name: string, ep: Ep): number {
  return firstRow(ROWS.get(name), ep.date, { level: ep.level })?.figure.value ?? 0;
}

// Outcomes that do not depend on the bill are built once (they are returned for every episode).
const INPATIENT_CLAIM = { ok: true, text: '住院医疗费可持收据到街道（乡镇）社区事务受理服务中心申请补助', source: '002 六' };
const OUTPATIENT_ELSEWHERE = { ok: false, text: '门急诊互助帮困只适用于在本市医保定点医疗机构就医并网上结算的费用，本次在外省市就医，不能补助', source: '002 六' };
const OUTPATIENT_ONLINE = { ok: true, text: '在本市医保定点医疗机构门急诊就医，持互助卡网上结算', source: '002 六' };

// 002 五(一)(二): allowance first, then the person's own cash up to 500 yuan a year, then the fund by hospital level.
// Counters: a = allowance used, b = own cash paid this year.
function outpatient(run: Run, ep: Ep): number {
  const c = run.counters;
  const selfPay = ep.selfPayFen;
  const allowanceLeft = Math.max(0, fixed('outpatient.allowance', ep) - c.a);
  const fromAllowance = Math.min(selfPay, allowanceLeft);
  c.a += fromAllowance;
  let rest = selfPay - fromAllowance;
  const cashUntil = fixed('outpatient.cashUntil', ep);
  const cash = Math.min(rest, Math.max(0, cashUntil - c.b));
  c.b += cash;
  rest -= cash;
  const ratio = fixed('outpatient.ratio', ep);
  const fund = ratioOf(rest, ratio);
  if (run.tracing) {
    say(run, 'allowance', `门急诊费用 ${formatYuan(selfPay)} 元 先用每年 ${formatYuan(fixed('outpatient.allowance', ep))} 元 的门诊互助帮困补贴支付：本次使用 ${formatYuan(fromAllowance)} 元，补贴尚余 ${formatYuan(allowanceLeft - fromAllowance)} 元`, '002 五(一)', fromAllowance > 0);
    say(run, 'deductible', `补贴不足的部分由个人现金自负，至本年累计 ${formatYuan(cashUntil)} 元 为止：本次个人自负 ${formatYuan(cash)} 元，本年已累计自负 ${formatYuan(c.b)} 元`, '002 五(二)', cash > 0);
    say(run, 'ratio', `超过部分 ${formatYuan(rest)} 元 由互助帮困资金按${ep.level}级医疗机构 ${pct(ratio)} 支付 → ${formatYuan(fund)} 元`, '002 五(二)', fund > 0);
  }
  return fromAllowance + fund;
}

// 002 五(三), first branch: with employee basic insurance elsewhere (or at the former employer), the year's cumulative
// inpatient self-pay (policy range, 自负医疗费) above that insurer's deductible at 60%. `counter` keeps the cumulative.
function insuredBranch(run: Run, ep: Ep, counter: 'c' | 'd', tracing: boolean): number {
  const c = run.counters;
  const selfPay = ep.selfPayFen;
  const home = run.person.homeDeductibleFen;
  const known = home !== undefined && toFen(home) === home;
  // Unknown home deductible: the estimate counts on nothing; the generous end assumes none.
  if (!known) run.rangeUsed = true;
  const threshold = known ? home : run.high ? 0 : Number.POSITIVE_INFINITY;
  const above = partAbove(c[counter], selfPay, threshold);
  c[counter] += selfPay;
  const ratio = fixed('inpatient.ratioInsured', ep);
  const amount = ratioOf(above, ratio);
  if (tracing) {
    const t = known ? `当地医保起付标准 ${formatYuan(home)} 元` : '当地医保起付标准未提供（预计金额暂不计入，最高可达金额按 0 元计算）';
    say(run, 'ratio', `有外省市（或原单位）职工医保：本年累计住院自负 ${formatYuan(c[counter])} 元，${t}，本次超过部分 ${formatYuan(above)} 元 按 ${pct(ratio)} 补助 → ${formatYuan(amount)} 元`, '002 五(三)', true);
  }
  return amount;
}

// 002 五(三), second branch: without employee insurance, the year's cumulative 总医疗费 (total cost, out-of-catalogue
// included) above 1,000 yuan at 50%, never more than what the person actually paid for the stay (totalFen − every
// insurance payment). Counter c keeps the cumulative total.
function uninsuredBranch(run: Run, ep: Ep, tracing: boolean): number {
  const c = run.counters;
  const over = fixed('inpatient.uninsuredOver', ep);
  const above = partAbove(c.c, ep.totalFen, over);
  c.c += ep.totalFen;
  const ratio = fixed('inpatient.ratioUninsured', ep);
  const raw = ratioOf(above, ratio);
  const amount = Math.min(raw, ep.paidFen);
  if (tracing) {
    const cap = amount < raw ? `，但补助不超过本次个人实际负担 ${formatYuan(ep.paidFen)} 元，为 ${formatYuan(amount)} 元` : '';
    say(run, 'ratio', `没有职工医保：本年累计住院总医疗费（含目录外费用） ${formatYuan(c.c)} 元，超过 ${formatYuan(over)} 元 的部分本次 ${formatYuan(above)} 元，按 ${pct(ratio)} 补助 → ${formatYuan(raw)} 元${cap}`, '002 五(三)', true);
  }
  return amount;
}

const EMPLOYEE_INSURANCE_FACT = 'hasEmployeeInsuranceElsewhere';

// 002 五(三): which branch applies is a fact of the person, never assumed. Unknown: the estimate counts on nothing
// (the two branches differ), the generous end takes the larger of the two; the fact is listed as missing.
function inpatient(run: Run, ep: Ep): number {
  const has = run.person.hasEmployeeInsuranceElsewhere;
  if (has === true) return insuredBranch(run, ep, 'c', run.tracing);
  if (has === false) return uninsuredBranch(run, ep, run.tracing);
  run.rangeUsed = true;
  if (!run.missingFacts.includes(EMPLOYEE_INSURANCE_FACT)) run.missingFacts.push(EMPLOYEE_INSURANCE_FACT);
  // Both branches run (each keeps its own cumulative: d for self-pay, c for total cost) so that the generous end is right.
  const insured = insuredBranch(run, ep, 'd', false);
  const uninsured = uninsuredBranch(run, ep, false);
  if (run.tracing) {
    say(run, 'ratio', `没有说明是否在外省市（或原单位）有职工基本医疗保险：有的按累计住院自负超过当地起付标准部分的 60% 补助（本次可达 ${formatYuan(insured)} 元），没有的按累计住院总医疗费超过 1,000 元部分的 50% 补助（本次可达 ${formatYuan(uninsured)} 元）；预计金额暂不计入，最高可达金额按较高者计算`, '002 五(三)', true);
  }
  return run.high ? Math.max(insured, uninsured) : 0;
}

export const SHANGHAI_MUTUAL_AID: RegionSpec = {
  code: 'shanghai-mutual-aid',
  nameZh: '上海市市民社区医疗互助帮困计划',
  document: {
    file: '002_43e4c3ceb54c9d09.txt',
    titleZh: '上海市人民政府办公厅转发市医保局等五部门《关于进一步完善本市市民社区医疗互助帮困计划的意见》的通知',
    number: null,
    inForceFrom: FROM,
    inForceTo: TO,
  },
  table: MUTUAL_AID_TABLE,
  inForceSource: '002 正文末段（2023年1月1日起施行，有效期至2027年12月31日）',
  categories: ['returnee'],
  notComputable: {},
  episodeKinds: ['inpatient', 'outpatient', 'outpatient_special'],
  kindRefusal: { ok: false, text: '', source: '002 五' },
  clauses: { insurance: '002 五', category: '002 二', multi: '002 二' },
  stayRule: false,
  // 002 六: outpatient aid is settled online at Shanghai's designated institutions; inpatient aid is claimed with receipts.
  gate: (ep) => (ep.kind === 'inpatient' ? INPATIENT_CLAIM : ep.location === 'elsewhere' ? OUTPATIENT_ELSEWHERE : OUTPATIENT_ONLINE),
  // 002 五(三): without employee insurance (or not known to have it) the inpatient base is 总医疗费, so out-of-catalogue
  // cost counts and the cap is what the person paid; otherwise the policy-range self-pay (自负医疗费).
  base: (ep, person) => (ep.kind === 'inpatient' && person.hasEmployeeInsuranceElsewhere !== true ? 'paid' : 'policy'),
  pools: [],
  assist: (run, ep) => (ep.kind === 'inpatient' ? inpatient(run, ep) : outpatient(run, ep)),
  eligibility: {
    prerequisites: [
      { fact: 'hukouLocal', yesZh: '您已报入本市常住户口', noZh: '互助帮困计划只面向已经报入本市常住户口的退休回沪人员及其配偶，您不符合这一条件', source: '002 二' },
      // 002 前言: the plan is for returnees "基本医疗保险覆盖范围以外" (outside Shanghai's basic medical insurance).
      {
        fact: 'insuredLocal',
        pass: false,
        yesZh: '您没有参加本市基本医疗保险，属于互助帮困计划面向的基本医疗保险覆盖范围以外人员',
        noZh: '您参加了本市基本医疗保险：互助帮困计划是为本市基本医疗保险覆盖范围以外的支内（支疆）、知青等退休回沪人员设立的，不适用于您；您的医疗费用按本市基本医保报销，生活困难的可以了解本市医疗救助',
        askZh: '您是否参加了本市基本医疗保险（互助帮困计划只面向本市基本医疗保险覆盖范围以外的人员）',
        source: '002 前言',
      },
    ],
    // 002 五(三): the inpatient rule depends on employee insurance elsewhere; a fact to ask, never assumed.
    benefitFacts: [
      {
        fact: 'hasEmployeeInsuranceElsewhere',
        categories: ['returnee'],
        yesZh: '您在外省市或原单位有职工基本医疗保险：住院当年累计自负医疗费超过当地医保起付标准的部分，补助60%',
        noZh: '您在外省市或原单位没有职工基本医疗保险：住院当年累计总医疗费超过1000元的部分，补助50%',
        askZh: '您在外省市或原单位是否有职工基本医疗保险（决定住院补助按60%还是50%的规则计算）',
        source: '002 五(三)',
      },
    ],
    computed: [returneeRule],
    direct: [],
    directSource: '002 六',
    hukouMatters: true,
    extraDocuments: [
      '《上海社区医疗互助门急诊就医记录册》（门急诊就医时与互助卡一起出示）',
      '《市民社区医疗互助帮困申请表》（申请住院医疗费补助时填写）',
      '住院医疗费收据（申请住院医疗费补助的依据）',
    ],
    notEncodedZh: { text: '参加互助帮困计划须本人自愿并按规定缴费，缴费后才能享受待遇', source: '002 三' },
  },
};
