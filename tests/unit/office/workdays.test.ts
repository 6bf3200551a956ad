import { describe, expect, it } from 'vitest';
import { DEMO_HOLIDAYS_2026 } from '@/scripts/seed/demo-holidays';
import { addWorkingDays, buildCalendar, isWorkingDay, subtractWorkingDays, workingDaysBetween } from '@/lib/office/workdays';

// The State Council's 2026 calendar as the brief lists it: 元旦 1.1–1.3; 春节 2.15–2.23, 调休 2.14 (Sat) and 2.28 (Sat);
// 清明 4.4–4.6; 劳动节 5.1–5.5, 调休 5.9 (Sat); 端午 6.19–6.21; 中秋 9.25–9.27; 国庆 10.1–10.7, 调休 9.20 (Sun), 10.10 (Sat).
const cal = buildCalendar(DEMO_HOLIDAYS_2026);
const noon = (date: string) => new Date(`${date}T12:00:00+08:00`);
const ymd = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('工作日按节假日安排计算（法定节假日不算，调休上班日算）', () => {
  it('演示日历有 38 天：33 天放假、5 天调休上班', () => {
    // 元旦 3 + 春节 9 + 清明 3 + 劳动节 5 + 端午 3 + 中秋 3 + 国庆 7 = 33 holidays; 调休 2.14 2.28 5.9 9.20 10.10 = 5.
    expect(DEMO_HOLIDAYS_2026.filter((d) => d.kind === 'holiday')).toHaveLength(33);
    expect(DEMO_HOLIDAYS_2026.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual(['2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it.each([
    // [from, to, with calendar, weekdays only, how]
    ['2026-02-13', '2026-02-24', 2, 7, '周五提交，春节后周二查看：2.14 周六调休上班算 1 天，2.15–2.23 放假，2.24 算 1 天（不看日历是 16–20、23、24 共 7 天）'],
    ['2026-02-22', '2026-03-01', 5, 5, '2.23 周一放假不算，24–27 四天，2.28 周六调休上班算 1 天'],
    ['2026-09-30', '2026-10-12', 4, 8, '国庆 10.1–10.7 放假；10.8、10.9、10.10（周六调休）、10.12 共 4 天'],
    ['2026-09-18', '2026-09-21', 2, 1, '9.20 周日调休上班算 1 天，9.21 周一 1 天'],
    ['2025-12-31', '2026-12-31', 247, 261, '2026 年 261 个周一到周五，去掉落在工作日的 19 天假（元旦2、春节6、清明1、劳动节3、端午1、中秋1、国庆5），加上 5 天调休'],
  ] as const)('%s 到 %s：%i 个工作日', (from, to, expected, weekdaysOnly, _how) => {
    expect(workingDaysBetween(noon(from), noon(to), cal)).toBe(expected);
    expect(workingDaysBetween(noon(from), noon(to))).toBe(weekdaysOnly);
  });

  it('调休上班的周末是工作日，落在周一的假日不是', () => {
    expect(isWorkingDay('2026-09-20', cal)).toBe(true);
    expect(isWorkingDay('2026-10-05', cal)).toBe(false);
    expect(isWorkingDay('2026-10-05')).toBe(true);
    expect(isWorkingDay('2026-02-21', cal)).toBe(false);
  });

  it('往后数和往前数也跳过假日、算上调休', () => {
    // 2.12 周四 + 3：2.13 周五、2.14 周六调休、（2.15–2.23 放假）2.24 周二。
    expect(ymd(addWorkingDays(noon('2026-02-12'), 3, cal))).toBe('2026-02-24');
    // 2.24 往前 2 个工作日：2.23…2.15 放假，2.14 调休（1），2.13 周五（2）。
    expect(subtractWorkingDays(noon('2026-02-24'), 2, cal)).toBe('2026-02-13');
    // 9.30 + 5：10.8、10.9、10.10（调休）、10.12、10.13。
    expect(ymd(addWorkingDays(noon('2026-09-30'), 5, cal))).toBe('2026-10-13');
  });

  it('按整周计数与逐日计数一致（2026 全年任取起止）', () => {
    const day = (n: number) => new Date(Date.UTC(2025, 11, 1) + n * 86_400_000);
    for (let i = 0; i < 400; i += 7) {
      for (let len = 0; len < 60; len += 5) {
        let byDay = 0;
        for (let k = 1; k <= len; k++) if (isWorkingDay(day(i + k).toISOString().slice(0, 10), cal)) byDay += 1;
        expect(workingDaysBetween(new Date(day(i).getTime() + 4 * 3_600_000), new Date(day(i + len).getTime() + 4 * 3_600_000), cal)).toBe(byDay);
      }
    }
  });
});
