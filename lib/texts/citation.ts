// The five policy documents as residents read them, and the one formatter that turns a clause code
// ("000 二(二)4", as the calculator and the API keep it) into words: 《上海市实施意见》第二部分（二）4.
// Pure data and string work: safe for client components.
import type { RegionCode } from '@/lib/calculator';

export type DocumentCode = '000' | '001' | '002' | '003' | '004';

export interface PolicyDocument {
  code: DocumentCode;
  region: RegionCode;
  /** How a citation names it, with its book-title marks. */
  shortTitle: string;
  /** Full title; a title inside it is marked 〈〉 inside 《》. */
  title: string;
  number: string | null;
  issuer: string;
  /** Date signed, as printed (YYYY-MM-DD). */
  issued: string;
  inForce: string;
  /** What it covers, in a sentence a resident can use to decide whether it is theirs. */
  covers: string;
}

/** In the order /help lists them: the national guideline first, then the places, then the plan. */
export const POLICY_DOCUMENTS: readonly PolicyDocument[] = [
  {
    code: '003',
    region: 'national',
    shortTitle: '《国务院办公厅意见》',
    title: '《国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见》',
    number: '国办发〔2021〕42号',
    issuer: '国务院办公厅',
    issued: '2021-10-28',
    inForce: '2021年10月28日起',
    covers:
      '全国的总体要求：哪些困难群众是救助对象、参加医保的个人缴费资助、基本医保、大病保险和医疗救助怎样一步步减轻负担、年度救助限额和倾斜救助由各地确定、怎样申请。您所在的城市不在本网站时，按它给出参考。',
  },
  {
    code: '000',
    region: 'shanghai',
    shortTitle: '《上海市实施意见》',
    title: '《上海市人民政府办公厅印发〈关于本市健全重特大疾病医疗保险和救助制度的实施意见〉的通知》',
    number: '沪府办规〔2022〕19号',
    issuer: '上海市人民政府办公厅',
    issued: '2022-12-29',
    inForce: '2022年12月29日起',
    covers:
      '上海市的医疗救助：低保、特困、低收入、支出型贫困家庭等救助对象，参保资助，门急诊和住院救助的比例和年度限额，支出型贫困家庭的条件，以及申请和经办。',
  },
  {
    code: '001',
    region: 'wuxi',
    shortTitle: '《无锡市实施意见》',
    title: '《无锡市人民政府办公室关于健全重特大疾病医疗保险和救助制度的实施意见》',
    number: null,
    issuer: '无锡市人民政府办公室',
    issued: '2022-12-26',
    inForce: '2023年1月1日起',
    covers:
      '无锡市的医疗救助：特困、孤儿、低保、低保边缘、重度残疾人等救助对象，参保资助，年度起付标准、救助比例和限额，倾斜救助，以及申请和经办。',
  },
  {
    code: '004',
    region: 'chongqing-shapingba',
    shortTitle: '《沙坪坝区实施方案》',
    title: '《重庆市沙坪坝区人民政府办公室关于印发〈关于健全重特大疾病医疗保险和救助制度的实施方案〉的通知》',
    number: '沙府办发〔2023〕61号',
    issuer: '重庆市沙坪坝区人民政府办公室',
    issued: '2023-08-14',
    inForce: '2023年8月14日起',
    covers:
      '重庆市沙坪坝区的医疗救助：特困、低保、返贫致贫、低保边缘、监测对象、因病致贫重病患者等救助对象，参保资助，门诊和住院救助比例，特殊疾病和大额费用救助的限额，倾斜救助，以及申请和经办。',
  },
  {
    code: '002',
    region: 'shanghai-mutual-aid',
    shortTitle: '《上海市市民社区医疗互助帮困计划意见》',
    title: '《上海市人民政府办公厅转发市医保局等五部门〈关于进一步完善本市市民社区医疗互助帮困计划的意见〉的通知》',
    number: null,
    issuer: '上海市医疗保障局、上海市人力资源和社会保障局、上海市民政局、上海市财政局、上海市总工会（上海市人民政府办公厅于2022年11月28日转发）',
    issued: '2022-11-10',
    inForce: '2023年1月1日起，有效期至2027年12月31日',
    covers:
      '上海市民社区医疗互助帮困计划（一项计划，不是一个地区）：支内、支疆、知青等在外地退休后回沪定居的人员及符合条件的配偶，自愿参加并缴费以后，门急诊和住院的医疗费按比例补助；到街道（乡镇）社区事务受理服务中心申请。',
  },
];

export function policyDocument(code: string): PolicyDocument | undefined {
  return POLICY_DOCUMENTS.find((d) => d.code === code);
}

export function regionDocument(region: RegionCode): PolicyDocument {
  return POLICY_DOCUMENTS.find((d) => d.region === region)!;
}

const NUM = '一二三四五六七八九十';
// One clause: part (二), item ((二)) and point (4), each optional but at least one present.
const CLAUSE = new RegExp(`^([${NUM}]+)?(?:\\(([${NUM}]+)\\))?(\\d+)?$`);

function clauseWords(token: string): string {
  const m = CLAUSE.exec(token);
  if (!m || !(m[1] || m[2] || m[3])) return token;
  const [, part, item, point] = m;
  return `${part ? `第${part}部分` : ''}${item ? `（${item}）` : ''}${point ?? ''}`;
}

/**
 * A clause code in words: "000 二(二)4" → "《上海市实施意见》第二部分（二）4"; "001 三(三)、四(五)" →
 * "《无锡市实施意见》第三部分（三）、第四部分（五）". Several sources joined by "；" are each cited; anything that is not
 * a code (a staff parameter's own source, say) is left as it is.
 */
export function citeClause(source: string): string {
  return source
    .split('；')
    .map((part) => {
      const m = /^(00[0-4]) (.+)$/.exec(part.trim());
      const doc = m ? policyDocument(m[1]!) : undefined;
      if (!m || !doc) return part;
      return `${doc.shortTitle}${m[2]!.split('、').map(clauseWords).join('、')}`;
    })
    .join('；');
}

const CODE_IN_TEXT = new RegExp(`(?<!\\d)(00[0-4]) ([${NUM}()\\d、]*[${NUM})\\d])`, 'g');

/** Every clause code inside a sentence ("…，还需认定（000 四）") cited in words. */
export function citeInText(text: string): string {
  return text.replace(CODE_IN_TEXT, (_, doc: string, clause: string) => citeClause(`${doc} ${clause}`));
}

/** "2023-01-01" → "2023年1月1日". */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
