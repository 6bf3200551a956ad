// Types of the calculator's public interface. Money is always integer fen (分); dates are `YYYY-MM-DD`.

export type RegionCode = 'national' | 'shanghai' | 'wuxi' | 'chongqing-shapingba' | 'shanghai-mutual-aid';

export type CategoryCode =
  | 'tekun'
  | 'dibao'
  | 'low_income'
  | 'dibao_edge'
  | 'expenditure_poverty_1'
  | 'expenditure_poverty_2'
  | 'illness_poverty'
  | 'temp_relief_illness'
  | 'monitored_rural'
  | 'returned_poverty'
  | 'orphan'
  | 'de_facto_orphan'
  | 'child_in_distress'
  | 'special_relief'
  | 'entitled_veteran'
  | 'retrenched_1960s'
  | 'hardship_worker'
  | 'severe_disability'
  | 'returnee';

export type EpisodeKind = 'inpatient' | 'outpatient' | 'outpatient_special';
export type HospitalLevel = 1 | 2 | 3;
export type EpisodeLocation = 'local' | 'province' | 'elsewhere';

export interface ParamValue {
  value: number;
  source: string;
  effectiveFrom?: string;
  demo?: boolean;
  version?: string;
}
export type ParamSet = Record<string, ParamValue>;

export interface EpisodeInput {
  id?: string;
  date: string;
  endDate?: string;
  kind: EpisodeKind;
  hospitalLevel?: HospitalLevel;
  specialDisease?: boolean;
  referred?: boolean;
  location?: EpisodeLocation;
  offsiteFiled?: boolean;
  totalFen: number;
  policyFen: number;
  basicPaidFen?: number;
  criticalPaidFen?: number;
  supplementaryPaidFen?: number;
}

export interface CategoryPeriod {
  code: CategoryCode;
  from?: string;
  to?: string;
}

export interface PersonInput {
  categories: (CategoryCode | CategoryPeriod)[];
  hasEmployeeInsuranceElsewhere?: boolean;
  homeDeductibleFen?: number;
}

export interface EstimateInput {
  region: RegionCode;
  year: number;
  person: PersonInput;
  episodes: EpisodeInput[];
  parameters: ParamSet;
}

export interface TraceRow {
  step: string;
  text: string;
  source: string;
}

export interface EpisodeResult {
  id: string;
  selfPayPolicyFen: number;
  assistanceFen: number;
  tiltFen: number;
  outOfPocketFen: number;
  pool: string | null;
  assisted: boolean;
  reasons: string[];
}

export interface EstimateTotals {
  selfPayPolicyFen: number;
  assistanceFen: number;
  assistanceMaxFen: number;
  tiltFen: number;
  outOfPocketFen: number;
}

export interface PoolUsage {
  pool: string;
  limitFen: number | null;
  usedFen: number;
  remainingFen: number | null;
}

/** Exactly the docs/api.md 200 response of POST /api/v1/estimate. */
export interface EstimateResult {
  region: RegionCode;
  year: number;
  category: CategoryCode | null;
  computable: boolean;
  episodes: EpisodeResult[];
  totals: EstimateTotals;
  pools: PoolUsage[];
  missingParameters: string[];
  /**
   * Facts of the person the result needed and was not given (an addition to docs/api.md: shanghai-mutual-aid lists
   * `hasEmployeeInsuranceElsewhere` when an inpatient stay depends on it, 002 五(三)). Empty everywhere else.
   */
  missingFacts: string[];
  trace: TraceRow[];
}

export type DisabilityType = 'limb' | 'intellectual' | 'mental' | 'visual' | 'hearing' | 'speech' | 'multiple';

export interface HouseholdFacts {
  size?: number;
  annualDisposableIncomeFen?: number;
  monthlyPerCapitaIncomeAfterNecessaryFen?: number;
  assetsWithinLimit?: boolean;
  medicalOutOfPocket12mFen?: number;
}

export interface DisabilityFacts {
  grade?: 1 | 2 | 3 | 4;
  type?: DisabilityType;
  employed?: boolean;
}

export interface EligibilityFacts {
  hukouLocal?: boolean;
  insuredLocal?: boolean;
  age?: number;
  certifications?: CategoryCode[];
  household?: HouseholdFacts;
  disability?: DisabilityFacts;
  returnee?: boolean;
  /** shanghai-mutual-aid (002 五(三)): employee basic insurance in the other province or at the former employer. */
  hasEmployeeInsuranceElsewhere?: boolean;
}

export interface EligibilityInput {
  region: RegionCode;
  date: string;
  facts: EligibilityFacts;
  parameters: ParamSet;
}

export interface EligibilityCategory {
  code: CategoryCode;
  basis: 'certified' | 'computed';
  reasons: string[];
}

export type PremiumSubsidyKind = 'full' | 'fixed' | 'percent' | 'none';

export interface PremiumSubsidy {
  kind: PremiumSubsidyKind;
  percent?: number;
  reasons: string[];
}

/** Exactly the docs/api.md 200 response of POST /api/v1/eligibility. */
export interface EligibilityResult {
  region: RegionCode;
  eligible: boolean;
  categories: EligibilityCategory[];
  primary: CategoryCode | null;
  premiumSubsidy: PremiumSubsidy;
  applicationRequired: boolean;
  documents: string[];
  missingFacts: string[];
  missingParameters: string[];
  trace: TraceRow[];
}

export type ParamUnit = 'fen' | 'percent';

export interface RegionDocument {
  file: string;
  titleZh: string;
  number: string | null;
  inForceFrom: string;
  inForceTo?: string;
}

export interface RegionInfo {
  code: RegionCode;
  nameZh: string;
  document: RegionDocument;
  categories: { code: CategoryCode; nameZh: string; explanationZh: string }[];
  /** `categoryLimitParams`: per-category limits the pool accepts (000 二(二)4 分类设定), each winning over `limitParam`. */
  pools: { pool: string; nameZh: string; limitFen: number | null; limitParam?: string; categoryLimitParams?: string[] }[];
  parameters: { name: string; unit: ParamUnit; descriptionZh: string; source: string }[];
  /** Episode kinds this region's assistance covers; other kinds are accepted and reported as not covered. */
  episodeKinds: EpisodeKind[];
}
