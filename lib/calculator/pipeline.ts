// The person-year pipeline ("先保险后救助", 003 三(三)): insurance first → coverage gate →
// deductible → ratio → pool limit → tilt → totals, episodes in date order, one category per episode,
// the year computed under each category held and the best one used (就高不重复, 000 二(一), 001 四(八)).
import { categoryName, isCategoryCode } from './categories';
import { endOfMonth, withinDates } from './dates';
import { formatYuan, ratioOf, toFen } from './money';
import { firstRow, paramValue, rowAt, rowIndex, staffParam, type Figure, type RowQuery } from './params';
import type { Ep, GateOutcome, Lookups, Run, RegionSpec, StandardRules, ValueRef } from './spec';
import type {
  CategoryCode,
  CategoryPeriod,
  EpisodeInput,
  EpisodeKind,
  EpisodeResult,
  EstimateInput,
  EstimateResult,
  PoolUsage,
  TraceRow,
} from './types';

export const KIND_ZH: Record<EpisodeKind, string> = {
  inpatient: '住院',
  outpatient: '普通门急诊',
  outpatient_special: '门诊慢特病',
};

const NO_REASONS: string[] = [];

// ---------------------------------------------------------------------------------------------
// Trace helpers

/** Adds a trace row for the current episode; `reason` also lists the text among the episode's reasons. */
export function say(run: Run, step: string, text: string, source: string, reason = false): void {
  run.trace.push({ step, text: run.label + text, source });
  if (reason) run.reasons.push(text);
}

export function needParam(run: Run, name: string): void {
  if (!run.missing.includes(name)) run.missing.push(name);
}

export function pct(n: number): string {
  return `${n}%`;
}

// ---------------------------------------------------------------------------------------------
// Figures: fixed rows and staff-set parameters

/** Looked up once per person-year; every pass reads them for every episode. */
function lookupsFor(spec: RegionSpec, input: EstimateInput): Lookups {
  const limits = spec.pools.map((p) =>
    'row' in p.limit
      ? (rowAt(spec.table, p.limit.row, `${input.year}-12-31`)?.value ?? null)
      : (paramValue(input.parameters, p.limit.param) ?? null),
  );
  return { rows: rowIndex(spec.table), staff: [], limits };
}

/** A staff-set parameter as a figure; undefined when it is not set. */
function staffFigure(run: Run, name: string): Figure | undefined {
  const staff = run.lookups.staff;
  for (const s of staff) if (s.name === name) return s.figure;
  const v = paramValue(run.params, name);
  const figure = v === undefined ? undefined : { value: v, generous: v, source: run.params[name]!.source, noteZh: '', param: name };
  staff.push({ name, figure });
  return figure;
}

/** A figure from the region's table or a staff parameter; undefined (and listed as missing) when unset. */
export function figure(run: Run, ref: ValueRef, date: string, q?: RowQuery): Figure | undefined {
  if ('row' in ref) {
    const f = firstRow(run.lookups.rows.get(ref.row), date, q)?.figure;
    if (f && f.generous !== f.value) run.rangeUsed = true;
    return f;
  }
  const f = staffFigure(run, ref.param);
  if (!f) needParam(run, ref.param);
  return f;
}

/** The clause, and for a staff-set parameter where its value came from. */
function sourceOf(f: Figure, clause: string): string {
  return f.param ? `${clause}；参数来源：${f.source}` : f.source;
}

/** The figure at the end of the range this pass uses. */
export function pick(run: Run, f: Figure): number {
  return run.high ? f.generous : f.value;
}

function rangeText(f: Figure, used: number): string {
  if (f.generous === f.value) return pct(f.value);
  return `${pct(Math.min(f.value, f.generous))}–${pct(Math.max(f.value, f.generous))}（预计按 ${pct(used)} 计）`;
}

// ---------------------------------------------------------------------------------------------
// Pools

function poolName(run: Run, pool: string): string {
  return run.spec.pools.find((p) => p.pool === pool)?.nameZh ?? pool;
}

/** The name of a category's own limit in a pool (000 二(二)4 分类设定), or undefined where the pool has none. */
export function categoryLimitParam(spec: RegionSpec, pool: string, cat: CategoryCode | null): string | undefined {
  const p = spec.pools.find((x) => x.pool === pool);
  if (!p || cat === null || !p.perCategory?.includes(cat) || !('param' in p.limit)) return undefined;
  return `${p.limit.param}.${cat}`;
}

/** The limit that applies to `cat` in the pool: the category's own (if set) wins over the pool's (000 二(二)4). */
function limitFor(run: Run, k: number, cat: CategoryCode | null): { limit: number | null; param: string | undefined } {
  const own = categoryLimitParam(run.spec, run.spec.pools[k]!.pool, cat);
  const v = own === undefined ? undefined : paramValue(run.params, own);
  if (v !== undefined) return { limit: v, param: own };
  const spec = run.spec.pools[k]!;
  return { limit: run.lookups.limits[k]!, param: 'param' in spec.limit ? spec.limit.param : undefined };
}

/** Caps `amount` at what is left of the pool's annual limit for `cat`; an unset limit caps nothing and is listed. */
export function capByPool(run: Run, pool: string, amount: number, cat: CategoryCode | null): number {
  const k = run.spec.pools.findIndex((p) => p.pool === pool);
  let state = run.pools.find((s) => s.pool === pool);
  if (!state) run.pools.push((state = { pool, limit: null, used: 0, seen: false }));
  const { limit, param } = k < 0 ? { limit: null, param: undefined } : limitFor(run, k, cat);
  const used = state.used;
  // The reported limit: the first one applied, then the highest; null once an episode met none (used ≤ limit holds).
  if (amount > 0) {
    state.limit = !state.seen ? limit : state.limit === null || limit === null ? null : Math.max(state.limit, limit);
    state.seen = true;
  }
  // A category's own limit is named in the trace as such.
  const own = cat !== null && k >= 0 && param !== undefined && param !== poolParam(run, k);
  const name = own ? `${poolName(run, pool)}（${categoryName(cat)}）` : poolName(run, pool);
  if (limit === null) {
    // Neither the category's nor the pool's limit is set: the pool-level name is listed (its description names the
    // per-category option).
    if (amount > 0 && k >= 0 && 'param' in run.spec.pools[k]!.limit) needParam(run, poolParam(run, k)!);
    if (run.tracing && amount > 0) {
      say(run, 'limit', `${name}年度救助限额尚未设定，本次暂按不封顶计算`, limitSource(run, pool, undefined));
    }
    state.used = used + amount;
    return amount;
  }
  const room = Math.max(0, limit - used);
  const paid = Math.min(amount, room);
  if (run.tracing) {
    const head = `${name}年度救助限额 ${formatYuan(limit)} 元，此前已用 ${formatYuan(used)} 元，尚余 ${formatYuan(room)} 元`;
    const tail =
      paid < amount ? `；本次应救助 ${formatYuan(amount)} 元，达到限额，只能救助 ${formatYuan(paid)} 元` : '，本次未超过限额';
    say(run, 'limit', head + tail, limitSource(run, pool, param), paid < amount);
  }
  state.used = used + paid;
  return paid;
}

function poolParam(run: Run, k: number): string | undefined {
  const l = run.spec.pools[k]!.limit;
  return 'param' in l ? l.param : undefined;
}

/** The clause, and where the limit's value came from (`param`: the parameter actually used, if any). */
function limitSource(run: Run, pool: string, param: string | undefined): string {
  const spec = run.spec.pools.find((p) => p.pool === pool);
  if (!spec) return run.spec.clauses.category;
  if ('row' in spec.limit) return rowAt(run.spec.table, spec.limit.row, `${run.year}-12-31`)?.source ?? '';
  const name = param ?? spec.limit.param;
  const clause = staffParam(run.spec.code, name)?.source ?? run.spec.clauses.category;
  const set = run.params[name];
  return `${clause}；参数来源：${set ? set.source : `${name}（尚未设定）`}`;
}

// ---------------------------------------------------------------------------------------------
// Standard assistance: deductible → ratio → pool limit

const RATIO: ValueRef = { row: 'ratio' };

/** The ratio step shared by every region: `base × ratio of the category`, rounded once. `what` names the base in the trace. */
export function ratioStep(run: Run, ep: Ep, cat: CategoryCode, base: number, what: string): number {
  const f = figure(run, RATIO, ep.date, { category: cat, kind: ep.kind });
  if (!f) {
    if (run.tracing) say(run, 'ratio', `文件没有给出${categoryName(cat)}的救助比例，本次不予救助`, run.spec.clauses.category, true);
    return 0;
  }
  const p = Math.min(100, pick(run, f));
  const amount = ratioOf(base, p);
  if (run.tracing) {
    const text =
      f.value === 0 && f.generous === 0
        ? f.noteZh
        : `${what} ${formatYuan(base)} 元，${categoryName(cat)}按 ${rangeText(f, p)} 救助 → ${formatYuan(amount)} 元`;
    say(run, 'ratio', text, f.source, true);
  }
  return amount;
}

function deductibleStep(run: Run, rules: StandardRules, ep: Ep, cat: CategoryCode, selfPay: number): number {
  const d = rules.deductible;
  // `d` names its row, so it serves as the reference to it.
  const f = d && figure(run, d, ep.date, { category: cat });
  if (!d || !f) {
    if (run.tracing && rules.noDeductible) say(run, 'deductible', rules.noDeductible.text, rules.noDeductible.source);
    return selfPay;
  }
  const percent = pick(run, f);
  const income = percent > 0 ? staffFigure(run, d.incomeParam)?.value : undefined;
  let threshold = 0;
  if (percent > 0 && income === undefined) {
    needParam(run, d.incomeParam);
    // Unknown deductible: the estimate counts on nothing above it; the generous end assumes none.
    run.rangeUsed = true;
    threshold = run.high ? 0 : Number.POSITIVE_INFINITY;
  } else if (income !== undefined) {
    threshold = ratioOf(income, percent);
  }
  const room = Math.max(0, threshold - run.deductibleUsed);
  const within = Math.min(selfPay, room);
  run.deductibleUsed += within;
  if (run.tracing) {
    const how =
      percent === 0
        ? `${categoryName(cat)}不设年度救助起付标准`
        : income === undefined
          ? `年度救助起付标准按上年居民人均可支配收入的 ${pct(percent)} 确定，该收入数尚未设定：预计金额暂不计入本次救助，最高可达金额按不设起付标准计算`
          : `年度救助起付标准 = 上年居民人均可支配收入 ${formatYuan(income)} 元 × ${pct(percent)} = ${formatYuan(threshold)} 元`;
    const rest = within > 0 ? `；本次有 ${formatYuan(within)} 元 计入起付标准，其余 ${formatYuan(selfPay - within)} 元 进入救助` : '';
    // A range, or a deductible the document abolishes (003 四(五): the note names the ceiling for places that have not).
    const range = f.generous !== f.value || percent === 0 ? `（${f.noteZh}）` : '';
    say(run, 'deductible', how + range + rest, f.source, within > 0);
  }
  return selfPay - within;
}

/** Builds the `assist` step of a region whose rule is "deductible → ratio → pool limit". */
export function standardAssist(rules: StandardRules): RegionSpec['assist'] {
  return (run, ep, cat) => {
    const choice = rules.poolOf(ep, run.tracing);
    if (run.tracing) say(run, 'pool', choice.text, choice.source, choice.pool === null);
    if (choice.pool === null) return 0;
    run.pool = choice.pool;
    const base = deductibleStep(run, rules, ep, cat, ep.selfPayFen);
    const what = !run.tracing ? '' : base === ep.selfPayFen ? `${KIND_ZH[ep.kind]}政策范围内自付` : '扣除起付标准后的政策范围内自付';
    return capByPool(run, choice.pool, ratioStep(run, ep, cat, base, what), cat);
  };
}

// ---------------------------------------------------------------------------------------------
// Tilt on the year's cumulative residual (001 四(七), 004 二(三)3, 003 四(六))

/** The part of `amount` that lies above `threshold` once added to `before` (cumulative-threshold rules). */
export function partAbove(before: number, amount: number, threshold: number): number {
  return Math.max(0, before + amount - threshold) - Math.max(0, before - threshold);
}

/** `g` is the tilt's own gate for the episode, which every pass shares. */
function tiltStep(run: Run, ep: Ep, cat: CategoryCode, residual: number, g: GateOutcome): number {
  const t = run.spec.tilt!;
  if (!g.ok) {
    if (run.tracing) say(run, 'tilt', g.text, g.source);
    return 0;
  }
  const before = run.tiltRunning;
  run.tiltRunning += residual;
  if (residual <= 0) {
    if (run.tracing) say(run, 'tilt', `救助后本次没有剩余的个人负担，不需要${t.nameZh}`, t.source);
    return 0;
  }
  const threshold = figure(run, t.threshold, ep.date);
  const ratio = figure(run, t.ratio, ep.date, { category: cat });
  if (!threshold || !ratio) {
    if (run.tracing) say(run, 'tilt', `${t.nameZh}的标准尚未设定，暂不计算（已列入缺少的参数）`, t.source, true);
    return 0;
  }
  const limitFen = pick(run, threshold);
  const above = partAbove(before, residual, limitFen);
  const p = Math.min(100, pick(run, ratio));
  const amount = ratioOf(above, p);
  if (run.tracing) {
    const head = `${g.text}：本年累计救助后个人负担 ${formatYuan(run.tiltRunning)} 元（本次 ${formatYuan(residual)} 元）`;
    if (above === 0) say(run, 'tilt', `${head}，未超过 ${formatYuan(limitFen)} 元，暂无${t.nameZh}`, sourceOf(threshold, t.source));
    else say(run, 'tilt', `${head}，超过 ${formatYuan(limitFen)} 元 的部分 ${formatYuan(above)} 元 按 ${pct(p)} ${t.nameZh} → ${formatYuan(amount)} 元`, sourceOf(ratio.param ? ratio : threshold, t.source), true);
  }
  if (above === 0) return 0;
  return t.pool ? capByPool(run, t.pool, amount, cat) : amount;
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

