// The office's time limits: no document sets them (the documents ask only to 简化申请、审核、救助金给付流程,
// 003 七(十二), 001 七(十四)), so they are region settings an administrator publishes on /admin/parameters like any
// staff parameter (value, effective dates, source; 演示 where seeded). The queue's clock, the overdue filter and
// what residents are promised all read these figures, counted in working days on the region's holiday calendar.
export type OfficeParamDef = { name: string; unit: 'workdays'; descriptionZh: string; source: string };

const SOURCE = '本地区设置（文件未规定办理时限）';

export const OFFICE_PARAMS = {
  accept: { name: 'office.acceptWorkingDays', unit: 'workdays', descriptionZh: '受理时限（自提交次日起，在这些工作日内受理或通知补正）', source: SOURCE },
  decide: { name: 'office.decideWorkingDays', unit: 'workdays', descriptionZh: '作出决定时限（自提交次日起，在这些工作日内批准或不予救助；告诉申请人的办结时间也是它）', source: SOURCE },
  pay: { name: 'office.payWorkingDays', unit: 'workdays', descriptionZh: '发放时限（自批准决定次日起，在这些工作日内发放救助金）', source: SOURCE },
} as const satisfies Record<string, OfficeParamDef>;

export const OFFICE_PARAM_DEFS: readonly OfficeParamDef[] = [OFFICE_PARAMS.accept, OFFICE_PARAMS.decide, OFFICE_PARAMS.pay];

export function isOfficeParam(name: string): boolean {
  return OFFICE_PARAM_DEFS.some((d) => d.name === name);
}

/** Longest limit accepted: a year of working days. */
export const MAX_WORKING_DAYS = 250;
