// What each /check question says on screen, in plain words, for the region chosen; and how its answer reads back.
// Plain data only, so the question form (a client component) can receive it.
import { REGIONS, regionInfo, type RegionCode } from '@/lib/calculator';
import { formatMoney, sentences } from '@/lib/format';
import type { CheckAnswers } from './answers';
import { chineseDate, citeInText, regionDocument } from '@/lib/texts/citation';
import { cardOptions, categoryOptions, type CardOption } from './cards';
import type { GlossaryId } from '@/lib/texts/glossary';
import { ANSWER_KEY, type QuestionId } from './questions';

export interface OptionView {
  value: string;
  label: string;
  hint?: string;
  /** Characters for the little certificate picture. */
  card?: string;
}

interface Base {
  id: QuestionId;
  title: string;
  hint?: string;
  /** Why we ask: shown on the result when the answer is missing. */
  why: string;
  /** Short label on the check-answers page. */
  summaryLabel: string;
  terms?: GlossaryId[];
}

export type QuestionView = Base &
  (
    | { kind: 'radio'; options: OptionView[] }
    | { kind: 'checkbox'; options: OptionView[]; none: OptionView; explain: { label: string; text: string }[] }
    | { kind: 'number'; unit: '岁' | '人' | '元'; money: boolean; unsureLabel: string }
  );

/** Regions in the order people look for them: cities first, the national guideline as the fallback. */
export const REGION_ORDER: readonly RegionCode[] = ['shanghai', 'wuxi', 'chongqing-shapingba', 'shanghai-mutual-aid', 'national'];

export { chineseDate };

/** "依据《…》（number），…起施行": the region's document in words, with 〈〉 for the title inside the title. */
export function regionDocumentLine(code: RegionCode): string {
  const doc = regionInfo(code).document;
  const cited = regionDocument(code);
  return `依据${cited.title}${doc.number ? `（${doc.number}）` : ''}，${chineseDate(doc.inForceFrom)}起施行${doc.inForceTo ? `，有效期至${chineseDate(doc.inForceTo)}` : ''}`;
}

/** The mutual-aid plan is a plan one joins, not a place: lists name it so. */
export function regionKind(code: RegionCode): '地区' | '计划' {
  return code === 'shanghai-mutual-aid' ? '计划' : '地区';
}

/** Where one can apply on this site: every place and the mutual-aid plan, not the national guideline. */
export const APPLY_REGIONS: readonly { code: RegionCode; label: string }[] = REGION_ORDER.filter((c) => c !== 'national').map((code) => ({
  code,
  label: regionKind(code) === '计划' ? `${regionInfo(code).nameZh}（计划：已参加并缴费的人）` : regionInfo(code).nameZh,
}));

function place(region: RegionCode | undefined): string {
  if (!region || region === 'national') return '当地';
  if (region === 'shanghai-mutual-aid') return '上海';
  return regionInfo(region).nameZh;
}

const YNU = (yes: string, no: string): OptionView[] => [
  { value: 'yes', label: yes },
  { value: 'no', label: no },
  { value: 'unsure', label: '不清楚' },
];

const REGION_HINTS: Partial<Record<RegionCode, string>> = {
  'shanghai-mutual-aid': '这是一项计划，不是地区：面向支内、支疆、知青等在外地退休后迁回上海落户的人员及其配偶，参加并缴费后才能享受',
  national: '您的城市不在上面时选这个，按国家的指导意见给出参考',
};

/** The question for the region chosen; clause codes in its texts are cited in words (《…》第二部分（一）). */
export function questionView(id: QuestionId, a: CheckAnswers): QuestionView {
  const v = rawQuestionView(id, a);
  return { ...v, why: citeInText(v.why), ...(v.hint ? { hint: citeInText(v.hint) } : {}) };
}

function rawQuestionView(id: QuestionId, a: CheckAnswers): QuestionView {
  const r = a.region;
  const p = place(r);
  switch (id) {
    case 'region':
      return {
        id,
        kind: 'radio',
        title: '您在哪里参加医保或者落户？',
        hint: '选您看病报销的地方。各地的救助条件和比例不一样，结果按当地的政策文件给出。',
        why: '各地的救助对象和标准不同',
        summaryLabel: '地区或计划',
        options: REGION_ORDER.map((code) => ({
          value: code,
          label: regionInfo(code).nameZh,
          hint: sentences(REGION_HINTS[code], regionDocumentLine(code)),
        })),
      };
    case 'hukou':
      return r === 'shanghai-mutual-aid'
        ? {
            id,
            kind: 'radio',
            title: '您的户口已经迁回上海了吗？',
            hint: '指经公安机关批准，报入了上海常住户口。',
            why: '互助帮困计划只面向已经报入上海常住户口的人员（002 二）',
            summaryLabel: '户口已迁回上海',
            terms: ['hukou'],
            options: YNU('是，已经迁回上海', '还没有'),
          }
        : {
            id,
            kind: 'radio',
            title: `看病的人户口在${p}吗？`,
            hint: '看户口簿上的地址。替家人查询时，请按家人的情况回答。',
            why: `${p}的医疗救助只面向本市户籍的居民（001 二(一)）`,
            summaryLabel: `户口在${p}`,
            terms: ['hukou'],
            options: YNU(`是，户口在${p}`, `不是`),
          };
    case 'insurance':
      if (r === 'shanghai-mutual-aid') {
        return {
          id,
          kind: 'radio',
          title: '您参加了上海的基本医疗保险吗？',
          hint: '指上海的职工医保或城乡居民医保。在外省市退休、享受外省市的医保待遇，不算参加上海的医保。',
          why: '互助帮困计划面向上海基本医疗保险覆盖范围以外的退休回沪人员（002 前言）',
          summaryLabel: '参加上海医保',
          terms: ['basic-insurance'],
          options: YNU('是，参加了上海的医保', '没有（享受外省市医保待遇或没有参保）'),
        };
      }
      return {
        id,
        kind: 'radio',
        title: `看病的人参加的是${p}的医保吗？`,
        hint: '职工医保、城乡居民医保都算。社保卡或医保电子凭证上能看到参保地。',
        why: r === 'shanghai' ? '上海的医疗救助面向参加本市基本医保的人（000 二(二)4）' : `${p}的医疗救助只面向参加本市基本医保的人（001 二(一)）`,
        summaryLabel: `参加${p}医保`,
        terms: ['basic-insurance'],
        options: YNU(`是，在${p}参保`, '不是（在外地参保或没有参保）'),
      };
    case 'cards': {
      const cards = r ? cardOptions(r) : [];
      const mutual = r === 'shanghai-mutual-aid';
      return {
        id,
        kind: 'checkbox',
        title: mutual ? '您已经领到下面这张卡了吗？' : '看病的人有下面这些证吗？',
        hint: mutual ? '参加互助帮困计划、缴费以后领取。' : '可以多选。只选已经由政府部门认定、发了证或证明的。',
        why: '您持有的证决定了您属于哪一类救助对象',
        summaryLabel: mutual ? '已有的卡' : '已有的证',
        terms: ['certified'],
        options: cards.map(cardOptionView),
        none: { value: 'none', label: mutual ? '还没有' : '都没有' },
        explain: cards.map((c) => ({ label: c.nameZh, text: c.explanationZh })),
      };
    }
    case 'returnee':
      return {
        id,
        kind: 'radio',
        title: '您是支内、支疆或上山下乡知青，在外地退休后迁回上海落户的吗？',
        hint: '在外省市办理退休、享受外省市社保待遇，后经批准迁回上海常住户口的都算，易地安置的离退休干部也算。符合同样条件的外省市户籍配偶也算。',
        why: '互助帮困计划只面向支内、支疆、知青等退休回沪人员及其配偶（002 二）',
        summaryLabel: '退休回沪人员',
        options: YNU('是（本人或配偶）', '不是'),
      };
    case 'employee-insurance':
      return {
        id,
        kind: 'radio',
        title: '您在外省市或原单位有职工基本医疗保险吗？',
        hint: '在外省市退休时参加了当地的职工医保，或者原单位还为您保留了职工医保，都算。',
        why: '有职工医保的，住院自负超过当地起付标准的部分补助60%；没有的，住院总费用超过1000元的部分补助50%（002 五(三)）',
        summaryLabel: '外省市或原单位职工医保',
        terms: ['basic-insurance'],
        options: YNU('有', '没有'),
      };
    case 'age':
      return {
        id,
        kind: 'number',
        title: '看病的人今年多少岁？',
        hint: '低收入家庭中 60 岁以上的老人参加医保，政府会资助一部分保费。',
        why: '低收入家庭中60周岁以上的老人参加医保可以得到定额资助（000 二(二)1）',
        summaryLabel: '年龄',
        terms: ['premium-subsidy'],
        unit: '岁',
        money: false,
        unsureLabel: '不想说，跳过',
      };
    case 'disability':
      return {
        id,
        kind: 'radio',
        title: '看病的人有残疾人证吗？证上写的是几级？',
        hint: '残疾人证由残联发放，等级写在证件里页。',
        why: '一级、二级的肢体、智力、精神或视力残疾且无业的人，在无锡可以得到医疗救助（001 二(一)）',
        summaryLabel: '残疾人证',
        options: [
          { value: '1', label: '一级' },
          { value: '2', label: '二级' },
          { value: '3', label: '三级' },
          { value: '4', label: '四级' },
          { value: 'none', label: '没有残疾人证' },
          { value: 'unsure', label: '不清楚' },
        ],
      };
    case 'disability-type':
      return {
        id,
        kind: 'radio',
        title: '残疾人证上写的残疾类别是什么？',
        hint: '有两种以上残疾的，证上会写“多重残疾”。',
        why: '肢体、智力、精神、视力残疾（含多重残疾）才属于无锡的“符合条件的重度残疾人”（001 二(一)）',
        summaryLabel: '残疾类别',
        options: [
          { value: 'limb', label: '肢体残疾' },
          { value: 'intellectual', label: '智力残疾' },
          { value: 'mental', label: '精神残疾' },
          { value: 'visual', label: '视力残疾' },
          { value: 'hearing', label: '听力残疾' },
          { value: 'speech', label: '言语残疾' },
          { value: 'multiple', label: '多重残疾' },
          { value: 'unsure', label: '不清楚' },
        ],
      };
    case 'employment':
      return {
        id,
        kind: 'radio',
        title: '看病的人现在有工作吗？',
        hint: '有工作单位或者能领到工资的，算有工作。',
        why: '重度残疾人要“无业”才能得到无锡的医疗救助（001 二(一)）',
        summaryLabel: '现在有没有工作',
        options: [
          { value: 'yes', label: '有工作' },
          { value: 'no', label: '没有工作' },
          { value: 'unsure', label: '不清楚' },
        ],
      };
    case 'household-size':
      return {
        id,
        kind: 'number',
        title: '您家一共几口人？',
        hint: '算一起生活、收入放在一起用的家人，包括看病的人自己。',
        why: '判断是不是支出型贫困家庭，要按人头算家庭收入（000 四）',
        summaryLabel: '家里几口人',
        terms: ['expenditure-poverty'],
        unit: '人',
        money: false,
        unsureLabel: '不清楚，跳过',
      };
    case 'income':
      return {
        id,
        kind: 'number',
        title: '去年全家一共收入多少钱？',
        hint: '把全家人去年的工资、养老金、经营收入等加在一起，按扣除个人所得税和社保后实际到手的算。填个大概的数就行。',
        why: '支出型贫困家庭的人均收入要低于上海上年度居民人均可支配收入（000 四）',
        summaryLabel: '去年全家收入',
        terms: ['disposable-income'],
        unit: '元',
        money: true,
        unsureLabel: '不清楚，跳过',
      };
    case 'medical-costs':
      return {
        id,
        kind: 'number',
        title: '最近 12 个月，全家看病自己掏了多少钱？',
        hint: '在上海医保定点医院看病、医保报销以后自己付的钱，全家加在一起。可以把结算单上“个人自付”“现金支付”的数加起来。',
        why: '近12个月自己付的医疗费达到家庭年收入的40%，可能属于第二类支出型贫困家庭（000 四）',
        summaryLabel: '近12个月看病自付',
        terms: ['self-pay'],
        unit: '元',
        money: true,
        unsureLabel: '不清楚，跳过',
      };
    case 'assets':
      return {
        id,
        kind: 'radio',
        title: '您家的存款、房子等财产，在低收入困难家庭的标准以内吗？',
        hint: '标准由民政部门规定，主要看人均存款等金融资产和房产。不清楚就选“不清楚”，申请时工作人员会帮您核对。',
        why: '支出型贫困家庭的财产要符合低收入困难家庭的标准（000 四）',
        summaryLabel: '家庭财产',
        terms: ['asset-limit'],
        options: YNU('在标准以内', '超过标准'),
      };
  }
}

function cardOptionView(c: CardOption): OptionView {
  return { value: c.code, label: c.cardZh, hint: `${c.issuerZh}，属于“${c.nameZh}”`, card: c.short };
}

/** /estimate's "who" options: the certificates, then the categories without one. */
export function estimateCategoryViews(region: RegionCode): OptionView[] {
  return categoryOptions(region).map((c) => ('cardZh' in c ? cardOptionView(c) : { value: c.code, label: c.nameZh, hint: c.explanationZh }));
}

/** The stored answer as the form shows it back. */
export function formValue(id: QuestionId, a: CheckAnswers): string | string[] {
  const v = a[ANSWER_KEY[id]];
  if (v === undefined) return id === 'cards' ? [] : '';
  if (id === 'cards') return Array.isArray(v) && v.length === 0 ? ['none'] : (v as string[]);
  if (typeof v === 'number') return id === 'income' || id === 'medical-costs' ? (v / 100).toFixed(2).replace(/\.00$/, '') : String(v);
  return String(v);
}

/** The answer in words, for the check-answers page. */
export function answerText(id: QuestionId, a: CheckAnswers): string {
  const v = a[ANSWER_KEY[id]];
  if (v === undefined) return '还没有回答';
  if (v === 'unsure') return '不清楚';
  const view = questionView(id, a);
  if (view.kind === 'number') {
    if (typeof v !== 'number') return '不清楚';
    return view.money ? formatMoney(v) : `${v} ${view.unit}`;
  }
  if (view.kind === 'checkbox') {
    const codes = v as string[];
    if (codes.length === 0) return view.none.label;
    const labels = codes.map((c) => view.options.find((o) => o.value === c)?.label).filter(Boolean);
    return labels.length > 0 ? labels.join('、') : view.none.label;
  }
  return view.options.find((o) => o.value === v)?.label ?? String(v);
}

export function regionName(code: RegionCode): string {
  return REGIONS.find((r) => r.code === code)?.nameZh ?? code;
}
