// What a resident is told when a figure only a government body can set is not known yet, and what the
// mutual-aid plan asks first. Residents are never asked to type a government figure (per-capita income,
// the 低保 standard): they are told what is missing and where to go. Pure data: safe anywhere.
import { STAFF_PARAMS, type RegionCode } from '@/lib/calculator';
import { citeClause } from './citation';

export interface UnknownStandards {
  /** The figures not known yet, in words. */
  items: string[];
  /** Why this stops the answer. */
  why: string;
  /** What to do next. */
  todo: string;
  /** What to bring when doing it. */
  documents: string[];
}

const SHANGHAI_POVERTY = new Set(['perCapitaIncomePrevYearFen', 'dibaoStandardMonthlyFen']);

/** Null when nothing is missing. */
export function unknownStandards(region: RegionCode, missing: readonly string[]): UnknownStandards | null {
  const defs = STAFF_PARAMS[region].filter((p) => missing.includes(p.name));
  if (defs.length === 0) return null;
  const items = defs.map((p) => p.descriptionZh);
  if (region === 'shanghai' && defs.some((p) => SHANGHAI_POVERTY.has(p.name))) {
    return {
      items,
      why: `判断是不是支出型贫困家庭，要拿您家的收入和这些由市里公布的标准比较（${citeClause('000 四')}）。本网站还没有录入这些标准，所以暂时不能替您判断。`,
      todo: '到户籍所在地的街道（乡镇）社区事务受理服务中心，申请支出型贫困家庭认定。工作人员会按当年的标准核对您家的收入和财产，认定以后就可以申请医疗救助。',
      documents: [
        '看病的人和共同生活的家人的身份证、户口簿',
        '全家成员的收入证明（工资、养老金等，用于核算家庭人均可支配收入）',
        '近12个月看病的医疗费发票和医保结算单（证明个人负担的医疗费用）',
        '家庭经济状况核对授权书（在受理中心签字，授权核对家庭收入和财产）',
      ],
    };
  }
  return {
    items,
    why: '这些标准由当地政府或经办部门设定，本网站还没有录入，所以暂时没有算进去。',
    todo: '申请时经办部门会按当地当年的标准核算。可以到户籍所在地的街道（乡镇）社区事务受理服务中心或当地医保经办机构问清楚，也可以直接申请。',
    documents: [],
  };
}

/** The first thing the mutual-aid result says: the plan only pays those who joined and paid. */
export const MUTUAL_AID_FIRST = `互助帮困计划只补助参加并缴费的人：符合条件的人要先自愿参加这项计划、按规定缴费，才能享受补助（${citeClause('002 三')}）。还没有参加的，请先到户籍所在地的街道（乡镇）社区事务受理服务中心办理参加和缴费。`;
