// DEMO values for the early-warning parameters (lib/office/watch-params.ts watchParamDefs), which the documents leave
// to each locality (003 五(七) "结合实际合理确定监测标准"). The 40% share follows 000 四 (第二类支出型贫困家庭);
// the incomes are plausible figures, NOT published ones. Every row is marked demo. The mutual-aid plan has no
// warning; national's income and Chongqing's 监测标准 are the calculator's (demo-parameters.ts).
import type { DemoParameter } from './demo-parameters';

const DEMO = { effectiveFrom: '2026-01-01', source: '演示数据：非当地公布数值', demo: true } as const;

export const DEMO_WATCH_PARAMETERS: readonly DemoParameter[] = [
  ...(['national', 'shanghai', 'wuxi', 'chongqing-shapingba'] as const).map((region) => ({ region, name: 'watch.burdenSharePercent', value: 40, unit: 'percent' as const, ...DEMO })),
  { region: 'shanghai', name: 'watch.referenceIncomeFen', value: 6_000_000, unit: 'fen', ...DEMO }, // 6 万元 a year
  { region: 'wuxi', name: 'perCapitaIncomePrevYearFen', value: 6_500_000, unit: 'fen', ...DEMO }, // 65,000 元 a year
];
