// 不予救助: every refusal a region's document supports, each with the clause that says it and the clause's own
// words (checked against the document text by tests/unit/policy/clauses.test.ts), per region. A reason no
// document supports (a claim deadline) is a local rule: offered only where the region has set it, and cited as
// the region's own rule with its source, never to an unrelated clause. 'other' is always there: the reviewer
// writes the reason and the clause. Pure data and string work: the decision notice prints from here too.
import type { RegionCode } from '@/lib/calculator';
import { citeClause } from '@/lib/texts/citation';

/** A clause of the region's document: its code ("001 二(一)") and the words it says (quoted on the notice). */
type Basis = { clause: string; quote: string; label?: string };

type ReasonDef = { code: string; label: string; regions: Partial<Record<RegionCode, Basis>>; local?: 'claimDeadline' };

const FIRST_INSURANCE = '按照“先保险后救助”的原则，对基本医保、大病保险等支付后个人医疗费用负担仍然较重的救助对象按规定实施救助';
const NOT_REFERRED = '未按规定转诊的救助对象，所发生的医疗费用原则上不纳入医疗救助范围';

const REASONS: readonly ReasonDef[] = [
  {
    code: 'not_in_category',
    label: '不属于医疗救助对象（未经民政等部门认定为救助对象）',
    regions: {
      wuxi: { clause: '001 二(一)', quote: '医疗救助对象是指具有本市户籍，同时参加本市基本医疗保险，并经市民政局、退役军人事务局、总工会和残联等部门认定的下列人员' },
      shanghai: { clause: '000 二(一)', quote: '本市医疗救助公平覆盖医疗费用负担较重的困难职工和城乡居民，具体包括：城乡最低生活保障家庭成员（以下称“低保对象”）；城乡低收入困难家庭成员（以下称“低收入对象”）；支出型贫困家庭成员；经市政府批准的其他符合医疗救助条件的对象' },
      national: { clause: '003 二(一)', quote: '对低保对象、特困人员、低保边缘家庭成员和纳入监测范围的农村易返贫致贫人口，按规定给予救助' },
      'chongqing-shapingba': { clause: '004 二(一)', quote: '低保对象、特困人员、低保边缘家庭成员、返贫致贫人口、纳入监测范围的农村易返贫致贫人口' },
    },
  },
  {
    code: 'not_local',
    label: '不具有本市户籍，或未参加本市基本医疗保险',
    regions: {
      wuxi: { clause: '001 二(一)', quote: '医疗救助对象是指具有本市户籍，同时参加本市基本医疗保险' },
      // 000 二(二)4: the policy for hardship families insured elsewhere is still being worked out.
      shanghai: { clause: '000 二(二)4', quote: '研究完善本市困难家庭中非本市参保人员的医疗救助政策', label: '未参加本市基本医疗保险（非本市参保人员的医疗救助政策尚在研究完善）' },
    },
  },
  {
    code: 'status_lost',
    label: '就医时已丧失救助对象身份（次月起不再享受医疗救助）',
    regions: { wuxi: { clause: '001 四(八)', quote: '丧失相应救助对象身份的，原则上次月起不再享受医疗救助待遇' } },
  },
  {
    code: 'not_referred',
    label: '未按规定转诊',
    regions: {
      'chongqing-shapingba': { clause: '004 二(六)', quote: NOT_REFERRED },
      national: { clause: '003 七(十三)', quote: NOT_REFERRED },
    },
  },
  {
    code: 'offsite_not_filed',
    label: '在外省市就医，未办理就医关系转移或异地就医实时结算',
    regions: { shanghai: { clause: '000 二(二)3', quote: '救助对象按照规定，办理就医关系转移或异地就医实时结算后，其在外省市医保定点医疗机构发生的符合规定的医疗费用，可纳入医疗救助范围' } },
  },
  {
    code: 'large_expense_not_met',
    label: '不是特殊疾病，也不是在二级及以上医疗机构一次住院政策范围内费用超过3万元',
    regions: { 'chongqing-shapingba': { clause: '004 二(三)2', quote: '救助对象患特殊疾病以外的其他疾病，在二级及以上医疗机构一次性住院发生医保政策范围内费用超过3万元的，经基本医保、大病保险报销后的政策范围内费用，按特殊疾病的救助比例给予救助' } },
  },
  {
    code: 'outside_scope',
    label: '费用不属于政策范围内（不在基本医保支付范围内，或不在定点医药机构发生）',
    regions: {
      wuxi: { clause: '001 四(五)', quote: '救助费用主要覆盖救助对象在定点医药机构发生的政策范围内门诊、住院费用' },
      shanghai: { clause: '000 二(二)3', quote: '救助费用覆盖救助对象在本市定点医疗机构发生、属医保基金支付范围内的住院及门急诊费用' },
      national: { clause: '003 四(四)', quote: '救助费用主要覆盖救助对象在定点医药机构发生的住院费用、因慢性病需长期服药或患重特大疾病需长期门诊治疗的费用' },
      'chongqing-shapingba': { clause: '004 二(三)1', quote: '在定点医药机构发生住院费用或门诊治疗费用的，经基本医保、大病保险报销后的政策范围内费用，按比例给予救助' },
      'shanghai-mutual-aid': {
        clause: '002 六',
        quote: '参加对象在本市医保定点医疗机构门急诊就医及本市医保定点药店购药，需持《上海社区医疗互助卡》和《上海社区医疗互助门急诊就医记录册》，并实行网上结算',
        label: '门急诊费用不是在本市医保定点医疗机构或定点药店发生',
      },
    },
  },
  {
    code: 'insurance_first',
    label: '经基本医保、大病保险支付后，没有需要救助的政策范围内个人负担',
    regions: {
      wuxi: { clause: '001 三(三)', quote: FIRST_INSURANCE },
      shanghai: { clause: '000 二(二)3', quote: '按照“先保险后救助”原则，对基本医保、大病保险等支付后个人医疗费用负担仍然较重的救助对象，按照规定实施救助' },
      national: { clause: '003 三(三)', quote: FIRST_INSURANCE },
      'chongqing-shapingba': { clause: '004 二(二)2', quote: FIRST_INSURANCE },
    },
  },
  {
    code: 'duplicate',
    label: '重复申请（同一费用已经救助，或多重身份已按就高原则救助）',
    regions: {
      wuxi: { clause: '001 四(八)', quote: '救助对象具有多重身份的，按就高原则享受医疗救助待遇，但不得重复享受' },
      shanghai: { clause: '000 二(一)', quote: '具有上述类别的多重身份的救助对象，按照“就高不重复”原则实行救助' },
    },
  },
  {
    code: 'not_member',
    label: '不属于互助帮困计划的参加对象',
    regions: {
      'shanghai-mutual-aid': { clause: '002 二', quote: '原本市户籍并由本市动员分配支援外省市建设，在外省市办理退休（职）手续，享受外省市社会保险待遇，经本市公安机关批准，报入本市常住户口的支内、支疆、上山下乡知青、易地安置离退休干部等人员' },
    },
  },
  {
    code: 'not_paid',
    label: '未按规定缴费参加互助帮困计划',
    regions: { 'shanghai-mutual-aid': { clause: '002 三', quote: '可根据个人自愿的原则，在按照规定缴费后，享受市民社区医疗互助帮困计划待遇' } },
  },
  {
    code: 'insured_locally',
    label: '已参加本市基本医疗保险（互助帮困计划为基本医疗保险覆盖范围以外的人群）',
    regions: { 'shanghai-mutual-aid': { clause: '002 前言', quote: '为了妥善解决本市市民中支内（支疆）、知青退休回沪定居人员等基本医疗保险覆盖范围以外人群的医疗保障问题' } },
  },
  {
    code: 'below_threshold',
    label: '当年累计住院费用未超过补助起点（有职工医保的为当地起付标准，没有的为总医疗费1000元）',
    regions: {
      'shanghai-mutual-aid': {
        clause: '002 五(三)',
        quote: '参加对象在外省市或原单位有职工基本医疗保险的，当年累计住院自负医疗费超过当地医疗保险机构规定的起付标准以上部分，由市民社区医疗互助帮困资金补助60%；参加对象在外省市或原单位没有职工基本医疗保险的，当年累计住院总医疗费超出1000元以上部分，由市民社区医疗互助帮困资金补助50%',
      },
    },
  },
  // No document sets a claim deadline: where a region has one, it is its own rule (region setting claimDeadline).
  { code: 'late_claim', label: '超过本地区规定的申请期限', regions: {}, local: 'claimDeadline' },
];

/** A region's own rules that a refusal may rest on (text and source as set on /admin/parameters). */
export type LocalRules = { claimDeadline?: { text: string; source: string } | null };

export type RejectReason = {
  code: string;
  label: string;
  /** The clause code ("001 二(一)"), null for a local rule and for 'other'. */
  clauseCode: string | null;
  /** What a notice prints: the document and clause in words with what it says, or the local rule and its source. */
  clause: string | null;
  localRule: { text: string; source: string } | null;
};

export const OTHER_REASON = { code: 'other', label: '其他原因（请在说明中写明，并填写依据的条款）' } as const;

/** Every reason code with its label, whatever the region (for reading back stored decisions). */
export const REJECT_REASON_CODES: readonly string[] = [...REASONS.map((r) => r.code), OTHER_REASON.code];

/** "《无锡市实施意见》第二部分（一）：“…”". */
export function clauseInWords(basis: Pick<Basis, 'clause' | 'quote'>): string {
  return `${citeClause(basis.clause)}：“${basis.quote}”`;
}

/** The reasons a reviewer may choose for an application of this region, 'other' last. */
export function rejectReasonsFor(region: string, local: LocalRules = {}): RejectReason[] {
  const listed = REASONS.flatMap((r): RejectReason[] => {
    const basis = r.regions[region as RegionCode];
    if (basis) return [{ code: r.code, label: basis.label ?? r.label, clauseCode: basis.clause, clause: clauseInWords(basis), localRule: null }];
    const rule = r.local ? local[r.local] : null;
    if (rule) return [{ code: r.code, label: r.label, clauseCode: null, clause: `本地区规定：${rule.text}（依据：${rule.source}）`, localRule: rule }];
    return [];
  });
  return [...listed, { ...OTHER_REASON, clauseCode: null, clause: null, localRule: null }];
}

/** One reason of a region (undefined when the region offers no such reason). */
export function rejectReason(region: string, code: string, local: LocalRules = {}): RejectReason | undefined {
  return rejectReasonsFor(region, local).find((r) => r.code === code);
}

/** Every clause the reasons cite with its quote, for the clause check. */
export function rejectReasonQuotes(): { region: RegionCode; code: string; clause: string; quote: string }[] {
  return REASONS.flatMap((r) => Object.entries(r.regions).map(([region, b]) => ({ region: region as RegionCode, code: r.code, clause: b.clause, quote: b.quote })));
}
