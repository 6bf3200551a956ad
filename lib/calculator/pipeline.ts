// The person-year pipeline ("先保险后救助", 003 三(三)): insurance first → coverage gate →
// deductible → ratio → pool limit → tilt → totals, episodes in date order, one category per episode,
// the year computed under each category held and the best one used (就高不重复, 000 二(一), 001 四(八)).
import { categoryName, isCategoryCode } from './categories';
import { endOfMonth, withinDates } from './dates';
import { ratioOf, toFen, yuan } from './money';
import { paramValue, rowAt, staffParam, type FixedRow, type RowQuery } from './params';
import type { Ep, GateOutcome, Run, RegionSpec, StandardRules, ValueRef } from './spec';
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

export interface Figure {
  value: number;
  generous: number;
  source: string;
  noteZh: string;
  param?: string;
}

const ROW_FIGURES = new WeakMap<FixedRow, Figure>();

/** A figure from the region's table or a staff parameter; undefined (and listed as missing) when unset. */
export function figure(run: Run, ref: ValueRef, date: string, q?: RowQuery): Figure | undefined {
  if ('row' in ref) {
    const r: FixedRow | undefined = rowAt(run.spec.table, ref.row, date, q);
    if (!r) return undefined;
    if (r.generous !== undefined && r.generous !== r.value) run.rangeUsed = true;
    let f = ROW_FIGURES.get(r);
    if (!f) ROW_FIGURES.set(r, (f = { value: r.value, generous: r.generous ?? r.value, source: r.source, noteZh: r.noteZh }));
    return f;
  }
  const v = paramValue(run.params, ref.param);
  if (v === undefined) {
    needParam(run, ref.param);
    return undefined;
  }
  const p = run.params[ref.param]!;
  return { value: v, generous: v, source: p.source, noteZh: '', param: ref.param };
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

/** Caps `amount` at what is left of the pool's annual limit; an unset limit caps nothing and is listed. */
export function capByPool(run: Run, pool: string, amount: number): number {
  const limit = run.limits[pool];
  const used = run.poolUsed[pool] ?? 0;
  if (limit === null || limit === undefined) {
    const spec = run.spec.pools.find((p) => p.pool === pool);
    if (amount > 0 && spec && 'param' in spec.limit) needParam(run, spec.limit.param);
    if (run.tracing && amount > 0) {
      say(run, 'limit', `${poolName(run, pool)}年度救助限额尚未设定，本次暂按不封顶计算`, limitSource(run, pool));
    }
    run.poolUsed[pool] = used + amount;
    return amount;
  }
  const room = Math.max(0, limit - used);
  const paid = Math.min(amount, room);
  if (run.tracing) {
    const head = `${poolName(run, pool)}年度救助限额 ${yuan(limit)}，此前已用 ${yuan(used)}，尚余 ${yuan(room)}`;
    const tail =
      paid < amount ? `；本次应救助 ${yuan(amount)}，达到限额，只能救助 ${yuan(paid)}` : '，本次未超过限额';
    say(run, 'limit', head + tail, limitSource(run, pool), paid < amount);
  }
  run.poolUsed[pool] = used + paid;
  return paid;
}

function limitSource(run: Run, pool: string): string {
  const spec = run.spec.pools.find((p) => p.pool === pool);
  if (!spec) return run.spec.clauses.category;
  if ('row' in spec.limit) return rowAt(run.spec.table, spec.limit.row, `${run.year}-12-31`)?.source ?? '';
  const clause = staffParam(run.spec.code, spec.limit.param)?.source ?? run.spec.clauses.category;
  const set = run.params[spec.limit.param];
  return `${clause}；参数来源：${set ? set.source : `${spec.limit.param}（尚未设定）`}`;
}

function resolveLimits(spec: RegionSpec, year: number, params: EstimateInput['parameters']): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const p of spec.pools) {
    if ('row' in p.limit) out[p.pool] = rowAt(spec.table, p.limit.row, `${year}-12-31`)?.value ?? null;
    else out[p.pool] = paramValue(params, p.limit.param) ?? null;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Standard assistance: deductible → ratio → pool limit

/** The ratio step shared by every region: `base × ratio of the category`, rounded once. */
export function ratioStep(run: Run, ep: Ep, cat: CategoryCode, base: number, what: string): number {
  const f = figure(run, { row: 'ratio' }, ep.date, { category: cat, kind: ep.kind });
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
        : `${what} ${yuan(base)}，${categoryName(cat)}按 ${rangeText(f, p)} 救助 → ${yuan(amount)}`;
    say(run, 'ratio', text, f.source, true);
  }
  return amount;
}

function deductibleStep(run: Run, rules: StandardRules, ep: Ep, cat: CategoryCode, selfPay: number): number {
  const d = rules.deductible;
  const f = d && figure(run, { row: d.row }, ep.date, { category: cat });
  if (!d || !f) {
    if (run.tracing && rules.noDeductible) say(run, 'deductible', rules.noDeductible.text, rules.noDeductible.source);
    return selfPay;
  }
  const percent = pick(run, f);
  const income = percent > 0 ? paramValue(run.params, d.incomeParam) : undefined;
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
          : `年度救助起付标准 = 上年居民人均可支配收入 ${yuan(income)} × ${pct(percent)} = ${yuan(threshold)}`;
    const rest = within > 0 ? `；本次有 ${yuan(within)} 计入起付标准，其余 ${yuan(selfPay - within)} 进入救助` : '';
    const range = f.generous !== f.value ? `（文件规定：${f.noteZh}）` : '';
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
    const what = base === ep.selfPayFen ? `${KIND_ZH[ep.kind]}政策范围内自付` : '扣除起付标准后的政策范围内自付';
    return capByPool(run, choice.pool, ratioStep(run, ep, cat, base, what));
  };
}

// ---------------------------------------------------------------------------------------------
// Tilt on the year's cumulative residual (001 四(七), 004 二(三)3, 003 四(六))

/** The part of `amount` that lies above `threshold` once added to `before` (cumulative-threshold rules). */
export function partAbove(before: number, amount: number, threshold: number): number {
  return Math.max(0, before + amount - threshold) - Math.max(0, before - threshold);
}

function tiltStep(run: Run, ep: Ep, cat: CategoryCode, residual: number): number {
  const t = run.spec.tilt!;
  const g = t.gate(ep);
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
    const head = `${g.text}：本年累计救助后个人负担 ${yuan(run.tiltRunning)}（本次 ${yuan(residual)}）`;
    if (above === 0) say(run, 'tilt', `${head}，未超过 ${yuan(limitFen)}，暂无${t.nameZh}`, sourceOf(threshold, t.source));
    else say(run, 'tilt', `${head}，超过 ${yuan(limitFen)} 的部分 ${yuan(above)} 按 ${pct(p)} ${t.nameZh} → ${yuan(amount)}`, sourceOf(ratio.param ? ratio : threshold, t.source), true);
  }
  if (above === 0) return 0;
  return t.pool ? capByPool(run, t.pool, amount) : amount;
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
    const id = typeof e.id === 'string' && e.id !== '' ? e.id : String(index);
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
      label: tracing ? `${id}（${date} ${KIND_ZH[e.kind] ?? e.kind}）：` : '',
    };
  });
  return eps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
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

interface Plan {
  primary: CategoryCode | null;
  cats: (CategoryCode | null)[];
  reach: Reach[];
}

/** A plan for the year led by one category the person holds (other held categories fill the gaps in its dates). */
type Candidate = Plan & { primary: CategoryCode };

// ---------------------------------------------------------------------------------------------
// One pass over the year

interface PassOut {
  run: Run;
  assistance: number[];
  tilt: number[];
  pools: (string | null)[];
  reasons: string[][];
  assistanceFen: number;
  tiltFen: number;
}

/** The gates in order; the last one is the region's coverage gate, whose text is traced when it lets the episode through. */
function check(run: Run, ep: Ep, cat: CategoryCode | null): GateOutcome {
  const spec = run.spec;
  if (ep.selfPayFen === 0) {
    return { ok: false, text: '政策范围内个人自付为 0 元，没有需要救助的费用', source: spec.clauses.insurance };
  }
  if (cat === null) {
    return { ok: false, text: `就医时（${ep.date}）您没有${spec.nameZh}医疗救助认可的救助对象身份，本次不予救助`, source: spec.clauses.category };
  }
  const nc = spec.notComputable[cat];
  if (nc) return { ok: false, text: nc.text, source: nc.source };
  const doc = spec.document;
  if (ep.date < doc.inForceFrom) {
    return { ok: false, text: `就医时文件尚未施行（${doc.inForceFrom} 起施行），本次不按本文件救助`, source: spec.inForceSource };
  }
  if (doc.inForceTo !== undefined && ep.date > doc.inForceTo) {
    return { ok: false, text: `文件有效期至 ${doc.inForceTo}，本次就医已不在有效期内`, source: spec.inForceSource };
  }
  if (!spec.episodeKinds.includes(ep.kind)) return { ok: false, ...spec.kindRefusal };
  return spec.gate(ep);
}

function runPass(spec: RegionSpec, input: EstimateInput, eps: readonly Ep[], plan: Plan, high: boolean, tracing: boolean, trace: TraceRow[]): PassOut {
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
    rangeUsed: false,
    limits: resolveLimits(spec, input.year, input.parameters),
    poolUsed: {},
    pool: null,
    deductibleUsed: 0,
    tiltRunning: 0,
    counters: { a: 0, b: 0, c: 0 },
  };
  const n = eps.length;
  const out: PassOut = { run, assistance: [], tilt: [], pools: [], reasons: [], assistanceFen: 0, tiltFen: 0 };
  for (let i = 0; i < n; i++) {
    const ep = eps[i]!;
    const cat = plan.cats[i]!;
    run.pool = null;
    if (tracing) {
      run.label = ep.label;
      run.reasons = [];
      say(run, 'insurance', insuranceText(ep), spec.clauses.insurance);
      const r = plan.reach[i]!;
      if (cat !== null && (cat !== plan.primary || r >= Reach.ThisMonth)) {
        const how = REACH_ZH[r] || '这次就医时按您当时持有的身份';
        say(run, 'category', `${how}“${categoryName(cat)}”计算`, r >= Reach.ThisMonth ? '001 四(八)' : spec.clauses.multi, true);
      }
    }
    let assistance = 0;
    let tilt = 0;
    const gate = check(run, ep, cat);
    if (tracing) say(run, 'gate', gate.text, gate.source, !gate.ok);
    if (gate.ok && cat !== null) {
      assistance = spec.assist(run, ep, cat);
      if (spec.tilt) tilt = tiltStep(run, ep, cat, ep.selfPayFen - assistance);
    }
    out.assistance.push(assistance);
    out.tilt.push(tilt);
    out.pools.push(run.pool);
    out.reasons.push(tracing ? run.reasons : []);
    out.assistanceFen += assistance;
    out.tiltFen += tilt;
  }
  run.label = '';
  return out;
}

function insuranceText(ep: Ep): string {
  const outOfCatalog = ep.totalFen - ep.policyFen;
  return (
    `总费用 ${yuan(ep.totalFen)}，其中政策范围内 ${yuan(ep.policyFen)}；基本医保支付 ${yuan(ep.basicFen)}，` +
    `大病保险支付 ${yuan(ep.criticalFen)}，其他补充保障支付 ${yuan(ep.supplementaryFen)}，` +
    `先保险后救助，政策范围内个人自付 ${yuan(ep.selfPayFen)}` +
    (outOfCatalog > 0 ? `；目录外费用 ${yuan(outOfCatalog)}不属于救助范围` : '')
  );
}

// ---------------------------------------------------------------------------------------------
// The person-year

export interface EstimateOptions {
  /** false: amounts only, with empty `trace` and `reasons` (batch runs); default true. */
  trace?: boolean;
}

export function estimateWith(spec: RegionSpec, input: EstimateInput, options: EstimateOptions = {}): EstimateResult {
  const tracing = options.trace !== false;
  const eps = normalizeEpisodes(input.episodes, tracing);
  const trace: TraceRow[] = [];
  const note = (text: string, source: string, step = 'category') => {
    if (tracing) trace.push({ step, text, source });
  };
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
    const name = categoryName(code);
    if (!spec.categories.includes(code)) {
      note(`“${name}”不是${spec.nameZh}医疗救助的对象类别，不参与计算`, spec.clauses.category);
    } else if (!periods.some((p) => overlapsYear(spec, p, input.year))) {
      note(`“${name}”身份（${periods.map(periodText).join('、')}）不在 ${input.year} 年内，不参与计算`, spec.clauses.category);
    } else {
      namedThisYear.push(code);
    }
  }
  namedThisYear.sort((a, b) => spec.categories.indexOf(a) - spec.categories.indexOf(b));
  const computable = namedThisYear.filter((c) => !spec.notComputable[c]);

  if (computable.length === 0) {
    const fallback = namedThisYear[0] ?? null;
    const nc = fallback && spec.notComputable[fallback];
    const why = nc
      ? { text: nc.text, source: nc.source }
      : { text: `您没有${spec.nameZh}医疗救助认可的救助对象身份，本年度不能获得医疗救助`, source: spec.clauses.category };
    note(why.text, why.source);
    const plan: Plan = fallback
      ? buildPlan(spec, held, eps, fallback)
      : { primary: null, cats: eps.map(() => null), reach: eps.map(() => Reach.No) };
    const pass = runPass(spec, input, eps, plan, false, tracing, trace);
    return assemble(spec, input, eps, fallback, !nc, pass, 0);
  }

  const plans = computable.map((primary) => buildPlan(spec, held, eps, primary));
  let chosen = plans[0]!;
  let chosenPass: PassOut | undefined;
  if (plans.length > 1) {
    let best = -1;
    for (const plan of plans) {
      const pass = runPass(spec, input, eps, plan, false, false, []);
      const total = pass.assistanceFen + pass.tiltFen;
      if (tracing) note(`按“${categoryName(plan.primary)}”计算，全年预计救助 ${yuan(total)}`, spec.clauses.multi);
      if (total > best) {
        best = total;
        chosen = plan;
        chosenPass = pass;
      }
    }
    note(`您同时持有多个身份，按就高不重复原则采用“${categoryName(chosen.primary)}”，不同身份的待遇不叠加`, spec.clauses.multi);
  } else {
    note(`按“${categoryName(chosen.primary)}”计算`, spec.clauses.category);
  }

  // Without a trace the winning candidate's pass is already the answer.
  const main = !tracing && chosenPass ? chosenPass : runPass(spec, input, eps, chosen, false, tracing, trace);
  const generous = main.run.rangeUsed ? runPass(spec, input, eps, chosen, true, false, []) : main;
  // assistanceMaxFen is part of the result: what its pass needed and lacked is missing too (API.md).
  for (const name of generous.run.missing) if (!main.run.missing.includes(name)) main.run.missing.push(name);
  return assemble(spec, input, eps, chosen.primary, true, main, Math.max(generous.assistanceFen, main.assistanceFen));
}

function buildPlan(spec: RegionSpec, held: Map<CategoryCode, CategoryPeriod[]>, eps: readonly Ep[], primary: CategoryCode): Candidate {
  const cats: (CategoryCode | null)[] = [];
  const reaches: Reach[] = [];
  const own = held.get(primary)!;
  for (const ep of eps) {
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
    cats.push(cat);
    reaches.push(r);
  }
  return { primary, cats, reach: reaches };
}

function assemble(
  spec: RegionSpec,
  input: EstimateInput,
  eps: readonly Ep[],
  category: CategoryCode | null,
  computable: boolean,
  pass: PassOut,
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
      reasons: pass.reasons[i]!,
    };
  }
  const run = pass.run;
  const trace = run.trace;
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
      text: `文件只给出了范围，预计金额按较低标准计算为 ${yuan(pass.assistanceFen)}；按较高标准最高可达 ${yuan(assistanceMaxFen)}，以经办部门核定为准`,
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
  if (tracing) trace.push({
    step: 'total',
    text: `全年政策范围内个人自付 ${yuan(selfPay)}，预计救助 ${yuan(pass.assistanceFen)}，倾斜救助 ${yuan(pass.tiltFen)}，个人仍需负担 ${yuan(outOfPocket)}（含目录外费用）`,
    source: spec.clauses.insurance,
  });
  return {
    region: spec.code,
    year: input.year,
    category,
    computable,
    episodes,
    totals,
    pools: poolUsage(spec, run.limits, run.poolUsed),
    missingParameters: run.missing,
    trace,
  };
}

function poolUsage(spec: RegionSpec, limits: Record<string, number | null>, used: Record<string, number>): PoolUsage[] {
  return spec.pools.map((p) => {
    const limitFen = limits[p.pool] ?? null;
    const usedFen = used[p.pool] ?? 0;
    return { pool: p.pool, limitFen, usedFen, remainingFen: limitFen === null ? null : Math.max(0, limitFen - usedFen) };
  });
}

