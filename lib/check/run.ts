import 'server-only';
// The eligibility check as the pages run it: today's staff-set parameters, overlaid with any what-if values typed.
import { checkEligibility, parameterNames, type EligibilityResult, type RegionCode } from '@/lib/calculator';
import { parametersOnDate } from '@/lib/dal/parameters';
import { todayInShanghai } from '@/lib/format';
import type { CheckAnswers } from './answers';
import { answersToFacts, whatIfParams } from './facts';

export const WHAT_IF_SOURCE_ZH = '您填写的假设值（仅用于这次试算）';

export async function runCheck(answers: CheckAnswers & { region: RegionCode }): Promise<EligibilityResult> {
  const date = todayInShanghai();
  const parameters = {
    ...(await parametersOnDate(answers.region, date)),
    ...whatIfParams(answers.whatIf, parameterNames(answers.region), WHAT_IF_SOURCE_ZH),
  };
  return checkEligibility({ region: answers.region, date, facts: answersToFacts(answers), parameters });
}
