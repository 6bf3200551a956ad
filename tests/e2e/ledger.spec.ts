// Payments ledger and audit, as an office uses them: a clerk exports the bank batch for the demo's approved
// Wuxi case (赵大年, filed by 王芳 as proxy), imports a result file with one bad line (nothing changes, the line is
// named), then the good file; the resident sees 救助金已发放; the auditor finds the export in the audit log.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { actAsStaff, expectAccessible, freshIdNumber, freshPhone, residentApplication, signInResident, signInStaff } from './helpers';

test.describe.configure({ mode: 'serial' });

const shots = async (page: Page, name: string) => {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 360, height: 780 });
};

let ref = '';
let batchRef = '';

test('受理员导出发放批次，导入有一行错的结果文件什么都不变，改正后登记为已发放', async ({ page }) => {
  await signInStaff(page, 'wuxi.clerk', '/admin/payments');
  await page.goto('/admin/payments');
  const list = page.getByRole('list', { name: '待发放的申请' });
  const item = list.getByRole('listitem').filter({ hasText: '赵*年' });
  await expect(item).toContainText('¥4,000.00');
  ref = (await item.getByRole('link').textContent())!.trim();
  expect(ref).toMatch(/^WX-\d{4}-\d{6}$/);
  await expectAccessible(page);
  await shots(page, 'payments');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出银行发放批次（CSV）' }).click()]);
  // Masked name in the file name, never the full one.
  expect(download.suggestedFilename()).toMatch(/^发放批次_PAY-\d{8}-[0-9A-F]{6}_赵某年\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
  const lines = csv.trim().split(/\r\n/);
  const cells = lines.map((l) => l.split(','));
  const line = cells.find((c) => c[2] === ref)!;
  batchRef = line[0]!;
  expect(line.slice(3, 8)).toEqual(['赵大年', '中国工商银行（演示）', '6222020000001234567', '400000', '4000.00']);
  // Checksum row: count of lines and their total in fen.
  const total = cells.slice(1, -1).reduce((a, c) => a + Number(c[6]), 0);
  expect(cells.at(-1)).toEqual([batchRef, String(lines.length - 2), '合计', '', '', '', String(total), (total / 100).toFixed(2)]);

  // The bank returns the batch with 结果 / 说明 added; one line's amount is wrong (line 2 after the header).
  const header = '批次号,申请编号,金额（分）,结果,说明';
  const bad = `${header}\n${batchRef},${ref},40000,成功,\n`;
  await page.getByLabel('银行结果文件（CSV）').setInputFiles({ name: 'result.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: '检查并登记' }).click();
  const alert = page.getByRole('alert').filter({ hasText: '结果文件' });
  await expect(alert).toContainText('没有登记任何一行');
  await expect(alert).toContainText('第 2 行：金额 40000 分与待发放金额 400000 分不一致。');
  await shots(page, 'payments-import-error');
  await page.reload();
  await expect(page.getByRole('list', { name: '待发放的申请' }).getByRole('link', { name: ref })).toBeVisible();

  const good = `${header}\n${batchRef},${ref},400000,成功,\n`;
  await page.getByLabel('银行结果文件（CSV）').setInputFiles({ name: 'result.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.getByRole('button', { name: '检查并登记' }).click();
  await expect(page.getByRole('status')).toContainText('发放成功 1 笔');
  await page.reload();
  await expect(page.getByRole('link', { name: ref })).toHaveCount(0); // no longer in the approved-unpaid list
  await expect(page.getByRole('list', { name: '最近的台账记录，新的在前' })).toContainText(batchRef);
});

test('居民看到救助金已发放', async ({ page }) => {
  // 王芳's demo phone is shared with the resident-journeys spec: a sign-in may wait out the other's resend cooldown.
  test.setTimeout(150_000);
  await signInResident(page, '13800000003', `/applications/${ref}`);
  await page.goto(`/applications/${ref}`);
  await expect(page.getByText('救助金已发放').first()).toBeVisible();
});

test('审计员按工作人员筛选审计日志，看到导出批次的记录', async ({ page }) => {
  await signInStaff(page, 'auditor', '/admin/audit');
  await page.goto('/admin/audit');
  await page.getByLabel('工作人员').selectOption({ label: '无锡受理员（演示）（wuxi.clerk，受理员）' });
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await page.waitForURL(/user=/);
  const rows = page.getByRole('list', { name: '审计记录' });
  await expect(rows.getByRole('listitem').filter({ hasText: '导出发放批次' }).filter({ hasText: batchRef })).toBeVisible();
  await expect(rows.getByRole('listitem').filter({ hasText: '登记已发放' })).not.toHaveCount(0);
  await expectAccessible(page);
  await shots(page, 'audit');
  // The auditor reads the ledger but has nothing to press.
  await page.goto('/admin/payments');
  await expect(page.getByText('您是审计员')).toBeVisible();
  await expect(page.getByRole('button', { name: '导出银行发放批次（CSV）' })).toHaveCount(0);
});

test('审核员在发放前更正核定金额：台账新增一笔更正，原批准记录保留，决定书显示更正后的金额和原因', async ({ page }) => {
  const fresh = residentApplication(freshPhone(), freshIdNumber(), '钱多多');
  actAsStaff('wuxi.clerk', fresh, 'accept');
  actAsStaff('wuxi.reviewer', fresh, 'start_review');
  actAsStaff('wuxi.reviewer', fresh, 'approve', { amountFen: 100000, reason: '按票据核定' });
  await signInStaff(page, 'wuxi.reviewer2', `/admin/applications/${fresh}`);
  await page.goto(`/admin/applications/${fresh}`);
  const form = page.getByTestId('action-correct_amount');
  await form.locator('summary').click();
  await expect(form.getByLabel('更正后的核定金额（元）')).toHaveValue('1000.00');
  // No reason and no confirmation: both named, nothing changes.
  await form.getByLabel('更正后的核定金额（元）').fill('800');
  await form.getByRole('button', { name: '确认更正核定金额' }).click();
  await expect(page.getByTestId('action-correct_amount').getByText('请勾选确认框')).toBeVisible();
  const again = page.getByTestId('action-correct_amount');
  await again.getByLabel('更正后的核定金额（元）').fill('800');
  await again.getByLabel('更正的原因').fill('一张门诊票据重复录入');
  await again.getByRole('checkbox').check();
  await again.getByRole('button', { name: '确认更正核定金额' }).click();
  // The ledger keeps the approval (1,000 元) and adds the correction (1,000 − 800 = −200 元).
  const ledger = page.locator('section', { has: page.getByRole('heading', { name: /年度救助台账/ }) });
  await expect(ledger).toContainText('批准');
  await expect(ledger).toContainText('¥1,000.00');
  await expect(ledger).toContainText('更正');
  await expect(ledger).toContainText('-¥200.00');
  await expect(page.getByText('一张门诊票据重复录入').first()).toBeVisible();
  await shots(page, 'case-corrected');
  await page.goto(`/admin/applications/${fresh}/decision`);
  await expect(page.getByText('¥800.00').first()).toBeVisible();
  await expect(page.getByText('一张门诊票据重复录入').first()).toBeVisible();
  await expectAccessible(page);
  await shots(page, 'decision-corrected');
});
