// Category definitions the eligibility check can evaluate from facts. Three-valued: true, false, or undefined (a fact is missing).
import { yuan } from './money';
import { rowAt, paramValue, type FixedTable } from './params';
import type { ComputedRule, EligibilityCtx } from './spec';
import type { DisabilityType } from './types';

/** false if any is false; undefined if any is unknown; otherwise true. */
export function all(values: readonly (boolean | undefined)[]): boolean | undefined {
  if (values.includes(false)) return false;
  return values.includes(undefined) ? undefined : true;
}

function known<T>(ctx: EligibilityCtx, path: string, v: T | undefined): T | undefined {
  if (v === undefined) ctx.missingFact(path);
  return v;
}

function param(ctx: EligibilityCtx, params: Parameters<ComputedRule['evaluate']>[1], name: string): number | undefined {
  const v = paramValue(params, name);
  if (v === undefined) ctx.missingParam(name);
  return v;
}

const DISABILITY_TYPES_QUALIFYING: readonly DisabilityType[] = ['limb', 'intellectual', 'mental', 'visual', 'multiple'];
const DISABILITY_ZH: Record<DisabilityType, string> = {
  limb: '肢体残疾',
  intellectual: '智力残疾',
  mental: '精神残疾',
  visual: '视力残疾',
  hearing: '听力残疾',
  speech: '言语残疾',
  multiple: '多重残疾',
};

/** 001 二(一): 一级、二级的肢体、智力、精神和视力残疾（含多重残疾）且无业. */
export function disabilityRule(table: FixedTable, from: string): ComputedRule {
  return {
    codes: ['severe_disability'],
    source: '001 二(一)',
    facts: ['disability.grade', 'disability.type', 'disability.employed'],
    documentsZh: ['《中华人民共和国残疾人证》（证明残疾类别和等级）', '无业情况说明（证明您目前没有工作）'],
    evaluate(facts, _params, ctx) {
      const row = rowAt(table, 'disability.maxGrade', ctx.date < from ? from : ctx.date)!;
      const d = facts.disability ?? {};
      // One condition that fails settles it: the others are then not asked for (not listed as missing).
      const grade = known(ctx, 'disability.grade', d.grade);
      const gradeOk = grade === undefined ? undefined : grade <= row.value;
      if (grade !== undefined) ctx.say('computed', `残疾等级为${grade}级，${gradeOk ? '属于' : '不属于'}一级或二级`, row.source);
      if (gradeOk === false) return { severe_disability: false };
      const type = known(ctx, 'disability.type', d.type);
      const typeOk = type === undefined ? undefined : DISABILITY_TYPES_QUALIFYING.includes(type);
      if (type !== undefined) {
        ctx.say('computed', `残疾类别为${DISABILITY_ZH[type]}，${typeOk ? '属于' : '不属于'}肢体、智力、精神或视力残疾（含多重残疾）`, row.source);
      }
      if (typeOk === false) return { severe_disability: false };
      const employed = known(ctx, 'disability.employed', d.employed);
      const jobless = employed === undefined ? undefined : !employed;
      if (employed !== undefined) ctx.say('computed', employed ? '目前有工作，不符合“无业”的条件' : '目前无业', row.source);
      const ok = all([gradeOk, typeOk, jobless]);
      if (ok) ctx.reason('severe_disability', `您是${grade}级${DISABILITY_ZH[type!]}且无业，符合“符合条件的重度残疾人”的条件，还需残联认定（${row.source}）`);
      return { severe_disability: ok };
    },
  };
}

/** 000 四: the two classes of 支出型贫困家庭. */
export function expenditurePovertyRule(table: FixedTable, from: string): ComputedRule {
  return {
    codes: ['expenditure_poverty_1', 'expenditure_poverty_2'],
    source: '000 四',
    facts: [
      'household.size',
      'household.annualDisposableIncomeFen',
      'household.assetsWithinLimit',
      'household.monthlyPerCapitaIncomeAfterNecessaryFen',
      'household.medicalOutOfPocket12mFen',
    ],
    documentsZh: [
      '家庭成员收入证明（用于核算家庭人均可支配收入）',
      '家庭经济状况核对授权书（授权核对家庭收入和财产）',
    ],
    evaluate(facts, params, ctx) {
      const src = '000 四';
      const share = rowAt(table, 'ep2.medicalSharePercent', ctx.date < from ? from : ctx.date)!;
      const h = facts.household ?? {};
      // Both classes need assets within the low-income criteria: when they are not, nothing else is asked for.
      const assets = known(ctx, 'household.assetsWithinLimit', h.assetsWithinLimit);
      if (assets !== undefined) {
        ctx.say('computed', assets ? '家庭财产符合低收入困难家庭经济状况认定标准' : '家庭财产超过低收入困难家庭经济状况认定标准', src);
      }
      if (assets === false) return { expenditure_poverty_1: false, expenditure_poverty_2: false };
      const size = known(ctx, 'household.size', h.size);
      const income = known(ctx, 'household.annualDisposableIncomeFen', h.annualDisposableIncomeFen);
      const city = param(ctx, params, 'perCapitaIncomePrevYearFen');
      let incomeOk: boolean | undefined;
      if (size !== undefined && income !== undefined && city !== undefined && size > 0) {
        incomeOk = income < city * size;
        ctx.say(
          'computed',
          `家庭年可支配收入 ${yuan(income)}、${size} 人，人均约 ${yuan(Math.round(income / size))}，${incomeOk ? '低于' : '不低于'}本市上年度居民人均可支配收入 ${yuan(city)}`,
          src,
        );
      }
      const base = all([incomeOk, assets]);
      if (base === false) return { expenditure_poverty_1: false, expenditure_poverty_2: false };

      const monthly = known(ctx, 'household.monthlyPerCapitaIncomeAfterNecessaryFen', h.monthlyPerCapitaIncomeAfterNecessaryFen);
      const dibao = param(ctx, params, 'dibaoStandardMonthlyFen');
      let c1: boolean | undefined;
      if (monthly !== undefined && dibao !== undefined) {
        c1 = monthly < dibao;
        ctx.say('computed', `扣除医疗等必需支出后家庭月人均可支配收入 ${yuan(monthly)}，${c1 ? '低于' : '不低于'}本市低保标准 ${yuan(dibao)}（第一类）`, src);
      }
      const medical = known(ctx, 'household.medicalOutOfPocket12mFen', h.medicalOutOfPocket12mFen);
      let c2: boolean | undefined;
      if (medical !== undefined && income !== undefined) {
        c2 = medical * 100 >= income * share.value;
        ctx.say('computed', `申请前12个月在本市医保定点医疗机构个人负担的医疗费用 ${yuan(medical)}，${c2 ? '达到' : '未达到'}家庭年可支配收入 ${yuan(income)} 的 ${share.value}%（第二类）`, share.source);
      }
      const one = all([base, c1]);
      const two = all([base, c2]);
      if (one) ctx.reason('expenditure_poverty_1', '家庭人均收入低于本市上年度人均可支配收入、财产符合标准，且扣除必需支出后月人均收入低于低保标准，符合第一类支出型贫困家庭的条件，还需民政部门认定（000 四）');
      if (two) ctx.reason('expenditure_poverty_2', `家庭人均收入低于本市上年度人均可支配收入、财产符合标准，且近12个月个人负担的医疗费用达到家庭年收入的${share.value}%，符合第二类支出型贫困家庭的条件，还需认定（000 四）`);
      return { expenditure_poverty_1: one, expenditure_poverty_2: two };
    },
  };
}

/** 002 二: 支内、支疆、知青等退休回沪人员及其外省市户籍配偶. */
export const returneeRule: ComputedRule = {
  codes: ['returnee'],
  source: '002 二',
  facts: ['returnee'],
  documentsZh: ['外省市退休证明和迁回本市常住户口的证明（证明您属于支内、支疆、知青等退休回沪人员或其配偶）'],
  evaluate(facts, _params, ctx) {
    const r = known(ctx, 'returnee', facts.returnee);
    if (r !== undefined) {
      ctx.say(
        'computed',
        r ? '您属于支内、支疆、知青等退休回沪人员（或其配偶）' : '您不属于支内、支疆、知青等退休回沪人员，不在互助帮困计划范围内',
        '002 二',
      );
    }
    if (r) ctx.reason('returnee', '您属于支内、支疆、知青等退休回沪人员（或符合条件的配偶），可自愿缴费参加市民社区医疗互助帮困计划（002 二、三）');
    return { returnee: r };
  },
};
