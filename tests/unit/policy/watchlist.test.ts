import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { todayInShanghai } from '@/lib/format';
import { startSettlementImport } from '@/lib/dal/settlements';
import { followUp, openPersonFromLead, overThreshold, requestWatchlistRefresh, watchLeadsFor, watchlistFor, windowOf, WATCH_PARAMS } from '@/lib/dal/watchlist';
import { HANDLERS } from '@/lib/jobs/handlers';
import { runNext } from '@/lib/jobs/runner';
import { q, schema } from '@/lib/store/db';
import { csvOf, idNumber, person, staff } from './fixtures';

const today = todayInShanghai();
const w = windowOf(today);

async function runAll() {
  while (await runNext('w', HANDLERS));
}

describe('因病致贫预警名单', () => {
  it('近12个月：窗口从一年前的次日到今天', () => {
    expect(windowOf('2026-03-15')).toEqual({ from: '2025-03-16', to: '2026-03-15', period: '2026-03' });
    // 40% of 20,000 元 = 8,000 元: 8,000 元 is listed (达到), 7,999.99 元 is not.
    expect(overThreshold(800_000, 2_000_000, 40)).toBe(true);
    expect(overThreshold(799_999, 2_000_000, 40)).toBe(false);
  });

  it('参数未设定时刷新失败并写明缺哪个参数', async () => {
    const clerk = await staff('clerk', 'wuxi');
    const r = await requestWatchlistRefresh(clerk);
    if (!r.ok) throw new Error(r.message);
    await runAll();
    const [job] = await q((db) => db.select().from(schema.jobs).where(eq(schema.jobs.id, r.jobId)));
    expect(job).toMatchObject({ status: 'failed' });
    expect(job!.error).toContain(WATCH_PARAMS.share.name);
  });

  it('无锡：个人实际负担达到上年人均可支配收入×家庭人口的40%的人列入名单并说明原因，同一期间不重复；本人收到可以申请什么的提醒', async () => {
    for (const [name, value, unit] of [[WATCH_PARAMS.share.name, 40, 'percent'], [WATCH_PARAMS.perCapita.name, 2_000_000, 'fen']] as const) {
      await q((db) => db.insert(schema.parameters).values({ region: 'wuxi', name, value, unit, effectiveFrom: '2020-01-01', source: '测试：预警标准' }));
    }
    const clerk = await staff('clerk', 'wuxi');
    const edge = idNumber(21);
    const a = await person(edge, { category: null, account: true });
    const dibao = idNumber(22);
    const b = await person(dibao, { category: 'dibao' });
    // Line: 40% × 20,000 元 × 1 person (size not on record) = 8,000 元.
    // A (no certification, so no direct award; in Wuxi every certified 救助对象 is awarded directly, 001 五(十)): paid
    // total 16,000 − 医保 6,000 = 10,000 元 (1,000 元 of it out of catalogue) ≥ 8,000 元 → listed.
    // B (低保): 12,000 − 6,000 = 6,000 元 paid, 3,400 元 awarded directly (85% of 4,000 policy self-pay) → 2,600 元 left → not listed.
    const file = csvOf([
      { no: 'W-1', id: edge, date: w.to, total: 1_600_000, policy: 1_500_000, basic: 600_000 },
      { no: 'W-2', id: dibao, date: w.to, total: 1_200_000, policy: 1_000_000, basic: 600_000 },
    ]);
    const started = await startSettlementImport(clerk, { text: file, fileName: 'w.csv', from: w.from, to: w.to, goodOnly: false });
    expect(started.ok).toBe(true);
    await runAll();
    for (let i = 0; i < 2; i++) {
      await requestWatchlistRefresh(clerk, { now: new Date(Date.now() + i * 120_000) });
      await runAll();
    }
    const list = await watchlistFor(clerk);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: 'open', burdenFen: 1_000_000, period: w.period });
    expect(list[0]!.reason).toContain('（含目录外费用）¥10,000.00');
    expect(list[0]!.reason).toContain('个人仍负担 ¥10,000.00');
    expect(list[0]!.reason).toContain('上年居民人均可支配收入 20,000.00 元（测试：预警标准）× 家庭人口未登记，按 1 人计 = 20,000.00 元 的 40%，即 8,000.00 元');
    const rows = await q((db) => db.select().from(schema.watchlist).where(eq(schema.watchlist.personId, b.personId)));
    expect(rows).toHaveLength(0);
    const inbox = await q((db) => db.select().from(schema.notifications).where(eq(schema.notifications.userId, a.user!.id)));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.body).toContain('《无锡市人民政府办公室关于健全重特大疾病医疗保险和救助制度的实施意见》');
    expect(inbox[0]!.body).not.toContain('慈善');

    // 000 二(四)1's referral to charities is Shanghai's: a Wuxi clerk cannot record one.
    expect(await followUp(clerk, { id: list[0]!.id, status: 'referred', charity: '无锡市慈善总会' })).toMatchObject({ ok: false, fieldErrors: { status: '本地区没有慈善推介' } });
    expect(await followUp(await staff('clerk', 'shanghai'), { id: list[0]!.id, status: 'contacted' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await followUp(await staff('auditor', 'wuxi'), { id: list[0]!.id, status: 'contacted' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await followUp(clerk, { id: list[0]!.id, status: 'contacted', note: '已电话联系家属' })).toEqual({ ok: true });
    const [after] = await watchlistFor(clerk);
    expect(after).toMatchObject({ status: 'contacted', charityReferral: null });
    expect(after!.notes).toContain('已联系：已电话联系家属');
    const audit = await q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, list[0]!.id)));
    expect(audit.map((x) => x.action)).toEqual(expect.arrayContaining(['watchlist.add', 'watchlist.follow_up']));
  });

  it('没有结算记录的人按申请时算出的个人自付计入，已批准的救助金额扣除', async () => {
    const clerk = await staff('clerk', 'wuxi');
    const id = idNumber(23);
    const { personId } = await person(id, { category: null });
    const submittedAt = `${w.to}T01:00:00.000Z`;
    // Application estimate (no out-of-pocket figure stored): 政策范围内自付 12,000 元; approved 2,000 元 → 10,000 元 left ≥ 8,000 元.
    await q((db) =>
      db.insert(schema.applications).values({
        ref: `WX-T-${Date.now()}`, personId, filedByUserId: clerk.id, region: 'wuxi', year: Number(w.to.slice(0, 4)), status: 'approved',
        estimateSnapshot: { result: { totals: { selfPayPolicyFen: 1_200_000 } } }, decidedAmountFen: 200_000, submittedAt,
      }),
    );
    await requestWatchlistRefresh(clerk, { now: new Date(Date.now() + 10 * 60_000) });
    await runAll();
    const entry = (await watchlistFor(clerk)).find((e) => e.burdenFen === 1_000_000);
    expect(entry?.reason).toContain('（结算记录 0 笔、申请 1 份），已获医疗救助 ¥2,000.00，个人仍负担 ¥10,000.00');
  });

  it('政策找人：没有个人档案的结算记录也筛查，达到预警线的成为线索（医院和金额），受理员核对身份证号后建立档案', async () => {
    const clerk = await staff('clerk', 'wuxi');
    const id = idNumber(24);
    // No person record. Two stays: 9,000 − 4,000 = 5,000 元 and 7,000 − 3,000 − 500 (hospital assistance) = 3,500 元
    // → 8,500 元 paid ≥ the 8,000 元 line set in the test above.
    const file = csvOf([
      { no: 'L-1', id, date: w.to, total: 900_000, policy: 800_000, basic: 400_000, hospital: '无锡市第二人民医院' },
      { no: 'L-2', id, date: w.to, total: 700_000, policy: 700_000, basic: 300_000, aid: 50_000, hospital: '江南大学附属医院' },
    ]);
    expect((await startSettlementImport(clerk, { text: file, fileName: 'l.csv', from: w.from, to: w.to, goodOnly: false })).ok).toBe(true);
    await runAll();
    await requestWatchlistRefresh(clerk, { now: new Date(Date.now() + 20 * 60_000) });
    await runAll();
    const leads = await watchLeadsFor(clerk);
    const lead = leads.find((l) => l.burdenFen === 850_000)!;
    expect(lead).toMatchObject({ status: 'open', personId: null });
    expect(lead.visits.map((v) => [v.hospitalName, v.paidFen])).toEqual(expect.arrayContaining([['无锡市第二人民医院', 500_000], ['江南大学附属医院', 350_000]]));
    expect(lead.reason).toContain('结算记录 2 笔，没有个人档案');
    expect(await watchLeadsFor(await staff('clerk', 'shanghai'))).toEqual([]);

    expect(await openPersonFromLead(clerk, { id: lead.id, name: '钱线索', idNumber: idNumber(25) })).toMatchObject({ ok: false, fieldErrors: { idNumber: expect.any(String) } });
    expect(await openPersonFromLead(await staff('clerk', 'shanghai'), { id: lead.id, name: '钱线索', idNumber: id })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await openPersonFromLead(await staff('auditor', 'wuxi'), { id: lead.id, name: '钱线索', idNumber: id })).toMatchObject({ ok: false, code: 'forbidden' });
    const opened = await openPersonFromLead(clerk, { id: lead.id, name: '钱线索', idNumber: id });
    if (!opened.ok) throw new Error(opened.message);
    const linked = await q((db) => db.select().from(schema.settlements).where(eq(schema.settlements.personId, opened.personId)));
    expect(linked.map((r) => r.settlementNo).sort()).toEqual(['L-1', 'L-2']);
    expect(await openPersonFromLead(clerk, { id: lead.id, name: '钱线索', idNumber: id })).toMatchObject({ ok: false, code: 'conflict' });
    // The next refresh lists the person (8,500 元 ≥ 8,000 元) on the watch list itself.
    await requestWatchlistRefresh(clerk, { now: new Date(Date.now() + 30 * 60_000) });
    await runAll();
    expect((await watchlistFor(clerk)).some((e) => e.burdenFen === 850_000 && e.name === '钱线索')).toBe(true);
    const audit = await q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, lead.id)));
    expect(audit.map((x) => x.action)).toEqual(expect.arrayContaining(['watch_lead.add', 'watch_lead.open_person']));
  });

  it('互助帮困计划不刷新预警名单', async () => {
    const r = await requestWatchlistRefresh(await staff('clerk', 'shanghai-mutual-aid'));
    expect(r).toMatchObject({ ok: false, code: 'invalid' });
    expect(r.ok ? '' : r.message).toContain('没有预警名单');
  });
});
