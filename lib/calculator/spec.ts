// The shape every region or programme file fills in. The pipeline and the eligibility check read only this.
import type { Figure, FixedTable, IndexedRow } from './params';
import type {
  CategoryCode,
  EligibilityFacts,
  EpisodeKind,
  EpisodeLocation,
  HospitalLevel,
  ParamSet,
  PersonInput,
  RegionCode,
  RegionDocument,
  TraceRow,
} from './types';

/** An episode after defaults, sanitising and the insurance-first step. */
export interface Ep {
  index: number;
  id: string;
  date: string;
  endDate: string;
  kind: EpisodeKind;
  level: HospitalLevel;
  specialDisease: boolean;
  referred: boolean;
  location: EpisodeLocation;
  offsiteFiled: boolean;
  totalFen: number;
  policyFen: number;
  basicFen: number;
  criticalFen: number;
  supplementaryFen: number;
  selfPayFen: number;
  /** What the person actually paid after every insurance payment: `totalFen` − basic − critical − supplementary. */
  paidFen: number;
  label: string;
}

/** Whether a step lets the episode through, and the plain-Chinese reason either way. */
export interface GateOutcome {
  ok: boolean;
  text: string;
  source: string;
}

/** Where a figure comes from: a row of the region's fixed table, or a staff-set parameter. */
export type ValueRef = { row: string } | { param: string };

export interface PoolSpec {
  pool: string;
  nameZh: string;
  limit: ValueRef;
  /**
   * 000 二(二)4 "分类设定…年度救助限额": categories that may have a limit of their own in this pool, a staff-set
   * parameter named `<limit.param>.<category>` (for example `annualLimitFen.inpatient.dibao`). A category's own limit
   * wins; without one the pool's limit applies. Only for a pool whose limit is a parameter.
   */
  perCategory?: readonly CategoryCode[];
}

export interface PoolChoice {
  pool: string | null;
  text: string;
  source: string;
}

/** Regions whose assistance is "deductible → ratio → pool limit" (national, shanghai, wuxi, chongqing-shapingba). */
export interface StandardRules {
  /** `tracing` false: the text is not shown, so amounts need not be formatted into it. */
  poolOf(ep: Ep, tracing: boolean): PoolChoice;
  /** Deductible as a percent of a staff-set income figure (003 四(五)); absent → `noDeductible` explains why. */
  deductible?: { row: string; incomeParam: string };
  noDeductible?: { text: string; source: string };
}

export interface TiltSpec {
  nameZh: string;
  gate(ep: Ep): GateOutcome;
  threshold: ValueRef;
  /** A row is looked up by the episode's category. */
  ratio: ValueRef;
  pool?: string;
  source: string;
}

/** A category the eligibility check can work out from facts (its definition, with the clause in its traces). */
export interface ComputedRule {
  codes: readonly CategoryCode[];
  source: string;
  /** Fact paths the definition reads: if the person told us none of them and already holds a category, it is skipped. */
  facts: readonly string[];
  /** What to bring when the category is computed rather than certified. */
  documentsZh: readonly string[];
  evaluate(facts: EligibilityFacts, params: ParamSet, ctx: EligibilityCtx): Partial<Record<CategoryCode, boolean | undefined>>;
}

export interface EligibilityCtx {
  date: string;
  missingFact(path: string): void;
  missingParam(name: string): void;
  say(step: string, text: string, source: string): void;
  reason(code: CategoryCode, text: string): void;
}

export interface Prerequisite {
  fact: 'hukouLocal' | 'insuredLocal';
  /** The value that meets the condition (default true; 002 前言: the plan is for people outside Shanghai's insurance). */
  pass?: boolean;
  /** Said when the condition is met / not met. */
  yesZh: string;
  noZh: string;
  /** The question when the fact is missing (default: yesZh turned into a question). */
  askZh?: string;
  source: string;
}

/**
 * A fact that does not decide eligibility but decides which benefit rule applies to a holder of `categories`
 * (002 五(三): with or without employee insurance elsewhere). Missing → listed in missingFacts, never assumed.
 */
export interface BenefitFact {
  fact: 'hasEmployeeInsuranceElsewhere';
  categories: readonly CategoryCode[];
  yesZh: string;
  noZh: string;
  askZh: string;
  source: string;
}

export interface EligibilitySpec {
  prerequisites: readonly Prerequisite[];
  computed: readonly ComputedRule[];
  benefitFacts?: readonly BenefitFact[];
  /** Certified categories that get assistance without applying; 'all' = every certified category. */
  direct: readonly CategoryCode[] | 'all';
  directSource: string;
  /** Categories the region names only for the premium subsidy, not for assistance. */
  premiumOnly?: readonly CategoryCode[];
  /** Extra documents this region or programme asks for (beyond the usual list in lib/calculator/eligibility.ts). */
  extraDocuments?: readonly string[];
  hukouMatters: boolean;
  notEncodedZh?: { text: string; source: string };
  /** Other benefits worth telling a holder of these categories about (not part of the estimate). */
  extraNotes?: readonly { categories: readonly CategoryCode[]; text: string; source: string }[];
}

export interface RegionSpec {
  code: RegionCode;
  nameZh: string;
  document: RegionDocument;
  table: FixedTable;
  inForceSource: string;
  /** Categories the document names, highest benefit first (the order used for 就高不重复 ties and fallbacks). */
  categories: readonly CategoryCode[];
  notComputable: Partial<Record<CategoryCode, { text: string; source: string }>>;
  episodeKinds: readonly EpisodeKind[];
  /** The outcome for an episode kind the region does not cover (ok: false). */
  kindRefusal: GateOutcome;
  clauses: { insurance: string; category: string; multi: string };
  /** 001 四(八): loss takes effect from the next month; a stay keeps or gains the category held during it. */
  stayRule: boolean;
  gate(ep: Ep): GateOutcome;
  /**
   * What an episode's assistance may be paid on: 'policy' (the policy-range self-pay, the rule everywhere: 000 四 自负医疗费用)
   * or 'paid' (everything the person paid, out-of-catalogue cost included: 002 五(三) without employee insurance).
   * Absent → 'policy'. The result never exceeds this base.
   */
  base?(ep: Ep, person: PersonInput): 'policy' | 'paid';
  pools: readonly PoolSpec[];
  assist(run: Run, ep: Ep, cat: CategoryCode): number;
  tilt?: TiltSpec;
  eligibility: EligibilitySpec;
}

/** What every pass over one person-year reads, looked up once rather than per episode and per pass. */
export interface Lookups {
  /** The region's fixed rows by name (built once per region). */
  rows: ReadonlyMap<string, readonly IndexedRow[]>;
  /** This request's staff-set parameters, resolved on first use (a region reads a handful: a list beats hashing). */
  staff: { name: string; figure: Figure | undefined }[];
  /** Each pool's annual limit for the year, in the order of `spec.pools`; null = not set. */
  limits: readonly (number | null)[];
}

/** State of one pass over a person-year (one plan, one end of the ranges). */
export interface Run {
  spec: RegionSpec;
  year: number;
  params: ParamSet;
  person: PersonInput;
  high: boolean;
  tracing: boolean;
  trace: TraceRow[];
  reasons: string[];
  label: string;
  missing: string[];
  /** Facts of the person the result needed and was not given (002 五(三): `hasEmployeeInsuranceElsewhere`). */
  missingFacts: string[];
  rangeUsed: boolean;
  lookups: Lookups;
  /**
   * Each pool's annual limit (null = not set) and what this pass has used of it, in the order of `spec.pools`. With
   * per-category limits, `limit` is the highest limit applied this year (null once an episode met no limit at all), so
   * `used ≤ limit` always holds; `seen` says whether any episode has used the pool yet.
   */
  pools: { pool: string; limit: number | null; used: number; seen: boolean }[];
  pool: string | null;
  deductibleUsed: number;
  tiltRunning: number;
  /** Running totals a programme keeps for itself (002: allowance used, cash paid, inpatient cumulative). */
  counters: { a: number; b: number; c: number; d: number };
}
