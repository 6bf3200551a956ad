// The certificates people actually carry, one per assistance category, in the order most people would look for them.
// Names describe the document in everyday words; the category's policy name and explanation come from the calculator.
import { regionInfo, type CategoryCode, type RegionCode } from '@/lib/calculator';

export interface CardText {
  /** What the document is called on the counter, as people say it. */
  cardZh: string;
  /** Two or three characters printed on the little card picture. */
  short: string;
  issuerZh: string;
}

export const CARDS: Partial<Record<CategoryCode, CardText>> = {
  dibao: { cardZh: '低保证（最低生活保障证）', short: '低保', issuerZh: '民政部门发' },
  tekun: { cardZh: '特困证（特困人员救助供养证）', short: '特困', issuerZh: '民政部门发' },
  low_income: { cardZh: '低收入困难家庭认定证明', short: '低收入', issuerZh: '民政部门发' },
  dibao_edge: { cardZh: '低保边缘家庭认定证明', short: '低边', issuerZh: '民政部门发' },
  expenditure_poverty_1: { cardZh: '支出型贫困生活救助认定证明（第一类）', short: '支出一', issuerZh: '民政部门发' },
  expenditure_poverty_2: { cardZh: '支出型贫困家庭认定证明（第二类）', short: '支出二', issuerZh: '民政部门发' },
  illness_poverty: { cardZh: '因病致贫（支出型困难家庭）大重病患者认定证明', short: '因病', issuerZh: '民政部门发' },
  temp_relief_illness: { cardZh: '临时救助审批证明（大重病患者）', short: '临救', issuerZh: '民政部门发' },
  monitored_rural: { cardZh: '防止返贫监测对象认定（村里或乡镇告知过）', short: '监测', issuerZh: '乡村振兴（农业农村）部门认定' },
  returned_poverty: { cardZh: '返贫致贫人口认定', short: '返贫', issuerZh: '乡村振兴（农业农村）部门认定' },
  child_in_distress: { cardZh: '困境儿童基本生活保障证明', short: '困境', issuerZh: '民政部门发' },
  orphan: { cardZh: '孤儿基本生活保障证明', short: '孤儿', issuerZh: '民政部门发' },
  de_facto_orphan: { cardZh: '事实无人抚养儿童认定证明', short: '事实', issuerZh: '民政部门发' },
  special_relief: { cardZh: '定期定量生活补助证明（特殊救济对象）', short: '定补', issuerZh: '民政部门发' },
  entitled_veteran: { cardZh: '优抚对象证件（享受国家抚恤补助）', short: '优抚', issuerZh: '退役军人事务部门发' },
  retrenched_1960s: { cardZh: '60年代精减退职职工生活补助证明', short: '精减', issuerZh: '民政部门发' },
  hardship_worker: { cardZh: '特困职工证', short: '工会', issuerZh: '总工会核定' },
  returnee: { cardZh: '上海社区医疗互助卡', short: '互助', issuerZh: '参加互助帮困计划缴费后领取' },
};

const ORDER = Object.keys(CARDS) as CategoryCode[];

export interface CardOption extends CardText {
  code: CategoryCode;
  nameZh: string;
  explanationZh: string;
}

/**
 * The certificates that count in a region. Categories the check works out from answers alone
 * (重度残疾人 from the disability questions) are not offered as a card.
 */
export function cardOptions(region: RegionCode): CardOption[] {
  const cats = regionInfo(region).categories;
  const out: CardOption[] = [];
  for (const code of ORDER) {
    const c = cats.find((x) => x.code === code);
    const card = CARDS[code];
    if (c && card) out.push({ code, nameZh: c.nameZh, explanationZh: c.explanationZh, ...card });
  }
  return out;
}

/**
 * For /estimate: every category the region names. Certificates first, with their pictures; then categories
 * /check works out from answers (重度残疾人), which a person who already knows can pick directly.
 */
export function categoryOptions(region: RegionCode): (CardOption | { code: CategoryCode; nameZh: string; explanationZh: string })[] {
  const cards = cardOptions(region);
  const rest = regionInfo(region).categories.filter((c) => !cards.some((k) => k.code === c.code));
  return [...cards, ...rest];
}
