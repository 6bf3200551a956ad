// What a person has answered in /check so far. Kept in a short-lived encrypted cookie (lib/check/store.ts),
// never in a URL. Every answer is optional; "unsure" is an answer too (the fact then stays unknown).
import { z } from 'zod';
import type { CategoryCode, DisabilityType, RegionCode } from '@/lib/calculator';

export const YES_NO_UNSURE = ['yes', 'no', 'unsure'] as const;
export type YesNoUnsure = (typeof YES_NO_UNSURE)[number];

export const DISABILITY_GRADES = ['1', '2', '3', '4', 'none', 'unsure'] as const;
export type DisabilityGradeAnswer = (typeof DISABILITY_GRADES)[number];

export const DISABILITY_TYPES = ['limb', 'intellectual', 'mental', 'visual', 'hearing', 'speech', 'multiple'] as const satisfies readonly DisabilityType[];
export type DisabilityTypeAnswer = DisabilityType | 'unsure';

/** A number the person typed, or "I don't know". */
export type NumberAnswer = number | 'unsure';

export interface CheckAnswers {
  region?: RegionCode;
  hukou?: YesNoUnsure;
  insurance?: YesNoUnsure;
  returnee?: YesNoUnsure;
  /** shanghai-mutual-aid (002 五(三)): employee basic insurance in the other province or at the former employer. */
  employeeInsurance?: YesNoUnsure;
  /** Codes of the certificates held; [] means "none of these". */
  cards?: CategoryCode[];
  age?: NumberAnswer;
  disability?: DisabilityGradeAnswer;
  disabilityType?: DisabilityTypeAnswer;
  employed?: YesNoUnsure;
  householdSize?: NumberAnswer;
  /** The whole household's disposable income last year, in fen. */
  incomeFen?: NumberAnswer;
  /** The household's out-of-pocket medical costs in the last 12 months, in fen. */
  medicalFen?: NumberAnswer;
  assets?: YesNoUnsure;
}

const unsure = z.literal('unsure');
const ynu = z.enum(YES_NO_UNSURE);
const wholeNumber = (max: number) => z.union([z.number().int().min(0).max(max), unsure]);

/** Shape check for what comes back from the cookie; codes are checked against the region where they are used. */
export const checkAnswersSchema = z.object({
  region: z.string().max(40).optional(),
  hukou: ynu.optional(),
  insurance: ynu.optional(),
  returnee: ynu.optional(),
  employeeInsurance: ynu.optional(),
  cards: z.array(z.string().max(40)).max(40).optional(),
  age: wholeNumber(130).optional(),
  disability: z.enum(DISABILITY_GRADES).optional(),
  disabilityType: z.enum([...DISABILITY_TYPES, 'unsure']).optional(),
  employed: ynu.optional(),
  householdSize: wholeNumber(50).optional(),
  incomeFen: wholeNumber(1e14).optional(),
  medicalFen: wholeNumber(1e14).optional(),
  assets: ynu.optional(),
});
