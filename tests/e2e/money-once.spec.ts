// Money paid once (issue 18): an import row whose hospital already paid assistance at 一站式 settlement pays only
// the difference; a visit a resident applied for and had approved is not paid again by an import of the same
// visit; a Chongqing row with a blank 按规定转诊 waits as 待核实 for a Chongqing clerk, who fills it and it is
// awarded; a bank account change asked by the resident, verified by a clerk, and its status seen by the resident.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { SETTLEMENT_HEADER } from '../../lib/settlements/csv';
import { actAsStaff, expectAccessible, freshIdNumber, freshPhone, residentApplication, signInStaff } from './helpers';

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const year = today.slice(0, 4);
const stamp = Date.now().toString(36).toUpperCase();

/** A fresh person certified in a category (tests/e2e/support/certified-person.ts), so no demo person's year is shared. */
function certifiedPerson(idNumber: string, name: string, region: string, code: string): void {
  const env = JSON.parse(readFileSync(process.env.E2E_ENV_FILE ?? 'test-results/e2e-server.env.json', 'utf8')) as Record<string, string>;
  execFileSync('npx', ['tsx', '--conditions=react-server', 'tests/e2e/support/certified-person.ts', idNumber, name, region, code], { env: { ...process.env, ...env, NODE_ENV: 'production' }, stdio: 'pipe' });
}

type Cells = { no: string; id: string; date?: string; end?: string; hospital?: string; level?: string; place?: string; referred?: string; total: number; policy: number; basic: number; critical?: number; paid?: number };
/** One settlement row in the file's column order (lib/settlements/csv.ts), amounts in 分. */
const row = (c: Cells) =>
  [c.no, c.id, c.date ?? today, c.end ?? '', '住院', c.hospital ?? '无锡市人民医院', c.level ?? '3', c.place ?? '本市', c.referred ?? '是', '否', '否', c.total, c.policy, c.basic, c.critical ?? 0, 0, c.paid ?? 0].join(',');
const file = (rows: string[]) => ({ name: 'jiesuan.csv', mimeType: 'text/csv', buffer: Buffer.from([SETTLEMENT_HEADER, ...rows].join('\n') + '\n', 'utf8') });

async function importFile(page: Page, rows: string[], from = `${year}-01-01`) {
  await page.goto('/admin/imports');
  await page.getByLabel('起始日期').fill(from);
  await page.getByLabel('截止日期').fill(today);
  await page.getByLabel('结算记录文件（CSV）').setInputFiles(file(rows));
  await page.getByRole('button', { name: '检查并导入' }).click();
  await page.waitForURL(/\/admin\/jobs\//);
  await expect(page.getByTestId('job-progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  return page.getByTestId('import-summary');
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
});

test('医院结算时已支付医疗救助的结算记录，导入后只支付差额', async ({ page }) => {
  const id = freshIdNumber();
  certifiedPerson(id, '孙已付', 'wuxi', 'dibao');
  await signInStaff(page, 'wuxi.clerk', '/admin/imports');
  // 总费用 12,000 元, 政策范围内 10,000 元, 基本医保 6,000 元 → 政策范围内自付 4,000 元; 低保 85% × 4,000 = 3,400 元
  // due for the year; the hospital's 一站式 settlement already paid 医疗救助 1,000 元 → the import pays 3,400 − 1,000 = 2,400 元.
  const summary = await importFile(page, [row({ no: `MO-${stamp}-1`, id, total: 1_200_000, policy: 1_000_000, basic: 600_000, paid: 100_000 })]);
  await expect(summary).toContainText('新导入：1 条');
  await expect(summary).toContainText('直接办理（免申即享）：1 件，合计 ¥2,400.00');
  const cases = page.getByRole('list', { name: '直接办理的案件' }).getByRole('listitem');
  await expect(cases).toHaveCount(1);
  await expect(cases.first()).toContainText('¥2,400.00');
  await expectAccessible(page);
  await cases.first().getByRole('link').click();
  await page.waitForURL(/\/admin\/applications\//);
  await expect(page.getByText('已批准，等待发放').first()).toBeVisible();
  await expect(page.getByText('¥2,400.00').first()).toBeVisible();
  await expectAccessible(page);
});

test('居民申请并已批准的同一次就医，再导入结算记录不再支付', async ({ page }) => {
  const id = freshIdNumber();
  certifiedPerson(id, '周一次', 'wuxi', 'dibao');
  // The application's one stay (tests/e2e/support/resident-app.ts): 无锡市人民医院, 2026-03-02 至 2026-03-10, 总费用 50,000 元,
  // 政策范围内 40,000 元, 基本医保 25,000 元, 大病保险 5,000 元 → 自付 10,000 元; 低保 85% → 8,500 元, approved as such.
  const ref = residentApplication(freshPhone(), id, '周一次');
  actAsStaff('wuxi.clerk', ref, 'accept');
  actAsStaff('wuxi.reviewer', ref, 'start_review');
  actAsStaff('wuxi.reviewer', ref, 'approve', { amountFen: 850_000, reason: '按测算核定' });

  await signInStaff(page, 'wuxi.clerk', '/admin/imports');
  // The same stay from the 医保 file (no 结算单号 on the application: matched by hospital + dates + amount): the year's
  // total is still 8,500 元, of which 8,500 元 is already approved → nothing new.
  const summary = await importFile(
    page,
    [row({ no: `MO-${stamp}-2`, id, date: '2026-03-02', end: '2026-03-10', total: 5_000_000, policy: 4_000_000, basic: 2_500_000, critical: 500_000 })],
    '2026-01-01',
  );
  await expect(summary).toContainText('新导入：1 条');
  await expect(summary).toContainText('直接办理（免申即享）：0 件');
  await expectAccessible(page);

  await page.goto(`/admin/applications/${encodeURIComponent(ref)}`);
  const dup = page.getByTestId('possible-duplicate');
  await expect(dup).toHaveCount(1);
  await expect(dup).toContainText('可能重复');
  await expect(dup).toContainText('批准时不会重复支付');
  await expectAccessible(page);
});
