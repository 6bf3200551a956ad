// The identity step asks for categories in a few groups, the everyday ones first, so a phone shows a short
// list instead of twelve long rows; then it asks for the certificate that proves each chosen category, by name.
import { CATEGORY_TEXT } from '@/lib/calculator/categories';
import type { CategoryCode } from '@/lib/calculator/types';

export const CATEGORY_GROUPS: readonly { title: string; codes: readonly CategoryCode[] }[] = [
  { title: '低保、特困、低收入', codes: ['dibao', 'tekun', 'low_income', 'dibao_edge', 'expenditure_poverty_1', 'expenditure_poverty_2', 'special_relief'] },
  { title: '因病致贫、临时救助、防止返贫', codes: ['illness_poverty', 'temp_relief_illness', 'monitored_rural', 'returned_poverty'] },
  { title: '孤儿和困境儿童', codes: ['orphan', 'de_facto_orphan', 'child_in_distress'] },
  { title: '优抚、残疾、职工和其他', codes: ['entitled_veteran', 'retrenched_1960s', 'hardship_worker', 'severe_disability', 'returnee'] },
];

/** The certificate in the words people call it (低保证), from the proof the category lists. */
export function certificateName(code: CategoryCode): string {
  return CATEGORY_TEXT[code].proofZh.split('（')[0]!;
}

export type CategoryChoice = { code: string; nameZh: string; explanationZh: string; certificate: string };
export type CategoryGroup = { title: string; options: CategoryChoice[] };

/** A region's categories in the groups above (empty groups left out), each with its certificate's name. */
export function groupCategories(categories: readonly { code: CategoryCode; nameZh: string; explanationZh: string }[]): CategoryGroup[] {
  return CATEGORY_GROUPS.map((g) => ({
    title: g.title,
    options: g.codes.flatMap((code) => categories.filter((c) => c.code === code).map((c) => ({ ...c, certificate: certificateName(c.code) }))),
  })).filter((g) => g.options.length > 0);
}
