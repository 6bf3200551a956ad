import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { todayInShanghai } from '@/lib/format';
import { startSettlementImport } from '@/lib/dal/settlements';
import { followUp, overThreshold, requestWatchlistRefresh, watchlistFor, windowOf, WATCH_PARAMS } from '@/lib/dal/watchlist';
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

  it('个人负担达到参照收入的40%的人列入名单并说明原因，同一期间不重复；本人收到可以申请什么的提醒', async () => {
    for (const [name, value, unit] of [[WATCH_PARAMS.share.name, 40, 'percent'], [WATCH_PARAMS.income.name, 2_000_000, 'fen']] as const) {
      await q((db) => db.insert(schema.parameters).values({ region: 'wuxi', name, value, unit, effectiveFrom: '2020-01-01', source: '测试：预警标准' }));
    }
    const clerk = await staff('clerk', 'wuxi');
    const edge = idNumber(21);
    const a = await person(edge, { category: null, account: true });
    const dibao = idNumber(22);
    const b = await person(dibao, { category: 'dibao' });
    // A (no certification, so no direct award; in Wuxi every certified 救助对象 is awarded directly, 001 五(十)): 政策范围内 15,000 − 医保 6,000 = 9,000 元 ≥ 8,000 元 → listed.
    // B (低保): 10,000 − 6,000 = 4,000 元 self-pay, 3,400 元 awarded directly → 600 元 left → not listed.
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
    expect(list[0]).toMatchObject({ status: 'open', burdenFen: 900_000, period: w.period });
    expect(list[0]!.reason).toContain('个人仍负担 ¥9,000.00');
    expect(list[0]!.reason).toContain('¥20,000.00 的 40%');
    const rows = await q((db) => db.select().from(schema.watchlist).where(eq(schema.watchlist.personId, b.personId)));
    expect(rows).toHaveLength(0);
    const inbox = await q((db) => db.select().from(schema.notifications).where(eq(schema.notifications.userId, a.user!.id)));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.body).toContain('《无锡市人民政府办公室关于健全重特大疾病医疗保险和救助制度的实施意见》');

    expect(await followUp(clerk, { id: list[0]!.id, status: 'referred' })).toMatchObject({ ok: false, fieldErrors: { charity: '请写明推介的慈善组织名称' } });
    expect(await followUp(await staff('clerk', 'shanghai'), { id: list[0]!.id, status: 'contacted' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await followUp(await staff('auditor', 'wuxi'), { id: list[0]!.id, status: 'contacted' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await followUp(clerk, { id: list[0]!.id, status: 'referred', charity: '无锡市慈善总会', note: '已电话联系家属' })).toEqual({ ok: true });
    const [after] = await watchlistFor(clerk);
    expect(after).toMatchObject({ status: 'referred', charityReferral: '无锡市慈善总会' });
    expect(after!.notes).toContain('已推介慈善组织：已电话联系家属');
    const audit = await q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, list[0]!.id)));
    expect(audit.map((x) => x.action)).toEqual(expect.arrayContaining(['watchlist.add', 'watchlist.follow_up']));
  });

  it('没有结算记录的人按申请时算出的个人自付计入，已批准的救助金额扣除', async () => {
    const clerk = await staff('clerk', 'wuxi');
    const id = idNumber(23);
    const { personId } = await person(id, { category: null });
    const submittedAt = `${w.to}T01:00:00.000Z`;
    // Application estimate: 政策范围内自付 12,000 元; approved 2,000 元 → 10,000 元 left ≥ 40% × 20,000 元 = 8,000 元.
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
});
