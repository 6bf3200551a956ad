// 不予救助: the reasons a decision may give, each with the clause it rests on in the region's document.
// A reason is offered only where its region's document has such a clause (no clause, no reason); 'other'
// is always there and needs the clause written out by the reviewer.
//   001 = 《无锡市市政府办公室关于健全重特大疾病医疗保险和救助制度的实施意见》
//   000 = 《上海市关于本市健全重特大疾病医疗保险和救助制度的实施意见》（沪府办规〔2022〕19号）
//   003 = 《国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见》（国办发〔2021〕42号）
//   004 = 《重庆市沙坪坝区关于健全重特大疾病医疗保险和救助制度的实施方案》（沙府办发〔2023〕61号）
import type { RegionCode } from '@/lib/calculator';

export type RejectReason = { code: string; label: string; clauses: Partial<Record<RegionCode, string>> };

export const REJECT_REASONS: readonly RejectReason[] = [
  {
    code: 'not_in_category',
    label: '不属于医疗救助对象（未经民政等部门认定为救助对象）',
    clauses: {
      wuxi: '《无锡市…实施意见》二(一)：医疗救助对象是经市民政局、退役军人事务局、总工会和残联等部门认定的下列人员',
      shanghai: '沪府办规〔2022〕19号 二(一)：本市医疗救助对象具体包括低保对象、低收入对象、支出型贫困家庭成员等',
      national: '国办发〔2021〕42号 二(一)：及时精准确定救助对象',
      'chongqing-shapingba': '沙府办发〔2023〕61号 二(一)：救助对象范围',
    },
  },
  {
    code: 'not_local',
    label: '不具有本市户籍，或未参加本市基本医疗保险',
    clauses: { wuxi: '《无锡市…实施意见》二(一)：医疗救助对象是指具有本市户籍，同时参加本市基本医疗保险的人员' },
  },
  {
    code: 'duplicate',
    label: '重复申请（同一费用已经救助，或多重身份已按就高原则救助）',
    clauses: {
      wuxi: '《无锡市…实施意见》四(八)：救助对象具有多重身份的，按就高原则享受医疗救助待遇，但不得重复享受',
      shanghai: '沪府办规〔2022〕19号 二(一)：多重身份的救助对象，按照“就高不重复”原则实行救助',
    },
  },
  {
    code: 'outside_scope',
    label: '费用不属于政策范围内（不在基本医保支付范围内，或不在定点医药机构发生）',
    clauses: {
      wuxi: '《无锡市…实施意见》四(五)：救助费用主要覆盖救助对象在定点医药机构发生的政策范围内门诊、住院费用',
      shanghai: '沪府办规〔2022〕19号 二(二)3：明确救助费用保障范围，原则上应符合国家有关基本医保支付范围的规定',
      national: '国办发〔2021〕42号 四(四)：明确救助费用保障范围',
    },
  },
  {
    code: 'insurance_first',
    label: '经基本医保、大病保险支付后，没有需要救助的政策范围内个人负担',
    clauses: {
      wuxi: '《无锡市…实施意见》三(三)：按照“先保险后救助”的原则，对个人医疗费用负担仍然较重的救助对象按规定实施救助',
      shanghai: '沪府办规〔2022〕19号 二(二)3：按照“先保险后救助”原则',
      'chongqing-shapingba': '沙府办发〔2023〕61号 二(二)2：按照“先保险后救助”的原则',
    },
  },
  {
    code: 'late_claim',
    label: '超过经办机构规定的申请期限',
    // The documents set no deadline themselves; they leave the procedure to the office (001 七(十四)).
    clauses: { wuxi: '《无锡市…实施意见》七(十四)：优化救助申请审核程序（申请期限按经办机构公布的办理须知）' },
  },
  { code: 'other', label: '其他原因（请在说明中写明，并填写依据的条款）', clauses: {} },
];

/** The reasons a reviewer may choose for an application of this region. */
export function rejectReasonsFor(region: string): { code: string; label: string; clause: string | null }[] {
  return REJECT_REASONS.flatMap((r) => {
    const clause = r.clauses[region as RegionCode] ?? null;
    return r.code === 'other' || clause ? [{ code: r.code, label: r.label, clause }] : [];
  });
}
