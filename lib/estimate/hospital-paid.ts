// What an application's visits are still due once the hospital's 一站式结算 has paid its part of the assistance
// (003 七(十二): 低保对象、特困人员直接纳入“一站式”结算). Per visit: its assistance (with tilt) less what the receipt
// says medical assistance already paid, never below zero — the same rule the approval applies
// (lib/dal/visit-duplicates.ts alreadyPaidFen), so the review page promises what the decision will pay.
import type { EstimateResult } from '@/lib/calculator';

export function afterHospitalPaid(result: Pick<EstimateResult, 'episodes'>, visits: readonly { assistancePaidFen?: number }[]): { hospitalPaidFen: number; restFen: number } {
  let hospitalPaidFen = 0;
  let restFen = 0;
  visits.forEach((v, i) => {
    const ep = result.episodes.find((x) => x.id === String(i));
    const due = ep ? ep.assistanceFen + ep.tiltFen : 0;
    const paid = v.assistancePaidFen ?? 0;
    hospitalPaidFen += paid;
    restFen += Math.max(0, due - paid);
  });
  return { hospitalPaidFen, restFen };
}
