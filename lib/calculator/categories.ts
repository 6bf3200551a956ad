// Assistance categories (救助对象类别): codes, the names residents know, and the proof that shows each one.
import type { CategoryCode } from './types';

export interface CategoryText {
  nameZh: string;
  explanationZh: string;
  /** What to bring to prove this category, with why (the documents an applicant usually brings). */
  proofZh: string;
}

export const CATEGORY_TEXT: Record<CategoryCode, CategoryText> = {
  tekun: {
    nameZh: '特困人员',
    explanationZh: '由民政部门认定、享受特困人员救助供养的人员。',
    proofZh: '特困人员救助供养证（证明您的特困人员身份）',
  },
  dibao: {
    nameZh: '低保对象',
    explanationZh: '城乡最低生活保障家庭的成员。',
    proofZh: '低保证（证明您的低保对象身份）',
  },
  low_income: {
    nameZh: '低收入对象',
    explanationZh: '经认定的城乡低收入困难家庭的成员。',
    proofZh: '低收入困难家庭认定证明（证明您的低收入对象身份）',
  },
  dibao_edge: {
    nameZh: '低保边缘家庭成员',
    explanationZh: '收入略高于低保标准、经民政部门认定的低保边缘家庭的成员。',
    proofZh: '低保边缘家庭认定证明（证明您的低保边缘家庭成员身份）',
  },
  expenditure_poverty_1: {
    nameZh: '第一类支出型贫困家庭成员',
    explanationZh: '因医疗等必需支出过大，家庭月人均可支配收入低于本市低保标准、享受支出型贫困生活救助的家庭成员。',
    proofZh: '支出型贫困生活救助认定证明（证明您属于第一类支出型贫困家庭）',
  },
  expenditure_poverty_2: {
    nameZh: '第二类支出型贫困家庭成员',
    explanationZh: '家庭年医疗费用个人负担达到或超过家庭年可支配收入40%的家庭成员。',
    proofZh: '近12个月在本市医保定点医疗机构的医疗费用票据（证明家庭医疗支出达到家庭年收入的40%）',
  },
  illness_poverty: {
    nameZh: '因病致贫重病患者',
    explanationZh: '不符合低保、特困或低保边缘条件，但因高额医疗费用导致家庭基本生活严重困难的大病患者（无锡称“支出型困难家庭中的大重病患者”）。',
    proofZh: '因病致贫重病患者（支出型困难家庭）认定证明（证明您的因病致贫身份）',
  },
  temp_relief_illness: {
    nameZh: '临时救助对象中的大重病患者',
    explanationZh: '具有本地户籍、正在享受临时救助的大重病患者。',
    proofZh: '临时救助审批证明（证明您是临时救助对象中的大重病患者）',
  },
  monitored_rural: {
    nameZh: '农村易返贫致贫人口',
    explanationZh: '已纳入监测范围的脱贫不稳定户、边缘易致贫户和突发严重困难户成员。',
    proofZh: '乡村振兴（农业农村）部门的监测对象认定证明（证明您已纳入防返贫监测）',
  },
  returned_poverty: {
    nameZh: '返贫致贫人口',
    explanationZh: '经农业农村（乡村振兴）部门认定的返贫或新致贫人口。',
    proofZh: '返贫致贫人口认定证明（证明您的返贫致贫人口身份）',
  },
  orphan: {
    nameZh: '孤儿',
    explanationZh: '社会散居孤儿（无锡：困境儿童中的孤儿）。',
    proofZh: '孤儿基本生活保障证明（证明您是孤儿）',
  },
  de_facto_orphan: {
    nameZh: '事实无人抚养儿童',
    explanationZh: '父母双方因重残、重病、服刑、失联等原因事实上无法履行抚养义务的儿童。',
    proofZh: '事实无人抚养儿童认定证明（证明儿童的身份）',
  },
  child_in_distress: {
    nameZh: '困境儿童',
    explanationZh: '享受困境儿童基本生活保障的儿童。',
    proofZh: '困境儿童基本生活保障证明（证明儿童的困境儿童身份）',
  },
  special_relief: {
    nameZh: '特殊救济对象',
    explanationZh: '享受上海市民政部门定期定量生活补助的特殊救济对象。',
    proofZh: '定期定量生活补助证明（证明您的特殊救济对象身份）',
  },
  entitled_veteran: {
    nameZh: '优抚对象',
    explanationZh: '符合条件、享受国家抚恤补助的优抚对象（在乡重点优抚对象及部分烈士子女）。',
    proofZh: '优抚证件（证明您是享受国家抚恤补助的优抚对象）',
  },
  retrenched_1960s: {
    nameZh: '60年代精减退职职工',
    explanationZh: '享受民政部门定期定量生活补助费的20世纪60年代精减退职职工。',
    proofZh: '精减退职职工生活补助证明（证明您的精减退职职工身份）',
  },
  hardship_worker: {
    nameZh: '特困职工',
    explanationZh: '设区市或县（市、区）总工会核定的特困职工。',
    proofZh: '工会特困职工证（证明您是总工会核定的特困职工）',
  },
  severe_disability: {
    nameZh: '符合条件的重度残疾人',
    explanationZh: '持残疾人证、登记为一级或二级肢体、智力、精神或视力残疾（含多重残疾）且无业的人员。',
    proofZh: '《中华人民共和国残疾人证》（证明残疾类别和等级）',
  },
  returnee: {
    nameZh: '退休回沪人员',
    explanationZh: '支内、支疆、上山下乡知青、易地安置离退休干部等退休后迁回上海常住户口的人员，及符合同样条件的外省市户籍配偶。',
    proofZh: '《上海社区医疗互助卡》（证明您已参加市民社区医疗互助帮困计划）',
  },
};

export const CATEGORY_CODES = Object.keys(CATEGORY_TEXT) as CategoryCode[];

export function categoryName(code: CategoryCode): string {
  return CATEGORY_TEXT[code].nameZh;
}

export function isCategoryCode(s: unknown): s is CategoryCode {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(CATEGORY_TEXT, s);
}
