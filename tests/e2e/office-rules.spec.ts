import { expect, test } from '@playwright/test';
import { expectAccessible, freshIdNumber, freshPhone, residentApplication, signInStaff } from './helpers';

test('管理员改受理时限，受理员队列的计时马上按新时限；节假日安排和不予救助的依据写在参数页', async ({ browser }) => {
  test.setTimeout(150_000);
  const ref = residentApplication(freshPhone(), freshIdNumber(), '时限测');

  const clerkCtx = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const clerk = await clerkCtx.newPage();
  await signInStaff(clerk, 'wuxi.clerk');
  const find = async () => {
    await clerk.getByLabel('申请编号或身份证号').fill(ref);
    await clerk.getByRole('button', { name: '查找', exact: true }).click();
    await expect(clerk.getByRole('list', { name: '申请列表' }).getByRole('listitem')).toHaveCount(1);
  };
  await find();
  // Seeded demo accept limit for Wuxi: 5 working days (scripts/seed/demo-holidays.ts); submitted today → day 0.
  await expect(clerk.getByTestId('sla').first()).toContainText('时限 5 个工作日');

  const adminCtx = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const admin = await adminCtx.newPage();
  await signInStaff(admin, 'admin', '/admin/parameters');
  await expect(admin.getByRole('heading', { name: '办理时限' })).toBeVisible();
  await expect(admin.getByTestId('param-office.acceptWorkingDays')).toContainText('5 个工作日');
  // The demo calendar is the State Council's 2026 one, marked 演示 with its source.
  await expect(admin.getByRole('heading', { name: /节假日安排/ })).toBeVisible();
  await expectAccessible(admin);

  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  await admin.getByLabel('参数', { exact: true }).selectOption('office.acceptWorkingDays');
  await admin.getByLabel('数值', { exact: true }).fill('8');
  await admin.getByLabel('开始日期', { exact: true }).fill(today);
  await admin.getByLabel('依据（文件文号或通知）').fill('锡医保发〔2026〕测试9号');
  // The seeded version runs from 2024-01-01 with no end: without ending it the new one is refused as overlapping.
  await admin.getByRole('checkbox', { name: /^结束现行版本/ }).check();
  await admin.getByRole('button', { name: '发布新版本' }).click();
  await expect(admin.getByRole('status').filter({ hasText: '已发布新版本' })).toBeVisible();

  // The same application, the same day: the clock now reads the new limit.
  await clerk.goto('/admin');
  await find();
  await expect(clerk.getByTestId('sla').first()).toContainText('时限 8 个工作日');
  await clerkCtx.close();
  await adminCtx.close();
});
