// The early warning's line per region (因病致贫返贫预警, 003 五(七), 000 二(三), 001 五(九), 004 二(四)). Every document
// leaves the 监测标准 to the locality ("结合实际合理确定监测标准", 003 五(七)); the ruling per region:
// - 重庆沙坪坝: the 监测标准 the rural-revitalisation department set (004 二(三)3, the calculator's monitoringStandardFen);
// - 上海: 000 四's own test where the household's income is known (per-head income below last year's city figure
//   and 12 months' own medical payments ≥ the share of the household income), otherwise a staff-set reference income;
// - 无锡 and national: last year's 居民人均可支配收入 (the deductible's base, 003 四(五)) × the household size;
// - the mutual-aid plan (002) has no warning at all.
// Burden = everything the person paid (out-of-catalogue included, 000 四 "由个人实际负担"). Pure data and arithmetic.
import type { StaffParamDef } from '@/lib/calculator/params';

export const WATCH_PARAMS = {
  share: {
    name: 'watch.burdenSharePercent', unit: 'percent',
    descriptionZh: '预警线：近12个月个人实际负担的医疗费用（含目录外费用）达到参照值的百分之几（参照 000 四 第二类支出型贫困家庭的 40%）',
    source: '003 五(七)、000 二(三)',
  },
  income: { name: 'watch.referenceIncomeFen', unit: 'fen', descriptionZh: '家庭年可支配收入的参照值（上海：家庭收入未登记时用它比较）', source: '000 二(三)' },
  perCapita: { name: 'perCapitaIncomePrevYearFen', unit: 'fen', descriptionZh: '上年居民人均可支配收入（预警线按它乘家庭人口数）', source: '001 五(九)；003 四(五)' },
} as const satisfies Record<string, StaffParamDef>;

/** The early-warning parameters a region's administrator keeps on /admin/parameters (the others it reads are the calculator's). */
export function watchParamDefs(region: string): readonly StaffParamDef[] {
  if (region === 'shanghai-mutual-aid') return [];
  if (region === 'shanghai') return [WATCH_PARAMS.share, WATCH_PARAMS.income];
  // 无锡's calculator needs no income figure, so the early warning keeps its own; national and Chongqing use the calculator's.
  if (region === 'wuxi') return [WATCH_PARAMS.share, WATCH_PARAMS.perCapita];
  return [WATCH_PARAMS.share];
}

export function isWatchParam(name: string, region?: string): boolean {
  const defs = region ? watchParamDefs(region) : [WATCH_PARAMS.share, WATCH_PARAMS.income, WATCH_PARAMS.perCapita];
  return defs.some((d) => d.name === name);
}

/** A parameter as the line needs it: value, source and whether it is demo data. */
export type LineParam = { value: number; source: string; demo: boolean };
export type LineParams = Partial<Record<string, LineParam>>;
/** What is on record about the household (nothing, usually). */
export type Household = { size?: number; annualIncomeFen?: number };

export type WarningLine =
  | { kind: 'none'; text: string }
  | { kind: 'missing'; names: string[]; text: string }
  | { kind: 'line'; lineFen: number; basisFen: number; sharePercent: number; text: string; perHeadBelow?: boolean };

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
const src = (p: LineParam) => `${p.source}${p.demo ? '（演示）' : ''}`;
/** share % of the basis, rounded up to the fen: a burden of exactly that much is over the line. */
const lineOf = (basis: number, share: number) => Math.ceil((basis * share) / 100);

/** The region's warning line for one person; `household` only where something is on record. */
export function warningLine(region: string, params: LineParams, household: Household = {}): WarningLine {
  if (region === 'shanghai-mutual-aid') return { kind: 'none', text: '市民社区医疗互助帮困计划没有预警名单（文件没有规定预警监测）。' };
  const share = params[WATCH_PARAMS.share.name];
  // The parameters this region's line needs that are not set (none → null).
  const need = (...wanted: string[]): WarningLine | null => {
    const names = wanted.filter((n) => !params[n]);
    return names.length ? { kind: 'missing', names, text: `还没有设定预警参数：${names.join('、')}。` } : null;
  };
  if (region === 'chongqing-shapingba') {
    const m = params.monitoringStandardFen;
    const missing = need(WATCH_PARAMS.share.name, 'monitoringStandardFen');
    if (missing) return missing;
    const lineFen = lineOf(m!.value, share!.value);
    return { kind: 'line', lineFen, basisFen: m!.value, sharePercent: share!.value, text: `乡村振兴部门确定的监测标准 ${yuan(m!.value)}（${src(m!)}）的 ${share!.value}%，即 ${yuan(lineFen)}（比例：${src(share!)}）` };
  }
  if (region === 'shanghai') {
    const city = params.perCapitaIncomePrevYearFen;
    if (household.annualIncomeFen !== undefined && household.size && city && share) {
      // 000 四: the household's own test, with its own income (per head below last year's city figure).
      const lineFen = lineOf(household.annualIncomeFen, share.value);
      const perHeadBelow = household.annualIncomeFen < city.value * household.size;
      return {
        kind: 'line', lineFen, basisFen: household.annualIncomeFen, sharePercent: share.value, perHeadBelow,
        text: `家庭年可支配收入 ${yuan(household.annualIncomeFen)}（${household.size} 人）的 ${share.value}%，即 ${yuan(lineFen)}；人均收入${perHeadBelow ? '低于' : '不低于'}上年全市居民人均可支配收入 ${yuan(city.value)}（${src(city)}）`,
      };
    }
    const ref = params[WATCH_PARAMS.income.name];
    const missing = need(WATCH_PARAMS.share.name, WATCH_PARAMS.income.name);
    if (missing) return missing;
    const lineFen = lineOf(ref!.value, share!.value);
    return { kind: 'line', lineFen, basisFen: ref!.value, sharePercent: share!.value, text: `家庭收入未登记，按家庭年可支配收入参照值 ${yuan(ref!.value)}（${src(ref!)}）的 ${share!.value}%，即 ${yuan(lineFen)}（比例：${src(share!)}）` };
  }
  // 无锡, national: last year's per-capita income × household size; an unrecorded size counts one person
  // (the lowest line: a warning lists a person to look at, it pays nothing).
  const per = params[WATCH_PARAMS.perCapita.name];
  const missing = need(WATCH_PARAMS.share.name, WATCH_PARAMS.perCapita.name);
  if (missing) return missing;
  const size = household.size && household.size > 0 ? household.size : 1;
  const basisFen = per!.value * size;
  const lineFen = lineOf(basisFen, share!.value);
  const who = household.size ? `${size} 人` : '家庭人口未登记，按 1 人计';
  return { kind: 'line', lineFen, basisFen, sharePercent: share!.value, text: `上年居民人均可支配收入 ${yuan(per!.value)}（${src(per!)}）× ${who} = ${yuan(basisFen)} 的 ${share!.value}%，即 ${yuan(lineFen)}（比例：${src(share!)}）` };
}

/** Over the line: what the person paid reaches it (and, with the household's own test, per-head income is below the city's). */
export function overLine(burdenFen: number, line: WarningLine): boolean {
  return line.kind === 'line' && line.basisFen > 0 && burdenFen >= line.lineFen && line.perHeadBelow !== false;
}
