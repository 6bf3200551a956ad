import { describe, expect, it } from 'vitest';
import { regionDocument } from '@/lib/texts/citation';
import type { RegionCode } from '@/lib/calculator';
import {
  clauseTextInWords,
  decisionBasis,
  decisionOpening,
  noticeTitle,
  objectionNotes,
  objectionRoutes,
  plainSummary,
  refusalText,
  traceLine,
  type DecisionNotice,
} from '@/lib/texts/decision';
import { residentText } from '@/lib/format';

const setting = <T,>(value: T, demo = true) => ({ value, source: '演示', demo, updatedAt: '2026-12-01T00:00:00.000Z' });

function notice(over: Partial<DecisionNotice> = {}): DecisionNotice {
  const region = (over.region ?? 'wuxi') as RegionCode;
  return {
    ref: 'WX-2026-000009', kind: 'approve', region, mutualAid: region === 'shanghai-mutual-aid', document: regionDocument(region),
    applicantName: '赵大年', regionName: '无锡市', year: 2026, decidedAt: '2026-04-01T02:00:00.000Z', amountFen: 969_000, estimatedFen: 969_000,
    adjustmentReason: null, limitNote: null, correction: null,
    costs: { visits: 1, kind: 'inpatient', totalFen: 5_600_000, policyFen: 4_460_000, basicFen: 3_000_000, criticalFen: 320_000, supplementaryFen: 0 },
    trace: [{ step: 'ratio', text: '0（2026-02-03 住院）：政策范围内个人自付 11,400.00 元，低保对象按 85% 救助 → 9,690.00 元', source: '001 四(六)' }],
    reason: null, clause: null, message: null, direct: false,
    objection: { office: setting('无锡市医疗保障局'), reviewDays: setting(30), reconsiderationBody: setting('无锡市人民政府'), court: setting('无锡市梁溪区人民法院') },
    ...over,
  };
}

describe('决定书：先用一句话说清花了多少、报了多少、救助付多少', () => {
  it('一次住院：总费用、医保和大病保险、医疗救助、自己负担，金额都是 ¥ 格式', () => {
    // 56,000 − (30,000 + 3,200) − 9,690 = 13,110 元自己负担；目录外 56,000 − 44,600 = 11,400 元。
    expect(plainSummary(notice())).toBe(
      '这次住院花了 ¥56,000.00，医保和大病保险报了 ¥33,200.00，医疗救助再付 ¥9,690.00，您自己还需负担 ¥13,110.00（其中医保目录外的 ¥11,400.00 不属于救助范围）。',
    );
  });

  it('几次就医合在一起说，有其他补充保障时也说出来；没有目录外费用不提', () => {
    const costs = { visits: 3, kind: null, totalFen: 1_000_000, policyFen: 1_000_000, basicFen: 500_000, criticalFen: 100_000, supplementaryFen: 50_000 };
    // 10,000 − 6,500 − 2,000 = 1,500 元。
    expect(plainSummary(notice({ costs, amountFen: 200_000 }))).toBe('这 3 次就医共花了 ¥10,000.00，医保、大病保险和其他补充保障报了 ¥6,500.00，医疗救助再付 ¥2,000.00，您自己还需负担 ¥1,500.00。');
  });

  it('计算过程：没有编号的就医不再以“0”开头，金额用 ¥，条款写成文字', () => {
    expect(traceLine(notice().trace[0]!)).toBe('2026-02-03 住院：政策范围内个人自付 ¥11,400.00，低保对象按 85% 救助 → ¥9,690.00（《无锡市实施意见》第四部分（六））');
    expect(residentText('超过 1,000 元 的部分 30000 元')).toBe('超过 ¥1,000 的部分 ¥30000');
  });
});

describe('决定书：文件写全名，条款写成文字，三种异议途径写明期限和机关', () => {
  it('依据：文件全名和用到的条款，没有“001 四(六)”这样的代码', () => {
    const basis = decisionBasis(notice());
    expect(basis).toBe('本决定依据《无锡市人民政府办公室关于健全重特大疾病医疗保险和救助制度的实施意见》作出，用到其中的第四部分（六）。');
    expect(basis).not.toMatch(/00[0-4] /);
  });

  it('复核 30 日（本地区设定）、行政复议 60 日、行政诉讼 6 个月，机关名称来自本地区设置，演示数据说明是演示', () => {
    const routes = objectionRoutes(notice());
    expect(routes.map((r) => r.name)).toEqual(['申请复核', '申请行政复议', '提起行政诉讼']);
    expect(routes[0]!.text).toBe('自收到本决定之日起 30 日内（本地区规定的期限），向作出本决定的无锡市医疗保障局申请复核，说明不同意的理由，并附上相关材料。');
    expect(routes[1]!.text).toBe('自收到本决定之日起 60 日内，向无锡市人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）。');
    expect(routes[2]!.text).toBe('自收到本决定之日起 6 个月内，直接向无锡市梁溪区人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。');
    expect(objectionNotes(notice())).toContain('演示：以上机构名称和复核期限是演示数据，不是当地公布的。');
  });

  it('本地区没有设定时，说请向作出决定的机构询问，不编造机关', () => {
    const none = notice({ objection: { office: null, reviewDays: null, reconsiderationBody: null, court: null } });
    const routes = objectionRoutes(none);
    expect(routes[0]!.text).toContain('向作出本决定的无锡市医疗救助经办机构申请复核');
    expect(routes[1]!.text).toContain('行政复议机关（本地区尚未设定，请向作出决定的机构询问）');
    expect(objectionNotes(none)).toHaveLength(1);
  });

  it('不予救助：原因和依据，已存的“》二(一)”也写成文字', () => {
    const r = refusalText(notice({ kind: 'reject', reason: '不具有本市户籍，或未参加本市基本医疗保险', clause: '《无锡市…实施意见》二(一)：医疗救助对象是指具有本市户籍……' }));
    expect(r.basis).toBe('《无锡市…实施意见》第二部分（一）：医疗救助对象是指具有本市户籍……');
    expect(clauseTextInWords('001 七(十四)')).toBe('《无锡市实施意见》第七部分（十四）');
    expect(noticeTitle(notice({ kind: 'reject' }))).toBe('不予医疗救助决定书');
  });

  it('互助帮困：标题不写医疗救助，由社区事务受理服务中心作出', () => {
    const n = notice({ region: 'shanghai-mutual-aid', regionName: '上海市市民社区医疗互助帮困计划', objection: { office: setting('户籍或居住地街道（乡镇）社区事务受理服务中心'), reviewDays: setting(30), reconsiderationBody: null, court: null } });
    expect(noticeTitle(n)).toBe('互助帮困补助决定书');
    expect(noticeTitle({ ...n, kind: 'reject' })).toBe('不予互助帮困补助决定书');
    expect(decisionOpening(n)).toBe('申请人 赵大年：您 2026 年度的互助帮困申请（编号 WX-2026-000009），经户籍或居住地街道（乡镇）社区事务受理服务中心审核，于 2026/04/01 作出如下决定：');
    // One outpatient visit of 2,000 元 that no insurance paid: 2,000 − 0 − 1,162.50 = 837.50 元 left.
    const costs = { visits: 1, kind: 'outpatient' as const, totalFen: 200_000, policyFen: 200_000, basicFen: 0, criticalFen: 0, supplementaryFen: 0 };
    expect(plainSummary({ ...n, costs, amountFen: 116_250 })).toBe('这次门诊花了 ¥2,000.00，医保没有支付，互助帮困再付 ¥1,162.50，您自己还需负担 ¥837.50。');
    expect(decisionBasis(n)).toContain('《上海市人民政府办公厅转发市医保局等五部门〈关于进一步完善本市市民社区医疗互助帮困计划的意见〉的通知》');
  });

  it('免申即享：说明没有人申请，写出作出决定的机构', () => {
    const n = notice({ direct: true, clause: '001 五(十)' });
    expect(decisionOpening(n)).toBe(
      '赵大年：这笔医疗救助没有人提出申请。您是已认定的救助对象，按规定不用申请，直接获得医疗救助（免申即享，依据《无锡市实施意见》第五部分（十））。无锡市医疗保障局根据医院的医保结算记录，于 2026/04/01 作出如下决定：',
    );
  });
});
