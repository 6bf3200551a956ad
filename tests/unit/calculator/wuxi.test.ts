// 无锡市 (001). Expected fen are worked out by hand from the clause, shown next to each row.
import { describe, expect, it } from 'vitest';
import type { CategoryCode } from '@/lib/calculator';
import { amounts, ep, pool, tilts, year } from './helpers';

// One stay: total 5,000,000, policy 4,000,000, basic 2,500,000, critical 500,000 → self-pay 1,000,000 (docs/api.md example).
const stay = (extra = {}) =>
  ep('inpatient', '2024-03-02', 0, { totalFen: 5_000_000, policyFen: 4_000_000, basicPaidFen: 2_500_000, criticalPaidFen: 500_000, referred: false, ...extra });

describe('无锡 001 四(六) 基本救助比例（不设起付标准）', () => {
  const rows: { name: string; cat: CategoryCode; fen: number }[] = [
    { name: '特困人员住院自付部分100%救助', cat: 'tekun', fen: 1_000_000 }, // 1,000,000 × 100% = 1,000,000
    { name: '孤儿住院自付部分100%救助', cat: 'orphan', fen: 1_000_000 }, // 1,000,000 × 100%
    { name: '事实无人抚养儿童住院自付部分100%救助', cat: 'de_facto_orphan', fen: 1_000_000 }, // 1,000,000 × 100%
    { name: '低保对象住院自付部分按85%救助', cat: 'dibao', fen: 850_000 }, // (4,000,000 − 2,500,000 − 500,000) × 85% = 850,000
    { name: '困境儿童住院自付部分按85%救助', cat: 'child_in_distress', fen: 850_000 }, // 1,000,000 × 85%
    { name: '优抚对象住院自付部分按85%救助', cat: 'entitled_veteran', fen: 850_000 }, // 1,000,000 × 85%
    { name: '60年代精减退职职工住院自付部分按85%救助', cat: 'retrenched_1960s', fen: 850_000 }, // 1,000,000 × 85%
    { name: '总工会核定的特困职工住院自付部分按85%救助', cat: 'hardship_worker', fen: 850_000 }, // 1,000,000 × 85%
    { name: '低保边缘家庭成员住院自付部分按70%救助', cat: 'dibao_edge', fen: 700_000 }, // 1,000,000 × 70%
    { name: '支出型困难家庭大重病患者住院自付部分按70%救助', cat: 'illness_poverty', fen: 700_000 }, // 1,000,000 × 70%
    { name: '临时救助对象中的大重病患者住院自付部分按70%救助', cat: 'temp_relief_illness', fen: 700_000 }, // 1,000,000 × 70%
    { name: '符合条件的重度残疾人住院自付部分按70%救助', cat: 'severe_disability', fen: 700_000 }, // 1,000,000 × 70%
  ];
  it.each(rows)('$name', ({ cat, fen }) => {
    const r = year('wuxi', [cat], [stay()]);
    expect(r.category).toBe(cat);
    expect(r.totals.assistanceFen).toBe(fen);
    expect(r.totals.assistanceMaxFen).toBe(fen);
    // out of pocket = 5,000,000 − 2,500,000 − 500,000 − assistance
    expect(r.totals.outOfPocketFen).toBe(2_000_000 - fen);
    expect(r.trace.some((t) => t.step === 'ratio' && t.source === '001 四(六)')).toBe(true);
  });

  it('docs/api.md 的例子：低保对象住院，目录外费用不救助，结果与文档一致', () => {
    const r = year('wuxi', ['dibao', { code: 'dibao_edge', from: '2024-01-01', to: '2024-06-30' }], [stay({ id: 'e1', referred: true })]);
    expect(r.episodes[0]).toMatchObject({ id: 'e1', selfPayPolicyFen: 1_000_000, assistanceFen: 850_000, tiltFen: 0, outOfPocketFen: 1_150_000, pool: 'inpatient', assisted: true });
    expect(pool(r, 'inpatient')).toEqual({ pool: 'inpatient', limitFen: 30_000_000, usedFen: 850_000, remainingFen: 29_150_000 });
  });

  it('基本救助不看转诊和就医地点：省外未转诊也按本市标准救助', () => {
    const r = year('wuxi', ['dibao'], [stay({ referred: false, location: 'elsewhere' })]);
    expect(r.totals.assistanceFen).toBe(850_000); // 1,000,000 × 85%
  });
});

describe('无锡 001 四(六) 年度救助限额', () => {
  it('普通门诊一年最多救助1万元，超过部分不再救助', () => {
    const r = year('wuxi', ['dibao'], [
      ep('outpatient', '2024-01-10', 600_000, { referred: false }), // 600,000 × 85% = 510,000
      ep('outpatient', '2024-02-10', 600_000, { referred: false }), // 510,000, but only 1,000,000 − 510,000 = 490,000 left
      ep('outpatient', '2024-03-10', 600_000, { referred: false }), // nothing left: 0
    ]);
    expect(amounts(r)).toEqual([510_000, 490_000, 0]);
    expect(pool(r, 'outpatient')).toEqual({ pool: 'outpatient', limitFen: 1_000_000, usedFen: 1_000_000, remainingFen: 0 });
    expect(r.episodes[1]!.reasons.some((x) => x.includes('达到限额'))).toBe(true);
  });

  it('住院和门诊慢特病共用30万元救助限额', () => {
    const r = year('wuxi', ['tekun'], [
      ep('inpatient', '2024-01-10', 20_000_000, { referred: false }), // × 100% = 20,000,000
      ep('outpatient_special', '2024-02-10', 8_000_000, { referred: false }), // × 100% = 8,000,000 (used 28,000,000)
      ep('inpatient', '2024-03-10', 5_000_000, { referred: false }), // 5,000,000, only 30,000,000 − 28,000,000 = 2,000,000 left
    ]);
    expect(amounts(r)).toEqual([20_000_000, 8_000_000, 2_000_000]);
    expect(pool(r, 'inpatient')?.remainingFen).toBe(0);
  });

  it('普通门诊用完1万元后，住院救助不受影响', () => {
    const r = year('wuxi', ['dibao'], [
      ep('outpatient', '2024-01-10', 2_000_000, { referred: false }), // 2,000,000 × 85% = 1,700,000 → capped at 1,000,000
      ep('inpatient', '2024-02-10', 1_000_000, { referred: false }), // 1,000,000 × 85% = 850,000 from the other pool
    ]);
    expect(amounts(r)).toEqual([1_000_000, 850_000]);
  });
});

describe('无锡 001 四(七) 倾斜救助：规范转诊且省内就医，年度个人负担6000元以上部分按60%', () => {
  const rows = [
    // dibao_edge 70%: residual = self-pay − assistance
    { name: '救助后个人负担刚好低于6000元，没有倾斜救助', selfPay: 1_999_990, assist: 1_399_993, tilt: 0 }, // 1,999,990 × 70% = 1,399,993; residual 599,997 < 600,000
    { name: '救助后个人负担正好6000元，没有倾斜救助', selfPay: 2_000_000, assist: 1_400_000, tilt: 0 }, // residual 600,000; part above = 0
    { name: '救助后个人负担略超6000元，超出部分按60%四舍五入到分', selfPay: 2_000_010, assist: 1_400_007, tilt: 2 }, // 2,000,010 × 70% = 1,400,007; residual 600,003; 3 × 60% = 1.8 → 2
    { name: '救助后个人负担9000元，超出的3000元按60%倾斜救助', selfPay: 3_000_000, assist: 2_100_000, tilt: 180_000 }, // residual 900,000; (900,000 − 600,000) × 60% = 180,000
  ];
  it.each(rows)('$name', ({ selfPay, assist, tilt }) => {
    const r = year('wuxi', ['dibao_edge'], [ep('inpatient', '2024-05-01', selfPay)]);
    expect(amounts(r)).toEqual([assist]);
    expect(tilts(r)).toEqual([tilt]);
  });

  it('倾斜救助按全年累计：跨过6000元的那次只救超出部分，之后每次全部按60%', () => {
    const r = year('wuxi', ['dibao'], [
      ep('inpatient', '2024-01-05', 2_000_000), // 85% → 1,700,000; residual 300,000 (running 300,000): no tilt
      ep('inpatient', '2024-04-05', 4_000_000), // 85% → 3,400,000; residual 600,000 (running 900,000): (900,000 − 600,000) × 60% = 180,000
      ep('outpatient_special', '2024-08-05', 1_000_000), // 85% → 850,000; residual 150,000 all above: × 60% = 90,000
    ]);
    expect(amounts(r)).toEqual([1_700_000, 3_400_000, 850_000]);
    expect(tilts(r)).toEqual([0, 180_000, 90_000]);
    expect(r.totals.tiltFen).toBe(270_000);
  });

  const gates = [
    { name: '没有规范转诊的不享受倾斜救助', extra: { referred: false }, tilt: 0 },
    { name: '在省外就医的不享受倾斜救助', extra: { location: 'elsewhere' as const }, tilt: 0 },
    { name: '规范转诊到省内其他城市就医的可以享受倾斜救助', extra: { location: 'province' as const }, tilt: 180_000 }, // (900,000 − 600,000) × 60%
  ];
  it.each(gates)('$name', ({ extra, tilt }) => {
    const r = year('wuxi', ['dibao_edge'], [ep('inpatient', '2024-05-01', 3_000_000, extra)]);
    expect(r.totals.assistanceFen).toBe(2_100_000); // 3,000,000 × 70%: basic assistance has no gate
    expect(r.totals.tiltFen).toBe(tilt);
  });

  it('特困人员100%救助后没有剩余负担，也就没有倾斜救助', () => {
    const r = year('wuxi', ['tekun'], [ep('inpatient', '2024-05-01', 3_000_000)]);
    expect(r.totals).toMatchObject({ assistanceFen: 3_000_000, tiltFen: 0 });
  });
});

describe('无锡 001 四(八) 多重身份与身份变化', () => {
  it('同时是低保对象和低保边缘家庭成员，按就高的85%救助，不叠加', () => {
    const r = year('wuxi', ['dibao_edge', 'dibao'], [stay()]);
    expect(r.category).toBe('dibao');
    expect(r.totals.assistanceFen).toBe(850_000); // max(1,000,000 × 85%, 1,000,000 × 70%)
    expect(r.trace.filter((t) => t.step === 'category' && t.text.includes('全年预计救助')).length).toBe(2);
  });

  it('月中丧失低保身份，当月还按低保救助，次月起不再救助', () => {
    const r = year('wuxi', [{ code: 'dibao', to: '2024-06-15' }], [
      ep('outpatient', '2024-06-20', 100_000, { referred: false }), // same month: 100,000 × 85% = 85,000
      ep('outpatient', '2024-07-01', 100_000, { referred: false }), // next month: 0
    ]);
    expect(amounts(r)).toEqual([85_000, 0]);
  });

  it('住院期间丧失身份，当次住院仍按原身份救助', () => {
    const r = year('wuxi', [{ code: 'dibao', to: '2024-06-30' }], [
      ep('inpatient', '2024-06-25', 1_000_000, { endDate: '2024-07-10', referred: false }), // kept: 1,000,000 × 85% = 850,000
      ep('outpatient', '2024-07-11', 100_000, { referred: false }), // after the stay, next month: 0
    ]);
    expect(amounts(r)).toEqual([850_000, 0]);
    expect(r.trace.some((t) => t.step === 'category' && t.source === '001 四(八)' && t.text.includes('当次住院'))).toBe(true);
  });

  it('住院期间取得身份，当次住院起即按新身份救助', () => {
    const r = year('wuxi', [{ code: 'dibao', from: '2024-03-05' }], [
      ep('inpatient', '2024-03-01', 1_000_000, { endDate: '2024-03-10', referred: false }), // gained during stay: 85% = 850,000
      ep('outpatient', '2024-03-01', 100_000, { referred: false }), // an outpatient visit before the status: 0
    ]);
    expect(amounts(r)).toEqual([850_000, 0]);
  });

  it('年中从低保边缘转为低保，前后两段分别按70%和85%救助', () => {
    const r = year('wuxi', [{ code: 'dibao_edge', to: '2024-04-30' }, { code: 'dibao', from: '2024-05-01' }], [
      ep('outpatient', '2024-03-10', 100_000, { referred: false }), // 100,000 × 70% = 70,000
      ep('outpatient', '2024-06-10', 100_000, { referred: false }), // 100,000 × 85% = 85,000
    ]);
    expect(amounts(r)).toEqual([70_000, 85_000]);
    expect(r.category).toBe('dibao');
  });

  it('不是无锡救助对象类别的身份（低收入对象）不参与计算，并说明原因', () => {
    const r = year('wuxi', ['low_income'], [stay()]);
    expect(r.category).toBeNull();
    expect(r.totals.assistanceFen).toBe(0);
    expect(r.trace.some((t) => t.text.includes('不是无锡市医疗救助的对象类别'))).toBe(true);
  });

  it('文件施行（2023-01-01）前的就医不按本文件救助', () => {
    const r = year('wuxi', ['dibao'], [ep('inpatient', '2022-12-20', 1_000_000, { referred: false })], {}, {}, 2022);
    expect(r.totals.assistanceFen).toBe(0);
    expect(r.episodes[0]!.reasons[0]).toContain('尚未施行');
  });
});
