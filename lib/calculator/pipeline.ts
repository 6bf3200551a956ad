// The person-year pipeline ("先保险后救助", 003 三(三)): insurance first → coverage gate →
// deductible → ratio → pool limit → tilt → totals, episodes in date order, one category per episode,
// the year computed under each category held and the best one used (就高不重复, 000 二(一), 001 四(八)).
// The steps themselves (trace, figures, pools, standard assistance, tilt) are the region authors' toolkit, steps.ts.
import { categoryName, isCategoryCode } from './categories';
import { endOfMonth, withinDates } from './dates';
import { formatYuan, toFen } from './money';
import { paramValue, rowAt, rowIndex } from './params';
import type { Ep, GateOutcome, Lookups, Run, RegionSpec } from './spec';
import { categoryLimitParam, KIND_ZH, say, tiltStep } from './steps';
import type {
  CategoryCode,
  CategoryPeriod,
  EpisodeInput,
  EpisodeResult,
  EstimateInput,
  EstimateResult,
  PoolUsage,
  TraceRow,
} from './types';

const NO_REASONS: string[] = [];

/** Looked up once per person-year; every pass reads them for every episode. */
function lookupsFor(spec: RegionSpec, input: EstimateInput): Lookups {
  const limits = spec.pools.map((p) =>
    'row' in p.limit
      ? (rowAt(spec.table, p.limit.row, `${input.year}-12-31`)?.value ?? null)
      : (paramValue(input.parameters, p.limit.param) ?? null),
  );
  return { rows: rowIndex(spec.table), staff: [], limits };
}

// ---------------------------------------------------------------------------------------------
// Episodes and categories

function normalizeEpisodes(list: readonly EpisodeInput[], tracing: boolean): Ep[] {
  const eps = list.map((e, index): Ep => {
    const totalFen = toFen(e.totalFen);
    const policyFen = Math.min(toFen(e.policyFen), totalFen);
    const basicFen = Math.min(toFen(e.basicPaidFen), policyFen);
    const criticalFen = Math.min(toFen(e.criticalPaidFen), policyFen - basicFen);
    const supplementaryFen = Math.min(toFen(e.supplementaryPaidFen), policyFen - basicFen - criticalFen);
    const given = typeof e.id === 'string' && e.id !== '';
    const id = given ? (e.id as string) : String(index);
    const date = String(e.date);
    const endDate = typeof e.endDate === 'string' && e.endDate > date ? e.endDate : date;
    return {
      index,
      id,
      date,
      endDate,
      kind: e.kind,
      level: e.hospitalLevel ?? 2,
      specialDisease: e.specialDisease ?? false,
      referred: e.referred ?? true,
      location: e.location ?? 'local',
      offsiteFiled: e.offsiteFiled ?? false,
      totalFen,
      policyFen,
      basicFen,
      criticalFen,
      supplementaryFen,
      selfPayFen: policyFen - basicFen - criticalFen - supplementaryFen,
      paidFen: totalFen - basicFen - criticalFen - supplementaryFen,
      // Without an id of the caller's, the visit is named by its date alone (an index would read as an amount).
      label: tracing ? (given ? `${id}（${date} ${KIND_ZH[e.kind] ?? e.kind}）：` : `${date} ${KIND_ZH[e.kind] ?? e.kind}：`) : '',
    };
  });
  return inDateOrder(eps);
}

function byDate(a: Ep, b: Ep): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index;
}

/**
 * Episodes in date order, ties in input order. A person-year's bills are few and mostly in order already: an insertion
 * sort needs one string comparison per step where sort() calls the comparator (a measurable share of a batch run).
 */
function inDateOrder(eps: Ep[]): Ep[] {
  if (eps.length > 64) return eps.sort(byDate);
  for (let i = 1; i < eps.length; i++) {
    const ep = eps[i]!;
    let j = i;
    for (; j > 0 && eps[j - 1]!.date > ep.date; j--) eps[j] = eps[j - 1]!;
    eps[j] = ep;
  }
  return eps;
}

/** How a held category reaches an episode. */
enum Reach {
  No = 0,
  Plain = 1,
  /** 001 四(八): lost earlier this month, assistance stops only from the next month. */
  ThisMonth = 2,
  /** 001 四(八): lost during the stay, the stay keeps it. */
  KeptForStay = 3,
  /** 001 四(八): gained during the stay, the whole stay gets it. */
  GainedInStay = 4,
}

function reach(spec: RegionSpec, p: CategoryPeriod, ep: Ep): Reach {
  if (!spec.stayRule) return withinDates(ep.date, p.from, p.to) ? Reach.Plain : Reach.No;
  const end = ep.kind === 'inpatient' ? ep.endDate : ep.date;
  const effectiveTo = p.to === undefined ? undefined : endOfMonth(p.to);
  if ((p.from !== undefined && end < p.from) || (effectiveTo !== undefined && ep.date > effectiveTo)) return Reach.No;
  if (p.from !== undefined && ep.date < p.from) return Reach.GainedInStay;
  if (p.to !== undefined && ep.date > p.to) return Reach.ThisMonth;
  if (p.to !== undefined && end > p.to) return Reach.KeptForStay;
  return Reach.Plain;
}

function reachOf(spec: RegionSpec, periods: readonly CategoryPeriod[], ep: Ep): Reach {
  let best = Reach.No;
  for (const p of periods) {
    const r = reach(spec, p, ep);
    if (r === Reach.Plain) return r;
    if (r !== Reach.No) best = r;
  }
  return best;
}

const REACH_ZH: Record<Reach, string> = {
  [Reach.No]: '',
  [Reach.Plain]: '',
  [Reach.ThisMonth]: '身份在本月丧失，按规定次月起才停止救助，本次仍按',
  [Reach.KeptForStay]: '住院期间丧失身份，当次住院仍按原身份',
  [Reach.GainedInStay]: '住院期间取得身份，当次住院起即按',
};

function periodText(p: CategoryPeriod): string {
  if (p.from === undefined && p.to === undefined) return '全年';
  return `${p.from ?? '年初'}至${p.to ?? '年末'}`;
}

function overlapsYear(spec: RegionSpec, p: CategoryPeriod, year: number): boolean {
  const to = p.to !== undefined && spec.stayRule ? endOfMonth(p.to) : p.to;
  return (p.from === undefined || p.from <= `${year}-12-31`) && (to === undefined || to >= `${year}-01-01`);
}

/** Per episode: the category it is computed under, how that category reaches it, and why not if it cannot be computed. */
interface Plan {
  primary: CategoryCode | null;
  cats: (CategoryCode | null)[];
  reach: Reach[];
  notComputable: (NotComputable | undefined)[];
}

type NotComputable = NonNullable<RegionSpec['notComputable'][CategoryCode]>;

/** A plan for the year led by one category the person holds (other held categories fill the gaps in its dates). */
type Candidate = Plan & { primary: CategoryCode };

// ---------------------------------------------------------------------------------------------
// One pass over the year

interface PassOut {
  run: Run;
  assistance: number[];
  tilt: number[];
  pools: (string | null)[];
  /** Per episode, only when tracing. */
  reasons: string[][];
  assistanceFen: number;
  tiltFen: number;
}

/**
 * The gates in order; the last one is the region's coverage gate, whose text is traced when it lets the episode through.
 * `coverage` is the outcome of the gates after the category's, which every pass shares.
 */
function check(run: Run, ep: Ep, cat: CategoryCode | null, nc: NotComputable | undefined, coverage: GateOutcome): GateOutcome {
  const spec = run.spec;
  if (baseOf(spec, ep, run.person) === 'paid') {
    // 002 五(三): the base is what the person paid, out-of-catalogue cost included.
    if (ep.paidFen === 0) return { ok: false, text: '医保支付后个人没有需要负担的费用，没有需要补助的费用', source: spec.clauses.insurance };
  } else if (ep.selfPayFen === 0) {
    return { ok: false, text: '政策范围内个人自付为 0 元，没有需要救助的费用', source: spec.clauses.insurance };
  }
  if (cat === null) {
    const text = run.tracing ? `就医时（${ep.date}）您没有${spec.nameZh}医疗救助认可的救助对象身份，本次不予救助` : '';
    return { ok: false, text, source: spec.clauses.category };
  }
  if (nc) return { ok: false, text: nc.text, source: nc.source };
  return coverage;
}

/** The gates that do not depend on the category: document in force, kind covered, the region's own gate. */
function coverageOf(spec: RegionSpec, ep: Ep): GateOutcome {
  const doc = spec.document;
  if (ep.date < doc.inForceFrom) {
    return { ok: false, text: `就医时文件尚未施行（${doc.inForceFrom} 起施行），本次不按本文件救助`, source: spec.inForceSource };
  }
  if (doc.inForceTo !== undefined && ep.date > doc.inForceTo) {
    return { ok: false, text: `文件有效期至 ${doc.inForceTo}，本次就医已不在有效期内`, source: spec.inForceSource };
  }
  if (!spec.episodeKinds.includes(ep.kind)) return spec.kindRefusal;
  return spec.gate(ep);
}

/** One person-year as every pass reads it. */
interface PersonYear {
  spec: RegionSpec;
  input: EstimateInput;
  eps: readonly Ep[];
  /** Per episode, checked once for all passes: the coverage gates, and the tilt's gate (if the region has a tilt). */
  coverage: readonly GateOutcome[];
  tiltGate: readonly GateOutcome[];
  lookups: Lookups;
}

function runPass(personYear: PersonYear, plan: Plan, high: boolean, tracing: boolean, trace: TraceRow[]): PassOut {
  const { spec, input, eps, lookups } = personYear;
  const run: Run = {
    spec,
    year: input.year,
    params: input.parameters,
    person: input.person,
    high,
    tracing,
    trace,
    reasons: NO_REASONS,
    label: '',
    missing: [],
    missingFacts: [],
    rangeUsed: false,
    lookups,
    // Before any episode uses a pool, its reported limit is the one for the plan's leading category (000 二(二)4).
    pools: spec.pools.map((p, k) => {
      const own = categoryLimitParam(spec, p.pool, plan.primary);
      const v = own === undefined ? undefined : paramValue(input.parameters, own);
      return { pool: p.pool, limit: v ?? lookups.limits[k]!, used: 0, seen: false };
    }),
    pool: null,
    deductibleUsed: 0,
    tiltRunning: 0,
    counters: { a: 0, b: 0, c: 0, d: 0 },
  };
  const n = eps.length;
  const out: PassOut = { run, assistance: new Array(n), tilt: new Array(n), pools: new Array(n), reasons: [], assistanceFen: 0, tiltFen: 0 };
  for (let i = 0; i < n; i++) {
    const ep = eps[i]!;
    const cat = plan.cats[i]!;
    run.pool = null;
    if (tracing) {
      run.label = ep.label;
      run.reasons = [];
      say(run, 'insurance', insuranceText(ep, baseOf(spec, ep, run.person) === 'paid'), spec.clauses.insurance);
      const r = plan.reach[i]!;
      if (cat !== null && (cat !== plan.primary || r >= Reach.ThisMonth)) {
        const how = REACH_ZH[r] || '这次就医时按您当时持有的身份';
        say(run, 'category', `${how}“${categoryName(cat)}”计算`, r >= Reach.ThisMonth ? '001 四(八)' : spec.clauses.multi, true);
      }
    }
    let assistance = 0;
    let tilt = 0;
    const gate = check(run, ep, cat, plan.notComputable[i], personYear.coverage[i]!);
    if (tracing) say(run, 'gate', gate.text, gate.source, !gate.ok);
    if (gate.ok && cat !== null) {
      assistance = spec.assist(run, ep, cat);
      if (spec.tilt) tilt = tiltStep(run, ep, cat, ep.selfPayFen - assistance, personYear.tiltGate[i]!);
    }
    out.assistance[i] = assistance;
    out.tilt[i] = tilt;
    out.pools[i] = run.pool;
    if (tracing) out.reasons.push(run.reasons);
    out.assistanceFen += assistance;
    out.tiltFen += tilt;
  }
  run.label = '';
  return out;
}

/** The base an episode's assistance is paid on (RegionSpec.base; 'policy' unless the region says otherwise). */
function baseOf(spec: RegionSpec, ep: Ep, person: Run['person']): 'policy' | 'paid' {
  return spec.base ? spec.base(ep, person) : 'policy';
}

/** `paidBase`: 002 五(三) pays on what the person paid, so out-of-catalogue cost is part of the base there. */
function insuranceText(ep: Ep, paidBase: boolean): string {
  const outOfCatalog = ep.totalFen - ep.policyFen;
  return (
    `总费用 ${formatYuan(ep.totalFen)} 元，其中政策范围内 ${formatYuan(ep.policyFen)} 元；基本医保支付 ${formatYuan(ep.basicFen)} 元，` +
    `大病保险支付 ${formatYuan(ep.criticalFen)} 元，其他补充保障支付 ${formatYuan(ep.supplementaryFen)} 元，` +
    `先保险后救助，政策范围内个人自付 ${formatYuan(ep.selfPayFen)} 元` +
    (outOfCatalog > 0
      ? paidBase
        ? `；目录外费用 ${formatYuan(outOfCatalog)} 元 也计入（个人实际负担共 ${formatYuan(ep.paidFen)} 元）`
        : `；目录外费用 ${formatYuan(outOfCatalog)} 元不属于救助范围`
      : '')
  );
}

// ---------------------------------------------------------------------------------------------
// The person-year

export interface EstimateOptions {
  /** false: amounts only, with empty `trace` and `reasons` (batch runs); default true. */
  trace?: boolean;
}

/** A person-level note in the trace (the region's view of the categories held). */
function note(trace: TraceRow[], text: string, source: string): void {
  trace.push({ step: 'category', text, source });
}

export function estimateWith(spec: RegionSpec, input: EstimateInput, options: EstimateOptions = {}): EstimateResult {
  const tracing = options.trace !== false;
  const eps = normalizeEpisodes(input.episodes, tracing);
  const tilt = spec.tilt;
  const personYear: PersonYear = {
    spec,
    input,
    eps,
    coverage: eps.map((ep) => coverageOf(spec, ep)),
    tiltGate: tilt ? eps.map((ep) => tilt.gate(ep)) : [],
    lookups: lookupsFor(spec, input),
  };
  const trace: TraceRow[] = [];
  const held = new Map<CategoryCode, CategoryPeriod[]>();
  for (const c of input.person.categories) {
    const p: CategoryPeriod = typeof c === 'string' ? { code: c } : c;
    if (!isCategoryCode(p.code)) continue;
    const list = held.get(p.code);
    if (list) list.push(p);
    else held.set(p.code, [p]);
  }

  const namedThisYear: CategoryCode[] = [];
  for (const [code, periods] of held) {
    if (!spec.categories.includes(code)) {
      if (tracing) note(trace, `“${categoryName(code)}”不是${spec.nameZh}医疗救助的对象类别，不参与计算`, spec.clauses.category);
    } else if (!periods.some((p) => overlapsYear(spec, p, input.year))) {
      if (tracing) note(trace, `“${categoryName(code)}”身份（${periods.map(periodText).join('、')}）不在 ${input.year} 年内，不参与计算`, spec.clauses.category);
    } else {
      namedThisYear.push(code);
    }
  }
  namedThisYear.sort((a, b) => spec.categories.indexOf(a) - spec.categories.indexOf(b));
  const computable = namedThisYear.filter((c) => !spec.notComputable[c]);

  if (computable.length === 0) {
    const fallback = namedThisYear[0] ?? null;
    const nc = fallback && spec.notComputable[fallback];
    if (tracing) {
      if (nc) note(trace, nc.text, nc.source);
      else note(trace, `您没有${spec.nameZh}医疗救助认可的救助对象身份，本年度不能获得医疗救助`, spec.clauses.category);
    }
    const plan: Plan = fallback
      ? buildPlan(spec, held, eps, fallback)
      : { primary: null, cats: eps.map(() => null), reach: eps.map(() => Reach.No), notComputable: eps.map(() => undefined) };
    const pass = runPass(personYear, plan, false, tracing, trace);
    return assemble(personYear, fallback, !nc, pass, trace, 0);
  }

  const plans = computable.map((primary) => buildPlan(spec, held, eps, primary));
  let chosen = plans[0]!;
  let chosenPass: PassOut | undefined;
  if (plans.length > 1) {
    let best = -1;
    for (const plan of plans) {
      // Categories come highest benefit first, so the first plan usually wins: its trace is kept aside as it runs
      // (it is shown after these notes), so that the winner rarely has to run again to be traced.
      const traced = tracing && plan === plans[0];
      const pass = runPass(personYear, plan, false, traced, []);
      const total = pass.assistanceFen + pass.tiltFen;
      if (tracing) note(trace, `按“${categoryName(plan.primary)}”计算，全年预计救助 ${formatYuan(total)} 元`, spec.clauses.multi);
      if (total > best) {
        best = total;
        chosen = plan;
        chosenPass = pass;
      }
    }
    if (tracing) note(trace, `您同时持有多个身份，按就高不重复原则采用“${categoryName(chosen.primary)}”，不同身份的待遇不叠加`, spec.clauses.multi);
  } else if (tracing) {
    note(trace, `按“${categoryName(chosen.primary)}”计算`, spec.clauses.category);
  }

  // The winning candidate's pass is the answer if it ran with the trace this result needs.
  const main = chosenPass?.run.tracing === tracing ? chosenPass : runPass(personYear, chosen, false, tracing, trace);
  if (main === chosenPass) for (const row of main.run.trace) trace.push(row);
  const generous = main.run.rangeUsed ? runPass(personYear, chosen, true, false, []) : main;
  // assistanceMaxFen is part of the result: what its pass needed and lacked is missing too (docs/api.md).
  for (const name of generous.run.missing) if (!main.run.missing.includes(name)) main.run.missing.push(name);
  for (const name of generous.run.missingFacts) if (!main.run.missingFacts.includes(name)) main.run.missingFacts.push(name);
  return assemble(personYear, chosen.primary, true, main, trace, Math.max(generous.assistanceFen, main.assistanceFen));
}

function buildPlan(spec: RegionSpec, held: Map<CategoryCode, CategoryPeriod[]>, eps: readonly Ep[], primary: CategoryCode): Candidate {
  const cats = new Array<CategoryCode | null>(eps.length);
  const reaches = new Array<Reach>(eps.length);
  const notComputable = new Array<NotComputable | undefined>(eps.length);
  const own = held.get(primary)!;
  const ownNotComputable = spec.notComputable[primary];
  for (let i = 0; i < eps.length; i++) {
    const ep = eps[i]!;
    let r = reachOf(spec, own, ep);
    let cat: CategoryCode | null = r === Reach.No ? null : primary;
    for (let k = 0; cat === null && k < spec.categories.length; k++) {
      const code = spec.categories[k]!;
      const periods = held.get(code);
      if (periods) {
        r = reachOf(spec, periods, ep);
        if (r !== Reach.No) cat = code;
      }
    }
    cats[i] = cat;
    reaches[i] = r;
    notComputable[i] = cat === primary ? ownNotComputable : cat === null ? undefined : spec.notComputable[cat];
  }
  return { primary, cats, reach: reaches, notComputable };
}

function assemble(
  { spec, input, eps }: PersonYear,
  category: CategoryCode | null,
  computable: boolean,
  pass: PassOut,
  trace: TraceRow[],
  assistanceMaxFen: number,
): EstimateResult {
  const episodes: EpisodeResult[] = new Array(eps.length);
  let selfPay = 0;
  let outOfPocket = 0;
  for (let i = 0; i < eps.length; i++) {
    const ep = eps[i]!;
    const a = pass.assistance[i]!;
    const t = pass.tilt[i]!;
    const oop = ep.totalFen - ep.basicFen - ep.criticalFen - ep.supplementaryFen - a - t;
    selfPay += ep.selfPayFen;
    outOfPocket += oop;
    episodes[ep.index] = {
      id: ep.id,
      selfPayPolicyFen: ep.selfPayFen,
      assistanceFen: a,
      tiltFen: t,
      outOfPocketFen: oop,
      pool: pass.pools[i]!,
      assisted: a + t > 0,
      reasons: pass.run.tracing ? pass.reasons[i]! : [],
    };
  }
  const run = pass.run;
  const tracing = run.tracing;
  const totals = {
    selfPayPolicyFen: selfPay,
    assistanceFen: pass.assistanceFen,
    assistanceMaxFen,
    tiltFen: pass.tiltFen,
    outOfPocketFen: outOfPocket,
  };
  if (tracing && assistanceMaxFen > pass.assistanceFen) {
    trace.push({
      step: 'range',
      text: `文件只给出了范围，预计金额按较低标准计算为 ${formatYuan(pass.assistanceFen)} 元；按较高标准最高可达 ${formatYuan(assistanceMaxFen)} 元，以经办部门核定为准`,
      source: spec.clauses.category,
    });
  }
  if (tracing && run.missing.length > 0) {
    trace.push({
      step: 'missing',
      text: `以下参数尚未由经办部门设定，相关金额暂未计入或暂按不封顶计算：${run.missing.join('、')}`,
      source: spec.clauses.category,
    });
  }
  if (tracing && run.missingFacts.length > 0) {
    trace.push({
      step: 'missing',
      text: `以下个人情况没有提供，相关金额暂未计入预计金额：${run.missingFacts.join('、')}`,
      source: spec.clauses.category,
    });
  }
  if (tracing) trace.push({
    step: 'total',
    text: `全年政策范围内个人自付 ${formatYuan(selfPay)} 元，预计救助 ${formatYuan(pass.assistanceFen)} 元，倾斜救助 ${formatYuan(pass.tiltFen)} 元，个人仍需负担 ${formatYuan(outOfPocket)} 元（含目录外费用）`,
    source: spec.clauses.insurance,
  });
  return {
    region: spec.code,
    year: input.year,
    category,
    computable,
    episodes,
    totals,
    pools: poolUsage(spec, run.pools),
    missingParameters: run.missing,
    missingFacts: run.missingFacts,
    trace,
  };
}

function poolUsage(spec: RegionSpec, pools: Run['pools']): PoolUsage[] {
  return spec.pools.map((p, k) => {
    const state = pools[k]!;
    const limitFen = state.limit;
    const usedFen = state.used;
    return { pool: p.pool, limitFen, usedFen, remainingFen: limitFen === null ? null : Math.max(0, limitFen - usedFen) };
  });
}

