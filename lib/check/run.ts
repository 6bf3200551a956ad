import 'server-only';
// The eligibility check as the pages run it, with today's staff-set parameters.
import { checkEligibility, type EligibilityResult, type RegionCode } from '@/lib/calculator';
import { parametersOnDate } from '@/lib/dal/parameters';
import { todayInShanghai } from '@/lib/format';
import type { CheckAnswers } from './answers';
import { answersToFacts } from './facts';

export async function runCheck(answers: CheckAnswers & { region: RegionCode }): Promise<EligibilityResult> {
  const date = todayInShanghai();
  const parameters = await parametersOnDate(answers.region, date);
  return checkEligibility({ region: answers.region, date, facts: answersToFacts(answers), parameters });
}
