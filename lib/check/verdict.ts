// What the /check result says at the top, and which answers would have let it say more.
import type { EligibilityResult } from '@/lib/calculator';
import type { CheckAnswers } from './answers';
import { ANSWER_KEY, applies, QUESTION_IDS, type QuestionId } from './questions';

/**
 * yes: a certificate already held makes the person eligible. likely: the answers meet a definition that still needs
 * certification. maybe: something unknown (an answer or a staff-set figure) decides it. no: nothing applies.
 */
export type Verdict = 'yes' | 'likely' | 'maybe' | 'no';

const FACT_QUESTIONS: Record<string, readonly QuestionId[]> = {
  hukouLocal: ['hukou'],
  insuredLocal: ['insurance'],
  returnee: ['returnee'],
  hasEmployeeInsuranceElsewhere: ['employee-insurance'],
  age: ['age'],
  certifications: ['cards'],
  'disability.grade': ['disability'],
  'disability.type': ['disability-type'],
  'disability.employed': ['employment'],
  'household.size': ['household-size'],
  'household.annualDisposableIncomeFen': ['income'],
  'household.medicalOutOfPocket12mFen': ['medical-costs'],
  'household.assetsWithinLimit': ['assets'],
  // Worked out from these three answers (lib/check/facts.ts).
  'household.monthlyPerCapitaIncomeAfterNecessaryFen': ['household-size', 'income', 'medical-costs'],
};

/**
 * The questions behind the calculator's missing facts that the person could still answer: they apply and were
 * skipped or answered "不清楚". A fact the person settled another way (no disability card at all) is not listed.
 */
export function openQuestions(result: EligibilityResult, a: CheckAnswers): QuestionId[] {
  const open = new Set<QuestionId>();
  for (const fact of result.missingFacts) {
    for (const id of FACT_QUESTIONS[fact] ?? []) {
      const v = a[ANSWER_KEY[id]];
      if (applies(id, a) && (v === undefined || v === 'unsure')) open.add(id);
    }
  }
  return QUESTION_IDS.filter((id) => open.has(id));
}

export function verdict(result: EligibilityResult, open: readonly QuestionId[]): Verdict {
  if (result.eligible && result.categories.some((c) => c.basis === 'certified')) return 'yes';
  if (result.eligible) return 'likely';
  if (open.length > 0 || result.missingParameters.length > 0) return 'maybe';
  return 'no';
}
