// The district rule beyond the queue: staff of a district see the watch list, the jobs (imports, refreshes)
// and the audit log of their district only; staff of the whole region see all of the region's.
import '../helpers/test-db';
import { describe, expect, it } from 'vitest';
import { lookupHash } from '@/lib/personal/crypto';
import { writeAudit } from '@/lib/dal/audit';
import { personIdByIdNumber, regionStaff, searchAudit } from '@/lib/dal/audit-search';
import { toSessionUser, type SessionUser } from '@/lib/dal/users';
import { followUp, watchlistFor } from '@/lib/dal/watchlist';
import { enqueue, jobFor, recentJobs, retryJob } from '@/lib/jobs/queue';
import { sealName } from '@/lib/personal/records';
import { q, schema } from '@/lib/store/db';

let seq = 0;
async function user(role: 'clerk' | 'auditor', district: string | null): Promise<SessionUser> {
  seq += 1;
  const [row] = await q((db) => db.insert(schema.users).values({ role, username: `d-${role}-${seq}`, displayName: `${district ?? '全市'}${role}${seq}`, region: 'wuxi', district }).returning());
  return toSessionUser(row!);
}

/** A person with one submitted Wuxi case in `district`, and a watch-list entry. */
async function personIn(district: string | null, idNo: string) {
  const [p] = await q((db) => db.insert(schema.persons).values({ ...sealName('区测试'), idNumberHmac: lookupHash(`id:${idNo}`), hukouRegion: 'wuxi', insuredRegion: 'wuxi' }).returning({ id: schema.persons.id }));
  seq += 1;
  const [filer] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: `居民${seq}` }).returning());
  const [app] = await q((db) =>
    db.insert(schema.applications).values({ ref: `WX-2026-${700000 + seq}`, personId: p!.id, filedByUserId: filer!.id, region: 'wuxi', district, year: 2026, status: 'submitted', submittedAt: '2026-07-01T00:00:00.000Z' }).returning(),
  );
  const [w] = await q((db) => db.insert(schema.watchlist).values({ personId: p!.id, region: 'wuxi', period: `2026-${String(seq).padStart(2, '0')}`, reason: `预警 ${district ?? '无区'}`, burdenFen: 1 }).returning());
  return { personId: p!.id, app: app!, watchId: w!.id };
}

describe('区级工作人员只看本区', () => {
  it('预警名单：区级受理员只看到在本区有案件的人，跟进别区的人查不到；全市受理员看到全部', async () => {
    const liangxi = await personIn('梁溪区', '320202199001010011');
    const binhu = await personIn('滨湖区', '320202199001010022');
    const none = await personIn(null, '320202199001010033');
    const district = await user('clerk', '梁溪区');
    const city = await user('clerk', null);
    // 梁溪区 clerk: only the person whose case is in 梁溪区 (the 滨湖区 one and the one without a district are elsewhere).
    expect((await watchlistFor(district)).map((e) => e.id)).toEqual([liangxi.watchId]);
    expect((await watchlistFor(city)).map((e) => e.id).sort()).toEqual([liangxi.watchId, binhu.watchId, none.watchId].sort());
    expect(await followUp(district, { id: binhu.watchId, status: 'contacted' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await followUp(district, { id: liangxi.watchId, status: 'contacted' })).toEqual({ ok: true });
  });

  it('任务：区级工作人员只看到本区工作人员发起的任务，别区的和全市的任务查不到、不能重试', async () => {
    const district = await user('clerk', '梁溪区');
    const colleague = await user('clerk', '梁溪区');
    const other = await user('clerk', '滨湖区');
    const city = await user('clerk', null);
    const auditor = await user('auditor', '梁溪区');
    const mine = await enqueue({ kind: 'settlement_import', region: 'wuxi', title: '梁溪区的导入', createdByUserId: colleague.id });
    const theirs = await enqueue({ kind: 'settlement_import', region: 'wuxi', title: '滨湖区的导入', createdByUserId: other.id });
    const cityWide = await enqueue({ kind: 'settlement_import', region: 'wuxi', title: '全市的导入', createdByUserId: city.id });
    const nightly = await enqueue({ kind: 'watchlist_refresh', region: 'wuxi', title: '每晚刷新' });
    const titles = async (u: SessionUser) => (await recentJobs(u, ['settlement_import', 'watchlist_refresh'], 50)).map((j) => j.title).filter((t) => [mine, theirs, cityWide, nightly].some((x) => x.title === t)).sort();
    expect(await titles(district)).toEqual(['梁溪区的导入']);
    expect(await titles(auditor)).toEqual(['梁溪区的导入']);
    expect(await titles(city)).toEqual(['全市的导入', '梁溪区的导入', '每晚刷新', '滨湖区的导入'].sort());
    expect(await jobFor(district, mine.id)).toMatchObject({ ok: true });
    for (const id of [theirs.id, cityWide.id, nightly.id]) {
      expect(await jobFor(district, id)).toMatchObject({ ok: false, code: 'not_found' });
      expect(await retryJob(district, id)).toMatchObject({ ok: false, code: 'not_found' });
    }
    // A job of the area that did not fail: found, then refused for its state.
    expect(await retryJob(district, mine.id)).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('审计日志：区级审计员只看到本区工作人员的操作和本区案件的记录，身份证号查不到别区的人', async () => {
    const liangxi = await personIn('梁溪区', '320202199001010044');
    const binhu = await personIn('滨湖区', '320202199001010055');
    const districtClerk = await user('clerk', '梁溪区');
    const cityClerk = await user('clerk', null);
    const auditor = await user('auditor', '梁溪区');
    const cityAuditor = await user('auditor', null);
    const action = `district.test.${seq}`;
    // 1: the 梁溪区 clerk's login; 2: the city clerk on the 梁溪区 case; 3: the city clerk on the 滨湖区 case; 4: the city clerk's login.
    await writeAudit({ actorUserId: districtClerk.id, actorRole: 'clerk', action, entity: 'user', entityId: districtClerk.id });
    await writeAudit({ actorUserId: cityClerk.id, actorRole: 'clerk', action, entity: 'application', entityId: liangxi.app.id });
    await writeAudit({ actorUserId: cityClerk.id, actorRole: 'clerk', action, entity: 'application', entityId: binhu.app.id });
    await writeAudit({ actorUserId: cityClerk.id, actorRole: 'clerk', action, entity: 'user', entityId: cityClerk.id });
    const seen = async (u: SessionUser) => {
      const r = await searchAudit(u, { action });
      return r.ok ? r.rows.map((x) => `${x.actorName}:${x.ref ?? x.entity}`).sort() : r;
    };
    // The district auditor: rows 1 and 2 (by a 梁溪区 clerk; about a 梁溪区 case), not 3 and 4.
    expect(await seen(auditor)).toEqual([`${cityClerk.displayName}:${liangxi.app.ref}`, `${districtClerk.displayName}:user`].sort());
    expect(await seen(cityAuditor)).toHaveLength(4);
    expect(await personIdByIdNumber(auditor, '320202199001010055')).toBeNull();
    expect(await personIdByIdNumber(auditor, '320202199001010044')).toBe(liangxi.personId);
    expect(await personIdByIdNumber(cityAuditor, '320202199001010055')).toBe(binhu.personId);
    const names = (await regionStaff(auditor)).map((s) => s.id);
    expect(names).toContain(districtClerk.id);
    expect(names).not.toContain(cityClerk.id);
  });
});
