import { expect, test } from '@playwright/test';
import { expectAccessible, freshPhone, signInResident, signInStaff } from './helpers';

test('首页说明用途并提供三个入口', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('重特大疾病医疗救助');
  for (const name of ['能不能救助', '能报多少', '申请与进度']) {
    await expect(page.getByRole('link', { name: new RegExp(name) })).toBeVisible();
  }
  await expectAccessible(page);
});

test('居民用手机号和验证码登录后看到“我的”页面', async ({ page }) => {
  await signInResident(page, freshPhone());
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('您好');
});

test('验证码连续输错 5 次被锁定，并看到中文提示', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('手机号').fill(freshPhone());
  await page.getByRole('button', { name: '获取验证码' }).click();
  const code = (await page.getByTestId('demo-code').locator('strong').textContent())!.trim();
  const wrong = code === '000000' ? '111111' : '000000';
  for (let i = 1; i <= 4; i++) {
    await page.getByLabel('验证码').fill(wrong);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByText(`验证码不正确，还可以再试 ${5 - i} 次。`)).toBeVisible();
  }
  await page.getByLabel('验证码').fill(wrong);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText(/错误次数过多，已锁定/)).toBeVisible();
  // Even the right code is refused now.
  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText(/错误次数过多/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('工作人员用户名和密码登录后进入工作台', async ({ page }) => {
  await signInStaff(page, 'wuxi.clerk');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
});

test('居民访问工作台被拒绝', async ({ page }) => {
  await signInResident(page, freshPhone());
  await expect(page).toHaveURL(/\/me$/);
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: '您没有权限访问这个页面' })).toBeVisible();
});

test('未登录访问“我的”先去登录，登录后回到原页面', async ({ page }) => {
  await page.goto('/me');
  await expect(page).toHaveURL(/\/login\?next=%2Fme/);
  const phone = freshPhone();
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  const code = (await page.getByTestId('demo-code').locator('strong').textContent())!.trim();
  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/me$/);
});

test('健康检查报告数据库和迁移状态', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ db: 'ok', migrations: 'current' });
});

test('不存在的页面显示中文 404', async ({ page }) => {
  const res = await page.goto('/no-such-page');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '没有找到这个页面' })).toBeVisible();
});

test('长辈模式放大字号并在下次访问时保留', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '长辈模式' }).click();
  await expect(page.locator('html')).toHaveClass(/elder/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/elder/);
  const size = await page.locator('body').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(18);
});
