// The warning line per region (lib/office/watch-params.ts), worked by hand from the ruling: Chongqing share × 监测标准,
// Shanghai 000 四's household test or share × the reference income, Wuxi/national share × per-capita income × size.
import { describe, expect, it } from 'vitest';
import { overLine, warningLine, watchParamDefs, type LineParams } from '@/lib/office/watch-params';
import { paidOnVisit, watchNoticeBody } from '@/lib/dal/watchlist';

const p = (value: number, demo = false) => ({ value, source: '测试', demo });
const SHARE = { 'watch.burdenSharePercent': p(40) };

describe('预警线：每个地区按自己的监测标准', () => {
  it.each([
    // 重庆: 40% × 监测标准 7,600 元 = 3,040 元 = 304,000 分.
    ['chongqing-shapingba', { ...SHARE, monitoringStandardFen: p(760_000) }, {}, 304_000, '监测标准'],
    // 上海, household income not on record: 40% × reference 60,000 元 = 24,000 元.
    ['shanghai', { ...SHARE, 'watch.referenceIncomeFen': p(6_000_000), perCapitaIncomePrevYearFen: p(8_800_000) }, {}, 2_400_000, '家庭收入未登记'],
    // 上海, household of 3 with 150,000 元 a year: 40% × 150,000 = 60,000 元; 50,000 per head < 88,000 → the line holds.
    ['shanghai', { ...SHARE, 'watch.referenceIncomeFen': p(6_000_000), perCapitaIncomePrevYearFen: p(8_800_000) }, { size: 3, annualIncomeFen: 15_000_000 }, 6_000_000, '3 人'],
    // 无锡, size unknown → 1 person: 40% × 65,000 元 = 26,000 元.
    ['wuxi', { ...SHARE, perCapitaIncomePrevYearFen: p(6_500_000) }, {}, 2_600_000, '按 1 人计'],
    // national, 4 people: 41,314 × 4 = 165,256 元; 40% = 66,102.40 元 = 6,610,240 分.
    ['national', { ...SHARE, perCapitaIncomePrevYearFen: p(4_131_400) }, { size: 4 }, 6_610_240, '× 4 人'],
    // national, 25% of 41,314.01 元 (4,131,401 分) = 1,032,850.25 分 → rounded up to 1,032,851 分.
    ['national', { 'watch.burdenSharePercent': p(25), perCapitaIncomePrevYearFen: p(4_131_401) }, {}, 1_032_851, '按 1 人计'],
  ] as const)('%s → 预警线 %#', (region, params, household, lineFen, words) => {
    const line = warningLine(region, params as LineParams, household);
    expect(line).toMatchObject({ kind: 'line', lineFen });
    expect(line.text).toContain(words);
    expect(overLine(lineFen, line)).toBe(true);
    expect(overLine(lineFen - 1, line)).toBe(false);
  });

  it('上海：家庭人均收入不低于上年全市人均可支配收入的，不按 000 四 列入', () => {
    // 2 people, 200,000 元: 100,000 per head ≥ 88,000 → not a 支出型贫困 household, whatever the burden.
    const line = warningLine('shanghai', { ...SHARE, perCapitaIncomePrevYearFen: p(8_800_000) }, { size: 2, annualIncomeFen: 20_000_000 });
    expect(line).toMatchObject({ kind: 'line', lineFen: 8_000_000, perHeadBelow: false });
    expect(overLine(9_000_000, line)).toBe(false);
  });

  it('演示数值写明“演示”；缺参数时说缺哪个，不自己编', () => {
    expect(warningLine('chongqing-shapingba', { ...SHARE, monitoringStandardFen: p(760_000, true) }).text).toContain('（演示）');
    expect(warningLine('wuxi', SHARE)).toMatchObject({ kind: 'missing', names: ['perCapitaIncomePrevYearFen'] });
    expect(warningLine('chongqing-shapingba', {})).toMatchObject({ kind: 'missing', names: ['watch.burdenSharePercent', 'monitoringStandardFen'] });
    expect(warningLine('shanghai', SHARE)).toMatchObject({ kind: 'missing', names: ['watch.referenceIncomeFen'] });
  });

  it('互助帮困计划没有预警名单，也没有预警参数', () => {
    expect(warningLine('shanghai-mutual-aid', { ...SHARE, 'watch.referenceIncomeFen': p(1) })).toMatchObject({ kind: 'none' });
    expect(watchParamDefs('shanghai-mutual-aid')).toEqual([]);
    expect(watchParamDefs('wuxi').map((d) => d.name)).toEqual(['watch.burdenSharePercent', 'perCapitaIncomePrevYearFen']);
  });

  it('个人负担含目录外费用：总费用减去各项医保支付和医院已付的救助', () => {
    // 16,000 total − 6,000 basic − 1,000 critical − 500 other − 800 assistance at the hospital = 7,700 元.
    expect(paidOnVisit({ totalFen: 1_600_000, basicPaidFen: 600_000, criticalPaidFen: 100_000, supplementaryPaidFen: 50_000 }, 80_000)).toBe(770_000);
    expect(paidOnVisit({ totalFen: 100, basicPaidFen: 200, criticalPaidFen: 0, supplementaryPaidFen: 0 }, 0)).toBe(0);
  });

  it('提醒只写本地区有的身份；只有上海写推荐给慈善组织', () => {
    const sh = watchNoticeBody('shanghai');
    expect(sh).toContain('低收入困难家庭或支出型贫困家庭');
    expect(sh).not.toContain('低保边缘');
    expect(sh).toContain('慈善组织');
    const wx = watchNoticeBody('wuxi');
    expect(wx).toContain('低保边缘家庭或支出型困难家庭中的大重病患者');
    expect(wx).not.toContain('慈善');
    expect(wx).not.toContain('支出型贫困家庭');
    for (const r of ['national', 'chongqing-shapingba']) {
      expect(watchNoticeBody(r)).toContain('因病致贫重病患者');
      expect(watchNoticeBody(r)).not.toContain('慈善');
    }
  });
});
