// The region authors' toolkit: the steps a region file composes (trace rows, figures from its table and the staff-set
// parameters, pool limits, "deductible → ratio → pool limit", the tilt on the year's cumulative residual). The year's
// assembly that runs them episode by episode lives in pipeline.ts. Pure: no I/O, no clock.
import { categoryName } from './categories';
import { formatYuan, ratioOf } from './money';
import { firstRow, paramValue, rowAt, staffParam, type Figure, type RowQuery } from './params';
import type { Ep, GateOutcome, Run, RegionSpec, StandardRules, ValueRef } from './spec';
import type { CategoryCode, EpisodeKind } from './types';

export const KIND_ZH: Record<EpisodeKind, string> = {
  inpatient: '住院',
  outpatient: '普通门急诊',
  outpatient_special: '门诊慢特病',
};

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
export function tiltStep(run: Run, ep: Ep, cat: CategoryCode, residual: number, g: GateOutcome): number {
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
