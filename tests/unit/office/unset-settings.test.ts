// An existing database that never had the seeded time limits or holiday calendar: the queue still opens and says
// plainly what is not set (no crash, no silent default figure).
import '../helpers/test-db';
import { describe, expect, it } from 'vitest';
import { holidaysRecorded } from '@/lib/dal/holidays';
import { regionParameters } from '@/lib/dal/parameters';
import { regionSettings } from '@/lib/dal/region-settings';
import { staffQueue } from '@/lib/dal/staff-queue';
import { toSessionUser } from '@/lib/dal/users';
import { OFFICE_PARAM_DEFS } from '@/lib/office/time-limits';
import { sealName } from '@/lib/personal/records';
import { q, schema } from '@/lib/store/db';

describe('没有办理时限和节假日安排的旧数据库', () => {
  it('队列照常打开，每份在办申请写“本地区未设定办理时限”；节假日安排为未设置；参数页的三个时限都没有版本', async () => {
    const [u] = await q((db) => db.insert(schema.users).values({ role: 'clerk', username: 'unset-clerk', displayName: '受理员', region: 'wuxi' }).returning());
    const clerk = toSessionUser(u!);
    const [p] = await q((db) => db.insert(schema.persons).values(sealName('孙未设')).returning());
    await q((db) => db.insert(schema.applications).values({ ref: 'WX-UNSET-1', filedByUserId: u!.id, personId: p!.id, region: 'wuxi', year: 2026, status: 'submitted', submittedAt: '2026-03-02T01:00:00.000Z' }));
    const queue = await staffQueue(clerk);
    expect(queue.settings.acceptWithinWorkingDays).toBeNull();
    expect(queue.settings.decideWithinWorkingDays).toBeNull();
    expect(queue.rows.map((r) => r.sla.label)).toEqual(['本地区未设定办理时限']);
    expect(await holidaysRecorded(clerk, 2026)).toBe(false);
    const params = await regionParameters(clerk, 'wuxi');
    if (!params.ok) throw new Error(params.message);
    expect(params.defs.filter((d) => OFFICE_PARAM_DEFS.some((o) => o.name === d.def.name)).map((d) => d.versions.length)).toEqual([0, 0, 0]);
    expect((await regionSettings('wuxi')).decideWithinWorkingDays).toBeNull();
  });
});
