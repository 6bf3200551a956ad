// Found by the authorization matrix (tests/e2e/authz-matrix.spec.ts, the district clerk's column): staff of a
// district see that district's cases only (lib/dal/access.ts canAccess, the queue), but the payments page and the
// bank batch export listed the whole region: a district clerk could download every district's names and full
// bank account numbers. approvedUnpaid (so exportBankBatch) and recentLedgerRows now keep to the district.
import '../helpers/test-db';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recentLedgerRows } from '@/lib/dal/ledger';
import { approvedUnpaid, exportBankBatch } from '@/lib/dal/payment-batches';
import { toSessionUser, type SessionUser } from '@/lib/dal/users';
import { q, schema } from '@/lib/store/db';
import { perform } from '@/lib/workflow';
import { caseFor, person, staffUser } from '../ledger/fixtures';

async function districtStaff(username: string, district: string): Promise<SessionUser> {
  const [row] = await q((db) => db.insert(schema.users).values({ role: 'clerk', username, displayName: username, region: 'wuxi', district }).returning());
  return toSessionUser(row!);
}

describe('区县工作人员的发放页和批次文件只含本区县的案件', () => {
  it('梁溪区受理员只看到、只导出梁溪区的案件；没有本区县案件的导不出；全市受理员两件都有', async () => {
    const reviewer = await staffUser('reviewer');
    const cityClerk = await staffUser('clerk');
    const liangxi = await districtStaff('d-liangxi', '梁溪区');
    const binhu = await districtStaff('d-binhu', '滨湖区');
    const here = await caseFor((await person('梁溪人')).id);
    const there = await caseFor((await person('新吴人')).id);
    await q((db) => db.update(schema.applications).set({ district: '梁溪区' }).where(eq(schema.applications.id, here.id)));
    await q((db) => db.update(schema.applications).set({ district: '新吴区' }).where(eq(schema.applications.id, there.id)));
    expect(await perform(reviewer, here.ref, 'approve', { amountFen: 400000 })).toMatchObject({ ok: true });
    expect(await perform(reviewer, there.ref, 'approve', { amountFen: 969000 })).toMatchObject({ ok: true });

    const refs = (cases: { ref: string }[]) => cases.map((c) => c.ref).filter((r) => r === here.ref || r === there.ref).sort();
    expect(refs(await approvedUnpaid(cityClerk))).toEqual([here.ref, there.ref].sort());
    expect(refs(await approvedUnpaid(liangxi))).toEqual([here.ref]);
    expect(refs(await approvedUnpaid(binhu))).toEqual([]);

    // The ledger rows of the page: the approvals' rows, of the district's case only.
    const ledgerRefs = async (u: SessionUser) => [...new Set((await recentLedgerRows(u)).map((r) => r.ref))].filter((r) => r === here.ref || r === there.ref).sort();
    expect(await ledgerRefs(cityClerk)).toEqual([here.ref, there.ref].sort());
    expect(await ledgerRefs(liangxi)).toEqual([here.ref]);
    expect(await ledgerRefs(binhu)).toEqual([]);

    // The batch file: one line for 梁溪区 (400000 fen) and the checksum row; 滨湖区 has nothing to export.
    const batch = await exportBankBatch(liangxi);
    if (!batch.ok) throw new Error(batch.message);
    const rows = parse(batch.csv, { bom: true }) as string[][];
    expect(rows.slice(1, -1).map((r) => [r[2], r[6]])).toEqual([[here.ref, '400000']]);
    expect([batch.count, batch.totalFen]).toEqual([1, 400000]);
    expect(await exportBankBatch(binhu)).toMatchObject({ ok: false, code: 'conflict' });
  });
});
