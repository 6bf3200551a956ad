import { expect, test, type Page } from '@playwright/test';
import { DEMO_ADMIN_TOTP_SECRET, expectAccessible, signInStaff } from './helpers';

// 2023 on purpose: no other spec estimates Shanghai in 2023, so the version set here changes nothing they expect.
const SOURCE = '沪医保规〔2023〕测试1号';

async function shanghaiDibaoStay(page: Page) {
  await page.goto('/estimate/region');
  await page.getByLabel('上海市', { exact: true }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByLabel('低保证（最低生活保障证）', { exact: true }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page).toHaveURL(/\/estimate\/visit\/new$/);
  await page.getByLabel('住院', { exact: true }).check();
  await page.getByLabel('入院日期（门诊填看病日期）').fill('2023-04-03');
  await page.getByLabel('出院日期（住院才填）').fill('2023-04-20');
  await page.getByLabel('三级医院').check();
  await page.getByLabel('本市（本地）', { exact: true }).check();
  await page.getByRole('group', { name: /转诊/ }).getByLabel('是', { exact: true }).check();
  await page.getByLabel('① 总费用').fill('300000');
  await page.getByLabel('② 政策范围内费用').fill('300000');
  await page.getByLabel('③ 基本医保支付').fill('100000');
  await page.getByLabel('④ 大病保险支付').fill('50000');
  await page.getByRole('button', { name: '保存这次就医' }).click();
  await expect(page).toHaveURL(/\/estimate$/);
  await page.getByRole('link', { name: '计算能报多少' }).click();
}

test('管理员设定上海住院救助年度限额，估算页马上按它计算并写明来源；日期重叠的版本被拒绝', async ({ page, browser }) => {
  test.setTimeout(150_000);
  // Self-pay 300,000 − 100,000 − 50,000 = 150,000 元; 低保 inpatient 90% (000 二(二)4) = 135,000 元, uncapped while no limit is set.
  await shanghaiDibaoStay(page);
  await expect(page.getByTestId('missing-parameters')).toContainText('住院救助年度限额');
  await expect(page.getByTestId('assistance')).toHaveText('¥135,000.00');

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInStaff(staff, 'shanghai.admin', '/admin/parameters', DEMO_ADMIN_TOTP_SECRET);
  await expect(staff.getByRole('heading', { name: '参数设定' })).toBeVisible();
  await expect(staff.getByTestId('missing-list')).toContainText('住院救助年度限额');
  await expect(staff.getByRole('list', { name: '文件已规定的数值' })).toContainText('低保对象符合规定的自负费用按90%救助');

  await staff.getByLabel('参数', { exact: true }).selectOption('annualLimitFen.inpatient');
  await staff.getByLabel('数值', { exact: true }).fill('10万');
  await staff.getByLabel('开始日期', { exact: true }).fill('2023-01-01');
  await staff.getByLabel('截止日期（可不填）').fill('2023-12-31');
  await staff.getByLabel('依据（文件文号或通知）').fill(SOURCE);
  await staff.getByRole('button', { name: '先预览变化（不发布）' }).click();
  await expect(staff.getByRole('status').filter({ hasText: '草稿还没有发布' })).toBeVisible();
  await expect(staff.getByTestId('impact-run').first()).toContainText('2023 年');
  // The worker recomputes in the background; the page refreshes itself until the result is there.
  await expect(staff.getByTestId('impact-delta').first()).toBeVisible({ timeout: 60_000 });
  // The preview published nothing: the estimate still has no limit.
  await page.reload();
  await expect(page.getByTestId('assistance')).toHaveText('¥135,000.00');

  await staff.getByRole('button', { name: '发布新版本' }).click();
  await expect(staff.getByRole('status').filter({ hasText: '已发布新版本' })).toBeVisible();
  await staff.reload();
  const card = staff.getByTestId('param-annualLimitFen.inpatient');
  await card.getByText(/全部版本/).click();
  await expect(card).toContainText('¥100,000.00');
  await expect(card).toContainText(`依据：${SOURCE}`);
  await expect(card).toContainText('上海管理员（演示）');

  // A second version starting inside the first is refused, next to the start date; nothing is overwritten.
  await staff.getByLabel('参数', { exact: true }).selectOption('annualLimitFen.inpatient');
  await staff.getByLabel('数值', { exact: true }).fill('120000');
  await staff.getByLabel('开始日期', { exact: true }).fill('2023-07-01');
  await staff.getByLabel('依据（文件文号或通知）').fill('另一份通知');
  await staff.getByRole('button', { name: '发布新版本' }).click();
  await expect(staff.locator('#f-effectiveFrom-error')).toContainText('与 2023-01-01 至 2023-12-31 的版本重叠');
  await expect(staff.getByLabel('数值', { exact: true })).toHaveValue('120000');
  await expectAccessible(staff);

  // The same estimate, reloaded: the 100,000-yuan limit caps the 135,000, and the page names the source.
  await page.reload();
  await expect(page.getByTestId('assistance')).toHaveText('¥100,000.00');
  await expect(page.getByTestId('parameter-annualLimitFen.inpatient')).toContainText(SOURCE);
  await expect(page.getByTestId('parameter-annualLimitFen.inpatient')).toContainText('¥100,000.00');
  await expect(page.getByTestId('missing-parameters')).toHaveCount(0);
  await staffContext.close();
});

test('上海审核员能看参数但不能设定；无锡受理员只看到无锡的参数', async ({ browser }) => {
  const reviewer = await (await browser.newContext()).newPage();
  await signInStaff(reviewer, 'shanghai.reviewer', '/admin/parameters');
  await expect(reviewer.getByRole('heading', { name: '参数设定' })).toBeVisible();
  await expect(reviewer.getByText('只有本地区的管理员可以设定参数')).toBeVisible();
  await expect(reviewer.getByRole('button', { name: '发布新版本' })).toHaveCount(0);
  const wuxi = await (await browser.newContext()).newPage();
  await signInStaff(wuxi, 'wuxi.clerk', '/admin/parameters');
  await expect(wuxi.getByText('本地区的文件规定了全部数值')).toBeVisible();
  await expect(wuxi.getByRole('list', { name: '文件已规定的数值' })).toContainText('001');
  // Wuxi's only staff-set figures are the early-warning ones, in their own section.
  await expect(wuxi.getByRole('heading', { name: '预警名单的参数' })).toBeVisible();
  for (const width of [360, 1280]) {
    await wuxi.setViewportSize({ width, height: 900 });
    await wuxi.screenshot({ path: `test-results/screens/parameters-wuxi-${width}.png`, fullPage: true });
  }
});
