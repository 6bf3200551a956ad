// Integer-fen arithmetic. Every amount is a whole number of fen; a ratio is applied once per step, rounded half-up.

export function isFen(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

/** A defensive view of an amount: anything that is not a non-negative whole number of fen counts as 0. */
export function toFen(n: unknown): number {
  return isFen(n) ? n : 0;
}

/**
 * `fen × percent / 100`, rounded half-up to the fen. `percent` may carry up to two decimals (62.5%).
 * Exact integer arithmetic: percent is scaled to basis points of a percent (1/10,000).
 */
export function ratioOf(fen: number, percent: number): number {
  if (fen <= 0 || !(percent > 0)) return 0;
  const bp = Math.round(percent * 100);
  const product = fen * bp;
  if (product <= Number.MAX_SAFE_INTEGER) return Math.floor((product + 5000) / 10000);
  return Number((BigInt(fen) * BigInt(bp) + 5000n) / 10000n);
}

// Digit groups are looked up rather than converted: formatting runs for every amount in every trace row.
const HEAD = Array.from({ length: 1000 }, (_, i) => String(i));
const GROUP = Array.from({ length: 1000 }, (_, i) => ',' + String(i).padStart(3, '0'));
const CENTS = Array.from({ length: 100 }, (_, i) => '.' + String(i).padStart(2, '0'));

function grouped(y: number): string {
  if (y < 1000) return HEAD[y]!;
  const hi = Math.floor(y / 1000);
  return grouped(hi) + GROUP[y - hi * 1000]!;
}

/**
 * 1200000 → "12,000.00". Texts write `${formatYuan(fen)} 元` rather than joining " 元" here: a join shorter than 13
 * characters that mixes ASCII and Chinese is copied through a slow path, where inside a longer text it is not.
 */
export function formatYuan(fen: number): string {
  if (!Number.isFinite(fen)) return '—';
  if (fen < 0) return '-' + formatYuan(-fen);
  const whole = Math.trunc(fen);
  const y = Math.floor(whole / 100);
  return grouped(y) + CENTS[whole - y * 100]!;
}

/** Amount in text: "12,000.00 元" (for one-off texts; see `formatYuan` for texts built per episode). */
export function yuan(fen: number): string {
  return formatYuan(fen) + ' 元';
}
