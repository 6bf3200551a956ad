import { expect, test } from '@playwright/test';
import { agreeIfAsked, expectAccessible, signInResident, signInStaff } from './helpers';

test('居民的页面没有严重的无障碍问题（我的、申请、任务清单、各步骤、申请详情）', async ({ page }) => {
  await page.goto('/login');
  await expectAccessible(page);
  // Demo resident 张三明 (13800000001) has applications in several states; no other test signs in as him.
  await signInResident(page, '13800000001');
  await expectAccessible(page);
  await page.goto('/applications/WX-2026-000002');
  await expect(page.getByRole('heading', { name: '需要您补充' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/apply');
  await expectAccessible(page);
  await agreeIfAsked(page);
  await page.getByRole('button', { name: '开始申请' }).click();
  await page.waitForURL(/\/apply\/[0-9a-f-]{36}$/);
  const base = new URL(page.url()).pathname;
  await expectAccessible(page);
  for (const step of ['applicant', 'identity', 'episodes', 'episodes/new', 'bank', 'declaration']) {
    await page.goto(`${base}/${step}`);
    await expectAccessible(page);
  }
  await page.goto(`${base}/applicant`);
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByText('有几处需要修改，已先为您保存。')).toBeVisible();
  await expectAccessible(page);
});

test('长辈模式下按钮和选项至少 60 像素高', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '长辈模式' }).click();
  await expect(page.locator('html')).toHaveClass(/elder/);
  const button = await page.getByRole('button', { name: '确定地区' }).boundingBox();
  expect(button!.height).toBeGreaterThanOrEqual(60);
  const choice = await page.locator('label.choice').first().boundingBox();
  expect(choice!.height).toBeGreaterThanOrEqual(60);
});

test('工作台没有严重的无障碍问题', async ({ page }) => {
  await signInStaff(page, 'wuxi.reviewer');
  await expectAccessible(page);
  await page.goto('/applications/WX-2026-000001');
  await expect(page.getByText('救助金已发放').first()).toBeVisible();
  await expectAccessible(page);
});
