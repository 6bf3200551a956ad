// The early-warning parameters (000 二(三), 003 五(七) "结合实际合理确定监测标准"): staff set them per region like the
// calculator's staff parameters (lib/calculator/params.ts STAFF_PARAMS), but they never enter an estimate, so they
// are listed apart. The share follows 000 四 (第二类支出型贫困家庭: 40% of the household's annual disposable income).
import type { StaffParamDef } from '@/lib/calculator/params';

export const WATCH_PARAMS = {
  share: { name: 'watch.burdenSharePercent', unit: 'percent', descriptionZh: '预警线：近12个月个人负担的医疗费用占家庭年可支配收入的比例（参照 000 四 第二类支出型贫困家庭的 40%）', source: '003 五(七)、000 二(三)' },
  income: { name: 'watch.referenceIncomeFen', unit: 'fen', descriptionZh: '家庭年可支配收入的参照值（家庭收入未登记时用于比较）', source: '003 五(七)、000 二(三)' },
} as const;

export const WATCH_PARAM_DEFS: readonly StaffParamDef[] = [WATCH_PARAMS.share, WATCH_PARAMS.income];

export function isWatchParam(name: string): boolean {
  return WATCH_PARAM_DEFS.some((d) => d.name === name);
}
