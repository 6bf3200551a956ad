// Formatting at the edge: money (fen → ¥), dates in Asia/Shanghai, and the masking rules (phone, 身份证号, bank account, name).
// Safe for client components: no server imports.

const yuan = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 123456 → "¥1,234.56" */
export function formatMoney(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  return `${sign}¥${yuan.format(Math.abs(fen) / 100)}`;
}

/**
 * The one parser for an amount a person types, in yuan, to integer fen; null when it is not an amount.
 * Accepts full-width digits ("８０００"), ¥/￥ in front, thousands commas, 元 at the end, and 万 ("8万", "8.5万元").
 * Yuan take at most two decimals (角、分); 万 at most six (down to the fen). String arithmetic, no floats.
 */
export function parseYuanToFen(input: string): number | null {
  let s = input.normalize('NFKC').replace(/[\s,]/g, '');
  s = s.replace(/^(?:¥|RMB|CNY)/i, '').replace(/元$/, '');
  const wan = s.endsWith('万');
  if (wan) s = s.slice(0, -1);
  const m = (wan ? /^(\d{1,8})(?:\.(\d{1,6}))?$/ : /^(\d{1,12})(?:\.(\d{1,2}))?$/).exec(s);
  if (!m) return null;
  const scale = wan ? 6 : 2;
  return Number(m[1]) * 10 ** scale + Number((m[2] ?? '').padEnd(scale, '0'));
}

/** Why a typed amount was refused, for the message next to the field. */
export function amountError(label: string, typed: string): string {
  if (/^\s*-/.test(typed.normalize('NFKC'))) return `${label}不能是负数`;
  if (/\.\d{3,}\s*元?\s*$/.test(typed.normalize('NFKC'))) return `${label}最多保留两位小数（角、分）`;
  return `${label}请填写数字金额，例如 12345.67、8万 或 ¥8,000`;
}

/**
 * Sentences joined into one text, each ended with "。" unless it already ends a sentence: never "。。",
 * whether a part was typed by staff with its own full stop or not. Empty parts are dropped.
 */
export function sentences(...parts: (string | null | undefined)[]): string {
  return parts
    .map((p) => (p ?? '').trim().replace(/[。.]+$/u, '。'))
    .filter((p) => p !== '' && p !== '。')
    .map((p) => (/[。！？!?]$/u.test(p) ? p : `${p}。`))
    .join('');
}

/** Fen as the yuan a person would type back into a form: 123450 → "1234.50". */
export function fenToYuanInput(fen: number): string {
  return (fen / 100).toFixed(2);
}

const dateFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

export function formatDate(iso: string | Date): string {
  return dateFmt.format(typeof iso === 'string' ? new Date(iso) : iso);
}

export function formatDateTime(iso: string | Date): string {
  return dateTimeFmt.format(typeof iso === 'string' ? new Date(iso) : iso);
}

/** Today's date (YYYY-MM-DD) in Asia/Shanghai. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '***';
}

/** 身份证号: first 3 and last 4 only (the first 6 and the birth date give away place, age and sex). */
export function maskIdNumber(id: string): string {
  return id.length >= 8 ? `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}` : '***';
}

export function maskBankAccount(account: string): string {
  const digits = account.replace(/\s/g, '');
  return digits.length >= 4 ? `**** **** ${digits.slice(-4)}` : '****';
}

/** 张三明 → 张*明, 张三 → 张*, a single character stays. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** The date `days` working days (Monday to Friday) after `from`, in Asia/Shanghai; public holidays not counted. */
export function addWorkingDays(from: Date, days: number): Date {
  const d = new Date(`${todayInShanghai(from)}T12:00:00+08:00`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = new Date(d.getTime() + 8 * 3_600_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return d;
}

function shanghaiWeekday(date: string): number {
  return new Date(`${date}T12:00:00+08:00`).getUTCDay();
}

function nextDate(date: string, step = 1): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + step);
  return d.toISOString().slice(0, 10);
}

/**
 * Working days (Monday to Friday, dates in Asia/Shanghai) from `from` to `to`: the days after the day of
 * `from` up to and including the day of `to`, as addWorkingDays counts them (public holidays not counted).
 * Submitted on a Friday, looked at on the next Tuesday: Monday and Tuesday, so 2.
 */
export function workingDaysBetween(from: Date | string, to: Date = new Date()): number {
  const start = dayNumber(todayInShanghai(typeof from === 'string' ? new Date(from) : from));
  const end = dayNumber(todayInShanghai(to));
  if (end <= start) return 0;
  // Whole weeks hold five working days each; the few days left over are looked at one by one.
  const days = end - start;
  let n = Math.floor(days / 7) * 5;
  for (let k = start + Math.floor(days / 7) * 7 + 1; k <= end; k++) {
    const w = (k + 4) % 7; // day 0 (1970-01-01) was a Thursday
    if (w !== 0 && w !== 6) n += 1;
  }
  return n;
}

/** Days since 1970-01-01 of a YYYY-MM-DD calendar date. */
function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** The Shanghai date that is `days` working days before `to`'s date (a working day itself when days > 0). */
export function subtractWorkingDays(to: Date, days: number): string {
  let day = todayInShanghai(to);
  let left = days;
  while (left > 0) {
    day = nextDate(day, -1);
    const w = shanghaiWeekday(day);
    if (w !== 0 && w !== 6) left -= 1;
  }
  return day;
}
