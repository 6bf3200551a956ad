// Which /check questions apply, in what order, given the region and the answers so far. Pure.
// A question is asked only when its answer can change the result (GOV.UK eligibility-checker pattern).
import type { RegionCode } from '@/lib/calculator';
import type { CheckAnswers } from './answers';

export const QUESTION_IDS = [
  'region',
  'hukou',
  'insurance',
  'cards',
  'returnee',
  'employee-insurance',
  'age',
  'disability',
  'disability-type',
  'employment',
  'household-size',
  'income',
  'medical-costs',
  'assets',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

/** The answer each question fills in. */
export const ANSWER_KEY = {
  region: 'region',
  hukou: 'hukou',
  insurance: 'insurance',
  cards: 'cards',
  returnee: 'returnee',
  'employee-insurance': 'employeeInsurance',
  age: 'age',
  disability: 'disability',
  'disability-type': 'disabilityType',
  employment: 'employed',
  'household-size': 'householdSize',
  income: 'incomeFen',
  'medical-costs': 'medicalFen',
  assets: 'assets',
} as const satisfies Record<QuestionId, keyof CheckAnswers>;

export function isQuestionId(s: unknown): s is QuestionId {
  return typeof s === 'string' && (QUESTION_IDS as readonly string[]).includes(s);
}

// Prerequisites of each region's rules (wuxi 001 二(一); shanghai 000 二(二)4; mutual aid 002 二: 报入本市常住户口, and
// 002 前言: outside Shanghai's basic medical insurance, so there "yes, insured in Shanghai" is the answer that stops).
// tests/unit/check checks these against the calculator's own missingFacts, so the two cannot drift apart.
export const HUKOU_REGIONS: readonly RegionCode[] = ['wuxi', 'shanghai-mutual-aid'];
export const INSURANCE_REGIONS: readonly RegionCode[] = ['wuxi', 'shanghai', 'shanghai-mutual-aid'];

/** The insurance answer that ends the check: "no" where local insurance is required, "yes" for the mutual-aid plan. */
function insuranceStops(a: CheckAnswers): boolean {
  return a.region === 'shanghai-mutual-aid' ? a.insurance === 'yes' : a.insurance === 'no';
}
const AGE_CARDS = ['low_income'] as const; // 000 二(二)1: low-income members aged 60+ get a fixed premium subsidy
const DISABILITY_QUALIFYING_GRADES = ['1', '2'];
const DISABILITY_QUALIFYING_TYPES = ['limb', 'intellectual', 'mental', 'visual', 'multiple', 'unsure'];

/** True when a question that decides everything was answered "no": nothing after it can help. */
function stoppedBefore(id: QuestionId, a: CheckAnswers): boolean {
  const at = QUESTION_IDS.indexOf(id);
  return (at > QUESTION_IDS.indexOf('hukou') && a.hukou === 'no' && applies('hukou', a)) ||
    (at > QUESTION_IDS.indexOf('insurance') && insuranceStops(a) && applies('insurance', a));
}

/** The certificates held leave nothing for a computed category to add (the calculator skips them too). */
function holdsNoCard(a: CheckAnswers): boolean {
  return a.cards !== undefined && a.cards.length === 0;
}

export function applies(id: QuestionId, a: CheckAnswers): boolean {
  const r = a.region;
  if (id === 'region') return true;
  if (!r || stoppedBefore(id, a)) return false;
  switch (id) {
    case 'hukou':
      return HUKOU_REGIONS.includes(r);
    case 'insurance':
      return INSURANCE_REGIONS.includes(r);
    case 'cards':
      return true;
    case 'returnee':
      return r === 'shanghai-mutual-aid' && holdsNoCard(a);
    case 'employee-insurance':
      // 002 五(三): which inpatient rule applies, asked of anyone who holds the card or may be a returnee.
      return r === 'shanghai-mutual-aid' && ((a.cards ?? []).includes('returnee') || (holdsNoCard(a) && a.returnee !== undefined && a.returnee !== 'no'));
    case 'age':
      return r === 'shanghai' && (a.cards ?? []).some((c) => (AGE_CARDS as readonly string[]).includes(c));
    case 'disability':
      return r === 'wuxi' && holdsNoCard(a);
    case 'disability-type':
      return applies('disability', a) && DISABILITY_QUALIFYING_GRADES.includes(a.disability ?? '');
    case 'employment':
      return applies('disability-type', a) && DISABILITY_QUALIFYING_TYPES.includes(a.disabilityType ?? '');
    case 'household-size':
    case 'income':
    case 'medical-costs':
    case 'assets':
      return r === 'shanghai' && holdsNoCard(a);
  }
}

export function isAnswered(id: QuestionId, a: CheckAnswers): boolean {
  return a[ANSWER_KEY[id]] !== undefined;
}

export function applicableQuestions(a: CheckAnswers): QuestionId[] {
  return QUESTION_IDS.filter((id) => applies(id, a));
}

export function firstUnanswered(a: CheckAnswers): QuestionId | null {
  return applicableQuestions(a).find((id) => !isAnswered(id, a)) ?? null;
}

export const START_PATH = '/check';
export const ANSWERS_PATH = '/check/answers';
export const RESULT_PATH = '/check/result';

export function questionPath(id: QuestionId, change = false): string {
  return `/check/${id}${change ? '?change=1' : ''}`;
}

/**
 * Where to go after answering `current`. Going forward, the next question that applies (answered ones show their
 * answer). When changing an answer from the check-answers page, only questions the change opened up, then back there.
 */
export function nextPath(current: QuestionId, a: CheckAnswers, change: boolean): string {
  if (change) {
    const open = firstUnanswered(a);
    return open ? questionPath(open, true) : ANSWERS_PATH;
  }
  const list = applicableQuestions(a);
  const after = QUESTION_IDS.indexOf(current);
  const next = list.find((id) => QUESTION_IDS.indexOf(id) > after);
  return next ? questionPath(next) : ANSWERS_PATH;
}

/** The back link: the question that applies just before `current`, or the start page. */
export function previousPath(current: QuestionId | 'answers', a: CheckAnswers): string {
  const list = applicableQuestions(a);
  if (current === 'answers') {
    const last = list[list.length - 1];
    return last ? questionPath(last) : START_PATH;
  }
  const at = QUESTION_IDS.indexOf(current);
  const before = list.filter((id) => QUESTION_IDS.indexOf(id) < at);
  const prev = before[before.length - 1];
  return prev ? questionPath(prev) : START_PATH;
}

/** Drops answers to questions that no longer apply, so nothing stale reaches the calculator or the summary. */
export function applicableAnswers(a: CheckAnswers): CheckAnswers {
  const out: CheckAnswers = {};
  for (const id of applicableQuestions(a)) {
    const key = ANSWER_KEY[id];
    if (a[key] !== undefined) Object.assign(out, { [key]: a[key] });
  }
  return out;
}
