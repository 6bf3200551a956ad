// Demo holiday calendar: the State Council's 2026 节假日安排 (法定节假日 and 调休 workdays), entered for every
// region and marked 演示; an administrator checks and edits it on /admin/parameters.
export const DEMO_HOLIDAY_SOURCE = '演示：按国务院办公厅2026年节假日安排录入';

const span = (from: string, to: string, name: string) => {
  const out: { date: string; kind: 'holiday'; name: string }[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push({ date: d.toISOString().slice(0, 10), kind: 'holiday', name });
  return out;
};
const workday = (date: string, name: string) => ({ date, kind: 'workday' as const, name: `${name}调休上班` });

export const DEMO_HOLIDAYS_2026 = [
  ...span('2026-01-01', '2026-01-03', '元旦'),
  workday('2026-02-14', '春节'),
  ...span('2026-02-15', '2026-02-23', '春节'),
  workday('2026-02-28', '春节'),
  ...span('2026-04-04', '2026-04-06', '清明节'),
  ...span('2026-05-01', '2026-05-05', '劳动节'),
  workday('2026-05-09', '劳动节'),
  ...span('2026-06-19', '2026-06-21', '端午节'),
  workday('2026-09-20', '国庆节'),
  ...span('2026-09-25', '2026-09-27', '中秋节'),
  ...span('2026-10-01', '2026-10-07', '国庆节'),
  workday('2026-10-10', '国庆节'),
];

/** Demo time limits (working days), as many offices practise them; the decision limit is what residents are promised. */
export const DEMO_TIME_LIMITS = { 'office.acceptWorkingDays': 5, 'office.decideWorkingDays': 30, 'office.payWorkingDays': 10 } as const;
