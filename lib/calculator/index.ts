// Public interface of the calculator: pure functions, no I/O, no clock, no environment.
import { estimateWith, type EstimateOptions } from './pipeline';
import { SPECS } from './regions';
import type { EstimateInput, EstimateResult } from './types';

export type * from './types';
export { checkEligibility } from './eligibility';
export { formatYuan, ratioOf, isFen } from './money';
export { REGIONS, REGION_CODES, regionInfo, isRegionCode } from './regions';
export { parameterNames, STAFF_PARAMS } from './params';
export { CATEGORY_CODES, CATEGORY_TEXT, categoryName, isCategoryCode } from './categories';

export type { EstimateOptions } from './pipeline';

/**
 * One person-year under one region's rules. Total: never throws for schema-valid input.
 * `options.trace: false` returns the same amounts without the trace and reasons (batch runs).
 */
export function estimate(input: EstimateInput, options?: EstimateOptions): EstimateResult {
  return estimateWith(SPECS[input.region], input, options);
}
