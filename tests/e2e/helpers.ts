import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo-2026!';

let phoneCounter = 0;
/** A phone number no other test uses (each worker and run gets its own range). */
export function freshPhone(): string {
  phoneCounter += 1;
  const worker = Number(process.env.TEST_WORKER_INDEX ?? 0);
  const n = (Date.now() % 100_000) * 10 + worker;
  return `137${String(n).padStart(6, '0').slice(-6)}${String(phoneCounter).padStart(2, '0')}`;
}

/** Signs a resident in with phone + the code the demo sender shows on screen. */
export async function signInResident(page: Page, phone: string, next?: string): Promise<void> {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  const code = (await page.getByTestId('demo-code').locator('strong').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function signInStaff(page: Page, username: string, next = '/admin'): Promise<void> {
  await page.goto(`/login?as=staff&next=${encodeURIComponent(next)}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

/** No serious or critical axe violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
