// Answers → the calculator's EligibilityFacts. Only answers to questions that still apply are used;
// "unsure" leaves a fact unknown, so the calculator lists it back as missing.
import type { CategoryCode, DisabilityFacts, EligibilityFacts, HouseholdFacts } from '@/lib/calculator';
import type { CheckAnswers, NumberAnswer, YesNoUnsure } from './answers';
import { cardOptions } from './cards';
import { applicableAnswers } from './questions';

function yesNo(v: YesNoUnsure | undefined): boolean | undefined {
  return v === 'yes' ? true : v === 'no' ? false : undefined;
}

function num(v: NumberAnswer | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/**
 * 000 四 class 1 compares the monthly per-head income left after necessary spending with the 低保 standard.
 * Only medical costs are asked about, so this is what is left after them: an upper bound, never an understatement
 * of hardship that could wrongly promise the category.
 */
export function monthlyAfterMedicalFen(a: CheckAnswers): number | undefined {
  const size = num(a.householdSize);
  const income = num(a.incomeFen);
  const medical = num(a.medicalFen);
  if (size === undefined || income === undefined || medical === undefined || size <= 0) return undefined;
  return Math.floor(Math.max(0, income - medical) / 12 / size);
}

export function answersToFacts(all: CheckAnswers): EligibilityFacts {
  const a = applicableAnswers(all);
  const facts: EligibilityFacts = {};
  const hukou = yesNo(a.hukou);
  if (hukou !== undefined) facts.hukouLocal = hukou;
  const insured = yesNo(a.insurance);
  if (insured !== undefined) facts.insuredLocal = insured;
  const returnee = yesNo(a.returnee);
  if (returnee !== undefined) facts.returnee = returnee;
  const employee = yesNo(a.employeeInsurance);
  if (employee !== undefined) facts.hasEmployeeInsuranceElsewhere = employee;
  if (a.region && a.cards) {
    const allowed = new Set(cardOptions(a.region).map((c) => c.code));
    facts.certifications = a.cards.filter((c): c is CategoryCode => allowed.has(c));
  }
  const age = num(a.age);
  if (age !== undefined) facts.age = age;

  const disability: DisabilityFacts = {};
  if (a.disability && /^[1-4]$/.test(a.disability)) disability.grade = Number(a.disability) as 1 | 2 | 3 | 4;
  if (a.disabilityType && a.disabilityType !== 'unsure') disability.type = a.disabilityType;
  const employed = yesNo(a.employed);
  if (employed !== undefined) disability.employed = employed;
  if (Object.keys(disability).length > 0) facts.disability = disability;

  const household: HouseholdFacts = {};
  const size = num(a.householdSize);
  if (size !== undefined) household.size = size;
  const income = num(a.incomeFen);
  if (income !== undefined) household.annualDisposableIncomeFen = income;
  const medical = num(a.medicalFen);
  if (medical !== undefined) household.medicalOutOfPocket12mFen = medical;
  const assets = yesNo(a.assets);
  if (assets !== undefined) household.assetsWithinLimit = assets;
  const monthly = monthlyAfterMedicalFen(a);
  if (monthly !== undefined) household.monthlyPerCapitaIncomeAfterNecessaryFen = monthly;
  if (Object.keys(household).length > 0) facts.household = household;
  return facts;
}
