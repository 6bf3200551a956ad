// Who can be assisted where, and what to bring. Pure: facts and parameters in, a reasoned answer out.
import { CATEGORY_TEXT, categoryName, isCategoryCode } from './categories';
import { rowAt, type FixedRow } from './params';
import { SPECS } from './regions';
import type { EligibilityCtx, RegionSpec } from './spec';
import type {
  CategoryCode,
  EligibilityCategory,
  EligibilityInput,
  EligibilityResult,
  PremiumSubsidy,
  TraceRow,
} from './types';

const COMMON_CLAIM_DOCUMENTS = [
  '医院结算单和发票（证明医保报销后您自付的金额）',
  '出院小结或诊断证明（证明所患疾病和治疗情况）',
  '住院每日费用清单（住院费用较多时用于核对费用）',
  '本人银行卡（用于接收救助金）',
  '诚信承诺书（承诺所填信息真实）',
];

export function checkEligibilityWith(spec: RegionSpec, input: EligibilityInput): EligibilityResult {
  const facts = input.facts ?? {};
  const params = input.parameters ?? {};
  const el = spec.eligibility;
  const trace: TraceRow[] = [];
  const missingFacts: string[] = [];
  const missingParameters: string[] = [];
  const say = (step: string, text: string, source: string) => trace.push({ step, text, source });
  const date = input.date;
  const doc = spec.document;

  if (date < doc.inForceFrom || (doc.inForceTo !== undefined && date > doc.inForceTo)) {
    const text =
      date < doc.inForceFrom
        ? `${date} 时文件尚未施行（${doc.inForceFrom} 起施行），不能按本文件判断`
        : `文件有效期至 ${doc.inForceTo}，${date} 已不在有效期内`;
    say('in_force', text, spec.inForceSource);
    return result(spec, false, [], null, { kind: 'none', reasons: [text] }, false, [], missingFacts, missingParameters, trace);
  }

  // 001 二(一), 000 二(二)4, 002 二 and 002 前言: residence and insurance conditions.
  let blocked = false;
  let pending = false;
  for (const pre of el.prerequisites) {
    const v = facts[pre.fact];
    if (v === undefined) {
      pending = true;
      missingFacts.push(pre.fact);
      say('prerequisite', `还需要知道：${pre.askZh ?? pre.yesZh.replace('您', '您是否')}`, pre.source);
    } else {
      const ok = v === (pre.pass ?? true);
      if (!ok) blocked = true;
      say('prerequisite', ok ? pre.yesZh : pre.noZh, pre.source);
    }
  }

  const found = new Map<CategoryCode, EligibilityCategory>();
  const certs = [...new Set((facts.certifications ?? []).filter(isCategoryCode))];
  for (const code of certs) {
    const name = categoryName(code);
    if (spec.categories.includes(code)) {
      found.set(code, { code, basis: 'certified', reasons: [`您已被认定为${name}`, benefitText(spec, code)] });
      say('certified', `您已被认定为${name}，属于${spec.nameZh}的医疗救助对象类别`, spec.clauses.category);
    } else if (el.premiumOnly?.includes(code)) {
      say('certified', `${name}在${spec.nameZh}只规定了参保资助，不是医疗救助的对象类别`, spec.clauses.category);
    } else {
      say('certified', `“${name}”不是${spec.nameZh}医疗救助的对象类别`, spec.clauses.category);
    }
  }

  const reasons = new Map<CategoryCode, string[]>();
  const ctx: EligibilityCtx = {
    date,
    missingFact: (p) => void (missingFacts.includes(p) || missingFacts.push(p)),
    missingParam: (p) => void (missingParameters.includes(p) || missingParameters.push(p)),
    say,
    reason: (code, text) => reasons.set(code, [...(reasons.get(code) ?? []), text]),
  };
  const told = (path: string) => pathValue(facts, path) !== undefined;
  for (const rule of el.computed) {
    const open = rule.codes.filter((c) => !found.has(c));
    // A person who already holds a category is not asked for facts they did not offer.
    if (open.length === 0 || (found.size > 0 && !rule.facts.some(told))) continue;
    const outcome = rule.evaluate(facts, params, ctx);
    for (const code of open) {
      if (outcome[code] === true) {
        found.set(code, { code, basis: 'computed', reasons: [...(reasons.get(code) ?? []), benefitText(spec, code)] });
      } else if (outcome[code] === false) {
        say('computed', `不符合${categoryName(code)}的条件`, rule.source);
      }
    }
  }

  const ordered = [...found.values()].sort((a, b) => spec.categories.indexOf(a.code) - spec.categories.indexOf(b.code));
  const categories = blocked ? [] : ordered;
  const eligible = !blocked && !pending && categories.length > 0;
  const primary = categories[0]?.code ?? null;
  // 002 五(三): a fact that picks the benefit rule (not whether the person is covered): told, or listed as missing.
  for (const b of el.benefitFacts ?? []) {
    if (!categories.some((c) => b.categories.includes(c.code))) continue;
    const v = facts[b.fact];
    if (v === undefined) {
      ctx.missingFact(b.fact);
      say('benefit', `还需要知道：${b.askZh}`, b.source);
    } else say('benefit', v ? b.yesZh : b.noZh, b.source);
  }
  if (el.notEncodedZh) say('note', el.notEncodedZh.text, el.notEncodedZh.source);
  for (const n of el.extraNotes ?? []) {
    if (categories.some((c) => n.categories.includes(c.code))) say('note', n.text, n.source);
  }

  const premiumCodes = blocked ? [] : [...categories.map((c) => c.code), ...certs.filter((c) => el.premiumOnly?.includes(c))];
  const premiumSubsidy = premium(spec, premiumCodes, facts.age, date, ctx);
  say('premium', premiumSubsidy.reasons[0]!, premiumSource(spec, premiumCodes, date));

  const direct = categories.some((c) => c.basis === 'certified' && (el.direct === 'all' || el.direct.includes(c.code)));
  const applicationRequired = eligible && !direct;
  if (eligible) {
    say(
      'application',
      direct ? '您已被认定的身份可以直接获得医疗救助，在医院结算时“一站式”办理，不需要另外申请' : '需要本人或委托他人提出申请',
      el.directSource,
    );
  }
  const documents = eligible || pending ? documentsFor(spec, categories, applicationRequired) : [];
  const summary = blocked
    ? `您不符合${spec.nameZh}医疗救助的基本条件`
    : eligible
      ? `您可以按“${categoryName(primary!)}”获得${spec.nameZh}的医疗救助`
      : pending && categories.length > 0
        ? '还需要补充上面列出的情况才能确定'
        : `根据目前的情况，您不属于${spec.nameZh}医疗救助的对象`;
  say('summary', summary, spec.clauses.category);
  return result(spec, eligible, categories, primary, premiumSubsidy, applicationRequired, documents, missingFacts, missingParameters, trace);
}

function result(
  spec: RegionSpec,
  eligible: boolean,
  categories: EligibilityCategory[],
  primary: CategoryCode | null,
  premiumSubsidy: PremiumSubsidy,
  applicationRequired: boolean,
  documents: string[],
  missingFacts: string[],
  missingParameters: string[],
  trace: TraceRow[],
): EligibilityResult {
  return { region: spec.code, eligible, categories, primary, premiumSubsidy, applicationRequired, documents, missingFacts, missingParameters, trace };
}

function pathValue(obj: object, path: string): unknown {
  let v: unknown = obj;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

function benefitText(spec: RegionSpec, code: CategoryCode): string {
  const nc = spec.notComputable[code];
  if (nc) return `${nc.text}（${nc.source}）`;
  const rows = spec.table.filter((r) => r.name === 'ratio' && r.categories?.includes(code));
  if (rows.length === 0) return `${CATEGORY_TEXT[code].explanationZh}（${spec.clauses.category}）`;
  return rows.map((r) => `${r.noteZh}（${r.source}）`).join('；');
}

const PREMIUM_RANK = { full: 3, percent: 2, fixed: 1, none: 0 } as const;

function premiumRows(spec: RegionSpec, codes: readonly CategoryCode[], date: string): { code: CategoryCode; row: FixedRow }[] {
  const out: { code: CategoryCode; row: FixedRow }[] = [];
  for (const code of codes) {
    const row = rowAt(spec.table, 'premium', date, { category: code });
    if (row) out.push({ code, row });
  }
  const rank = (r: FixedRow) => PREMIUM_RANK[r.premium ?? 'none'] * 1000 + r.value;
  return out.sort((a, b) => rank(b.row) - rank(a.row));
}

/** 就高: the best premium subsidy among the categories held (full > percent > fixed). */
function premium(spec: RegionSpec, codes: readonly CategoryCode[], age: number | undefined, date: string, ctx: EligibilityCtx): PremiumSubsidy {
  for (const { code, row } of premiumRows(spec, codes, date)) {
    const minAge = rowAt(spec.table, 'premium.minAge', date, { category: code });
    if (minAge) {
      if (age === undefined) {
        ctx.missingFact('age');
        continue;
      }
      if (age < minAge.value) {
        ctx.say('premium', `${categoryName(code)}中只有${minAge.value}周岁以上的老年人享受定额资助，您${age}周岁`, minAge.source);
        continue;
      }
    }
    const note = rowAt(spec.table, 'premium.note', date, { category: code });
    const reasons = [`${categoryName(code)}：${row.noteZh}（${row.source}）`, ...(note ? [`${note.noteZh}（${note.source}）`] : [])];
    const kind = row.premium ?? 'none';
    return kind === 'percent' ? { kind, percent: row.value, reasons } : { kind, reasons };
  }
  return { kind: 'none', reasons: ['根据您的身份，文件没有规定参加基本医保的个人缴费资助'] };
}

function premiumSource(spec: RegionSpec, codes: readonly CategoryCode[], date: string): string {
  return premiumRows(spec, codes, date)[0]?.row.source ?? spec.clauses.category;
}

/** The documents an applicant usually brings: only those that apply, each with why. */
function documentsFor(spec: RegionSpec, categories: readonly EligibilityCategory[], applicationRequired: boolean): string[] {
  const el = spec.eligibility;
  const docs = ['身份证或社会保障卡（证明您的身份）'];
  if (el.hukouMatters) docs.push('户口簿（证明您具有本市户籍）');
  for (const c of categories) {
    if (c.basis === 'certified') docs.push(CATEGORY_TEXT[c.code].proofZh);
    else for (const d of el.computed.find((r) => r.codes.includes(c.code))?.documentsZh ?? []) docs.push(d);
  }
  if (applicationRequired) docs.push(...COMMON_CLAIM_DOCUMENTS);
  docs.push(...(el.extraDocuments ?? []));
  return [...new Set(docs)];
}

export function checkEligibility(input: EligibilityInput): EligibilityResult {
  return checkEligibilityWith(SPECS[input.region], input);
}
