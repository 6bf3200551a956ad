import '../helpers/test-db';
import { describe, expect, it } from 'vitest';
import type { ApplicationStatus } from '@/db/schema';
import { staffQueue } from '@/lib/dal/staff-queue';
import { q, schema } from '@/lib/store/db';
import { testDialect } from '../helpers/test-db';
import { person, staffUser } from '../ledger/fixtures';

// 超期 is the region's own setting (受理时限, 作出决定时限 on /admin/parameters): a state whose limit is not set has
// nothing overdue, whatever its age.
describe(`超期筛选只按本地区设定的时限（${testDialect}）`, () => {
  it('没设时限时没有超期；只设了决定时限时，只有已受理、审核中的旧申请算超期', async () => {
    const clerk = await staffUser('clerk', 'national');
    const p = await person();
    const refs: Record<string, string> = {};
    for (const [key, status] of [['waiting', 'submitted'], ['reviewing', 'in_review'], ['accepted', 'accepted'], ['asked', 'needs_info']] as const) {
      const ref = `QG-2025-OD${key}`;
      // Submitted a year before "now": past any limit an office would set.
      await q((db) => db.insert(schema.applications).values({ ref, personId: p.id, filedByUserId: clerk.id, region: 'national', year: 2025, status: status as ApplicationStatus, submittedAt: '2025-01-06T02:00:00.000Z' }));
      refs[key] = ref;
    }
    const now = new Date('2026-01-14T02:00:00Z');
    const none = await staffQueue(clerk, { overdue: '1' }, now);
    expect(none.rows).toEqual([]);
    expect(none.total).toBe(0);

    await q((db) => db.insert(schema.parameters).values({ region: 'national', name: 'office.decideWorkingDays', value: 10, unit: 'workdays', effectiveFrom: '2025-01-01', source: '测试' }));
    const decide = await staffQueue(clerk, { overdue: '1' }, now);
    // Oldest first, ties by id: compare as sets. 待受理 has no limit set, 待补正 waits for the applicant.
    expect(decide.rows.map((r) => r.ref).sort()).toEqual([refs.accepted, refs.reviewing].sort());
    expect(decide.total).toBe(2);
    expect((await staffQueue(clerk, { overdue: '1', status: 'submitted' }, now)).rows).toEqual([]);
  });
});
