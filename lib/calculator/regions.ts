// Region metadata for pages and the API, derived from the region files so the two can never disagree.
import { CATEGORY_TEXT } from './categories';
import { CHONGQING_SHAPINGBA } from './chongqing-shapingba';
import { NATIONAL } from './national';
import { STAFF_PARAMS, rowAt } from './params';
import { SHANGHAI } from './shanghai';
import { SHANGHAI_MUTUAL_AID } from './shanghai-mutual-aid';
import type { RegionSpec } from './spec';
import type { CategoryCode, RegionCode, RegionInfo } from './types';
import { WUXI } from './wuxi';

export const SPECS: Record<RegionCode, RegionSpec> = {
  national: NATIONAL,
  shanghai: SHANGHAI,
  wuxi: WUXI,
  'chongqing-shapingba': CHONGQING_SHAPINGBA,
  'shanghai-mutual-aid': SHANGHAI_MUTUAL_AID,
};

export const REGION_CODES = Object.keys(SPECS) as RegionCode[];

export function isRegionCode(s: unknown): s is RegionCode {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(SPECS, s);
}

function info(spec: RegionSpec): RegionInfo {
  const today = spec.document.inForceTo ?? '9999-12-31';
  return {
    code: spec.code,
    nameZh: spec.nameZh,
    document: { ...spec.document },
    categories: spec.categories.map((code) => ({
      code,
      nameZh: CATEGORY_TEXT[code].nameZh,
      explanationZh: CATEGORY_TEXT[code].explanationZh,
    })),
    pools: spec.pools.map((p) => {
      const l = p.limit;
      if ('row' in l) return { pool: p.pool, nameZh: p.nameZh, limitFen: rowAt(spec.table, l.row, today)?.value ?? null };
      // 000 二(二)4 分类设定: the per-category limits this pool accepts (each also listed in `parameters`).
      const perCategory = p.perCategory ? { categoryLimitParams: p.perCategory.map((cat) => `${l.param}.${cat}`) } : {};
      return { pool: p.pool, nameZh: p.nameZh, limitFen: null, limitParam: l.param, ...perCategory };
    }),
    parameters: STAFF_PARAMS[spec.code].map((p) => ({ ...p })),
    episodeKinds: [...spec.episodeKinds],
  };
}

export const REGIONS: RegionInfo[] = REGION_CODES.map((c) => info(SPECS[c]));

export function regionInfo(code: RegionCode): RegionInfo {
  return REGIONS.find((r) => r.code === code)!;
}

/**
 * 免申即享: the certified categories a region assists without an application (the calculator's `direct`, which
 * resident pages read too, so whoever is told 不用申请 is one an import awards), and the clause that says so.
 * 'all' is every category the region assists (premium-only ones excepted); the mutual-aid plan has none (002 六).
 */
export function directScope(region: RegionCode): { categories: readonly CategoryCode[]; clause: string } {
  const spec = SPECS[region];
  const el = spec.eligibility;
  const categories = el.direct === 'all' ? spec.categories.filter((c) => !el.premiumOnly?.includes(c)) : el.direct;
  return { categories, clause: el.directSource };
}
