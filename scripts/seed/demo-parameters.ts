// DEMO values for every staff-set parameter of every region (lib/calculator/params.ts, STAFF_PARAMS), so a demo
// install can show complete estimates. Plausible figures, NOT the values any locality has published: each row
// says so in `source` and carries `demo: true`, and pages mark such a figure 演示. Pure data: imports nothing.
// Money in integer fen (分), ratios in percent, as each parameter's unit says.

export interface DemoParameter {
  region: 'national' | 'shanghai' | 'wuxi' | 'chongqing-shapingba' | 'shanghai-mutual-aid';
  name: string;
  value: number;
  unit: 'fen' | 'percent';
  effectiveFrom: string;
  source: string;
  demo: true;
}

const DEMO = { effectiveFrom: '2026-01-01', source: '演示数据：非当地公布数值', demo: true } as const;

export const DEMO_PARAMETERS: readonly DemoParameter[] = [
  // National guideline: the pooling area sets its own shared limit, income line and tilt.
  { region: 'national', name: 'annualLimitFen.inpatient', value: 10_000_000, unit: 'fen', ...DEMO }, // 10 万元
  { region: 'national', name: 'perCapitaIncomePrevYearFen', value: 4_131_400, unit: 'fen', ...DEMO }, // 41,314 元
  { region: 'national', name: 'tiltThresholdFen', value: 2_000_000, unit: 'fen', ...DEMO }, // 2 万元
  { region: 'national', name: 'tiltRatioPercent', value: 50, unit: 'percent', ...DEMO },
  // Shanghai: limits set by 市医保局 with 市财政局; the two 支出型贫困 standards published each year.
  { region: 'shanghai', name: 'annualLimitFen.inpatient', value: 8_000_000, unit: 'fen', ...DEMO }, // 8 万元
  { region: 'shanghai', name: 'annualLimitFen.outpatient', value: 1_000_000, unit: 'fen', ...DEMO }, // 1 万元
  { region: 'shanghai', name: 'perCapitaIncomePrevYearFen', value: 8_800_000, unit: 'fen', ...DEMO }, // 88,000 元 a year
  { region: 'shanghai', name: 'dibaoStandardMonthlyFen', value: 151_000, unit: 'fen', ...DEMO }, // 1,510 元 a month per head
  // Chongqing Shapingba: the 监测标准 set by the rural revitalisation department for the previous year.
  { region: 'chongqing-shapingba', name: 'monitoringStandardFen', value: 760_000, unit: 'fen', ...DEMO }, // 7,600 元
  // wuxi and shanghai-mutual-aid: their documents fix every figure; no staff-set parameter.
];
