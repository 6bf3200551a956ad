// Working days in Asia/Shanghai with a holiday calendar: Monday to Friday, minus the 法定节假日 that fall on a
// weekday, plus the 调休 workdays that fall on a weekend (an administrator keeps them per year on
// /admin/parameters). Counting stays fast for the queue at a million applications: whole weeks hold five
// weekdays each, and the calendar's exceptions are counted by binary search in two sorted arrays.
// Pure: safe for client components.

/** Days since 1970-01-01 of a YYYY-MM-DD calendar date. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The calendar date in Asia/Shanghai (UTC+8, no DST) of an instant. */
function shanghaiDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const isWeekend = (day: number) => {
  const w = (day + 4) % 7; // day 0 (1970-01-01) was a Thursday
  return w === 0 || w === 6;
};

export type CalendarDay = { date: string; kind: 'holiday' | 'workday' };

/** Sorted day numbers: holidays on a weekday (taken off) and 调休 workdays on a weekend (added). */
export type WorkCalendar = { off: readonly number[]; on: readonly number[] };

export const NO_HOLIDAYS: WorkCalendar = { off: [], on: [] };

export function buildCalendar(days: readonly CalendarDay[]): WorkCalendar {
  const off: number[] = [];
  const on: number[] = [];
  for (const d of days) {
    const n = dayNumber(d.date);
    if (d.kind === 'holiday' && !isWeekend(n)) off.push(n);
    if (d.kind === 'workday' && isWeekend(n)) on.push(n);
  }
  return { off: off.sort((a, b) => a - b), on: on.sort((a, b) => a - b) };
}

/** How many of the sorted `days` are ≤ `day`. */
function upTo(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isWorking(day: number, cal: WorkCalendar): boolean {
  const listed = (days: readonly number[]) => upTo(days, day) - upTo(days, day - 1) > 0;
  return isWeekend(day) ? listed(cal.on) : !listed(cal.off);
}

export function isWorkingDay(date: string, cal: WorkCalendar = NO_HOLIDAYS): boolean {
  return isWorking(dayNumber(date), cal);
}

/** Working days in the days after `start` up to and including `end` (day numbers). */
function countBetween(start: number, end: number, cal: WorkCalendar): number {
  if (end <= start) return 0;
  const days = end - start;
  let n = Math.floor(days / 7) * 5;
  for (let k = start + Math.floor(days / 7) * 7 + 1; k <= end; k++) if (!isWeekend(k)) n += 1;
  return n - (upTo(cal.off, end) - upTo(cal.off, start)) + (upTo(cal.on, end) - upTo(cal.on, start));
}

/**
 * Working days from `from` to `to`: the days after the day of `from` up to and including the day of `to`.
 * Submitted on a Friday, looked at on the next Tuesday: Monday and Tuesday, so 2.
 */
export function workingDaysBetween(from: Date | string, to: Date = new Date(), cal: WorkCalendar = NO_HOLIDAYS): number {
  return countBetween(dayNumber(shanghaiDate(typeof from === 'string' ? new Date(from) : from)), dayNumber(shanghaiDate(to)), cal);
}

/** The date `days` working days after `from`'s date (noon, Asia/Shanghai). */
export function addWorkingDays(from: Date, days: number, cal: WorkCalendar = NO_HOLIDAYS): Date {
  let day = dayNumber(shanghaiDate(from));
  for (let left = days; left > 0; ) {
    day += 1;
    if (isWorking(day, cal)) left -= 1;
  }
  return new Date(`${dateOf(day)}T12:00:00+08:00`);
}

/** The Shanghai date that is `days` working days before `to`'s date (a working day itself when days > 0). */
export function subtractWorkingDays(to: Date, days: number, cal: WorkCalendar = NO_HOLIDAYS): string {
  let day = dayNumber(shanghaiDate(to));
  for (let left = days; left > 0; ) {
    day -= 1;
    if (isWorking(day, cal)) left -= 1;
  }
  return dateOf(day);
}
