// DEMO values for the early-warning parameters (lib/dal/watchlist.ts WATCH_PARAMS), which the documents leave
// to each locality (003 四(七) 结合实际合理确定监测标准). The 40% share follows 000 四 (第二类支出型贫困家庭);
// the reference household income is a plausible figure, NOT a published one. Every row is marked demo.
import type { DemoParameter } from './demo-parameters';

const REGIONS = ['national', 'shanghai', 'wuxi', 'chongqing-shapingba', 'shanghai-mutual-aid'] as const;
const DEMO = { effectiveFrom: '2026-01-01', source: '演示数据：非当地公布数值', demo: true } as const;

export const DEMO_WATCH_PARAMETERS: readonly DemoParameter[] = REGIONS.flatMap((region) => [
  { region, name: 'watch.burdenSharePercent', value: 40, unit: 'percent' as const, ...DEMO },
  { region, name: 'watch.referenceIncomeFen', value: 6_000_000, unit: 'fen' as const, ...DEMO }, // 6 万元 a year
]);
