// One local inpatient stay (001 四(七) counts these) for a statistics test: policy-range cost, what insurance paid.
import { sealVisit } from '@/lib/personal/records';
import { q, schema } from '@/lib/store/db';

export async function localStay(applicationId: string, stay: { policyFen: number; selfPayPolicyFen: number }): Promise<void> {
  const dataEnc = sealVisit({
    hospitalName: '测试医院', date: '2026-02-01', endDate: '2026-02-10', kind: 'inpatient', hospitalLevel: 3, specialDisease: false, referred: true, location: 'local', offsiteFiled: false,
    totalFen: stay.policyFen, policyFen: stay.policyFen, basicPaidFen: stay.policyFen - stay.selfPayPolicyFen, criticalPaidFen: 0, supplementaryPaidFen: 0,
  });
  await q((db) => db.insert(schema.episodes).values({ applicationId, seq: 0, dataEnc }));
}
