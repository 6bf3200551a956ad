// Formatting at the edge: money (fen → ¥), dates in Asia/Shanghai, and the masking rules (phone, 身份证号, bank account, name).
// Safe for client components: no server imports.

const yuan = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 123456 → "¥1,234.56" */
export function formatMoney(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  return `${sign}¥${yuan.format(Math.abs(fen) / 100)}`;
}

/**
 * A calculator text as residents read it: amounts ("12,000.00 元", as the trace and the API keep them) in the one
 * money format of the pages (¥12,000.00), and a visit no id was given for named by its date alone (snapshots kept
 * before the calculator stopped prefixing the visit's index, "0（2026-02-03 住院）：", which read as an amount).
 */
export function residentText(text: string): string {
  return text
    .replace(/^\d+（(\d{4}-\d{2}-\d{2} [^）]+)）：/u, '$1：')
    .replace(/(?<![\d,.])(-?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?) ?元/gu, (_m, sign: string, n: string) => `${sign}¥${n}`);
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

/**
 * The one masking rule for the person a proxy acts for: a proxy whose authority lets them read or file the
 * applicant's case (scope 查看进度 or 提交申请, where the form shows the name anyway) sees the name in full;
 * any narrower authority, and every staff list, keeps it masked.
 */
export function nameForProxy(name: string, scope: readonly string[]): string {
  return scope.includes('view') || scope.includes('apply') ? name.trim() : maskName(name);
}

// Working days (with the region's holiday calendar) live in lib/office/workdays.ts.
export { addWorkingDays, subtractWorkingDays, workingDaysBetween } from '@/lib/office/workdays';
