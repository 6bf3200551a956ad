// Found by the authorization matrix (tests/e2e/authz-matrix.spec.ts, the audit filter row): the audit filter
// turned any 身份证号 into a person id whatever the reader's region, so an auditor or admin of another region
// could learn from "已按一位申请人筛选" vs "没有找到这个身份证号对应的人员" that somebody had applied for
// assistance here. personIdByIdNumber now answers only for a person of the reader's region.
import '../helpers/test-db';
import { describe, expect, it } from 'vitest';
import { lookupHash } from '@/lib/personal/crypto';
import { personIdByIdNumber } from '@/lib/dal/audit-search';
import { sealName } from '@/lib/personal/records';
import { q, schema } from '@/lib/store/db';
import { caseFor, staffUser } from '../ledger/fixtures';

async function personWith(id: string, regions: { hukouRegion?: string; insuredRegion?: string } = {}) {
  const [p] = await q((db) => db.insert(schema.persons).values({ ...sealName('查询人'), idNumberHmac: lookupHash(`id:${id}`), ...regions }).returning());
  return p!.id;
}

describe('审计日志按身份证号筛选只认本地区的人', () => {
  it('在本地区有申请（非草稿）或户籍、参保在本地区才找到；外地区、草稿、非审计角色都当作没有', async () => {
    const wxAuditor = await staffUser('auditor');
    const wxAdmin = await staffUser('admin');
    const shAuditor = await staffUser('auditor', 'shanghai');
    const wxClerk = await staffUser('clerk');

    // An application in Wuxi, nothing in Shanghai.
    const applied = await personWith('320202198001010011');
    await caseFor(applied, { status: 'submitted' });
    expect(await personIdByIdNumber(wxAuditor, '320202198001010011')).toBe(applied);
    expect(await personIdByIdNumber(wxAdmin, '320202198001010011')).toBe(applied);
    expect(await personIdByIdNumber(shAuditor, '320202198001010011')).toBeNull();
    // Only auditors and admins read the log at all.
    expect(await personIdByIdNumber(wxClerk, '320202198001010011')).toBeNull();

    // Hukou in Shanghai, insured in Wuxi: both regions know the person.
    const moved = await personWith('310104196207201223', { hukouRegion: 'shanghai', insuredRegion: 'wuxi' });
    expect(await personIdByIdNumber(shAuditor, '310104196207201223')).toBe(moved);
    expect(await personIdByIdNumber(wxAuditor, '310104196207201223')).toBe(moved);

    // Only a draft in Shanghai (staff never see drafts): not a Shanghai person.
    const drafted = await personWith('320202198001010038');
    await caseFor(drafted, { status: 'draft', region: 'shanghai' });
    expect(await personIdByIdNumber(shAuditor, '320202198001010038')).toBeNull();

    // Nobody has it.
    expect(await personIdByIdNumber(wxAuditor, '320202198001019999')).toBeNull();
  });
});
