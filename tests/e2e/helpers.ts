import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { idNumberCheckChar } from '../../lib/personal/id-number';
import { totpCode } from '../../lib/auth/totp';

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
  // A demo phone another test signed in with moments ago is in its resend cooldown (a real, shared limit):
  // wait it out and ask again, instead of failing on a missing code.
  const cooldown = page.getByText(/请 (\d+) 秒后再重新获取/);
  await expect(page.getByTestId('demo-code').or(cooldown)).toBeVisible();
  if (await cooldown.isVisible()) {
    const seconds = Number(/(\d+) 秒/.exec((await cooldown.textContent()) ?? '')?.[1] ?? 60);
    await page.waitForTimeout((seconds + 1) * 1000);
    await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
    await page.getByLabel('手机号').fill(phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
  }
  const code = (await page.getByTestId('demo-code').locator('strong').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** The demo admin's published second-factor secret (scripts/seed/demo-data.ts). */
export const DEMO_ADMIN_TOTP_SECRET = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';

/** Signs staff in; for an account with a second factor (the demo admin) types the current TOTP code too. */
export async function signInStaff(page: Page, username: string, next = '/admin', totpSecret = username === 'admin' ? DEMO_ADMIN_TOTP_SECRET : null): Promise<void> {
  await page.goto(`/login?as=staff&next=${encodeURIComponent(next)}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  if (totpSecret) {
    // A code signs in once: when this 30-second step's code was used already (an earlier sign-in), wait for the next.
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.getByLabel('动态验证码').fill(totpCode(totpSecret));
      await page.getByRole('button', { name: '登录' }).click();
      const left = await page.waitForURL((url) => url.pathname !== '/login', { timeout: 5000 }).then(() => true, () => false);
      if (left) return;
      await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    }
  }
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** No serious or critical axe violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A full-page screenshot kept with the test: in its output folder and attached to its report entry. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

/** Moves an application as staff would, through lib/dal (the staff pages call the same function). */
export function actAsStaff(username: string, ref: string, transition: string, input: Record<string, unknown> = {}): void {
  const env = serverEnv();
  execFileSync('npx', ['tsx', '--conditions=react-server', 'tests/e2e/support/staff-act.ts', username, ref, transition, JSON.stringify(input)], {
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: 'pipe',
  });
}

/** A valid 身份证号 nobody else in this run uses (GB 11643 check character). */
export function freshIdNumber(): string {
  const serial = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const first = `320202${1950 + Math.floor(Math.random() * 50)}0${1 + Math.floor(Math.random() * 9)}${day}${serial}`;
  return first + idNumberCheckChar(first);
}

/** The e2e server's database and keys, for the support scripts that act on it (scripts/e2e-server.sh writes them). */
function serverEnv(): Record<string, string> {
  return JSON.parse(readFileSync(process.env.E2E_ENV_FILE ?? 'test-results/e2e-server.env.json', 'utf8')) as Record<string, string>;
}

/** A tiny real PNG (1×1), for upload tests. */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A submitted Wuxi application (or mutual-aid plan one) for this phone (the resident can then sign in with it); returns the reference. */
export function residentApplication(phone: string, idNumber: string, name: string, plan: 'wuxi' | 'mutual-aid' = 'wuxi', settlementNo?: string): string {
  const env = serverEnv();
  const out = execFileSync('npx', ['tsx', '--conditions=react-server', 'tests/e2e/support/resident-app.ts', phone, idNumber, name, plan, ...(settlementNo ? [settlementNo] : [])], {
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: 'pipe',
  }).toString();
  const result = JSON.parse(out.trim().split('\n').pop()!) as { ok: boolean; ref: string };
  return result.ref;
}

/** A staff account of its own for a test that changes sign-in settings (tests/e2e/support/create-staff.ts). */
export function createStaff(username: string, role: 'clerk' | 'reviewer' | 'admin' | 'auditor', password: string, region = 'wuxi'): void {
  const env = serverEnv();
  execFileSync('npx', ['tsx', '--conditions=react-server', 'tests/e2e/support/create-staff.ts', username, role, password, `--region=${region}`], {
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: 'pipe',
  });
}

/** Ticks the separate consent to sensitive data when the start form asks for it (a fresh account, or a new notice version). */
export async function agreeIfAsked(page: Page): Promise<void> {
  const box = page.getByLabel('我已阅读告知，同意为办理医疗救助处理上述敏感个人信息');
  if (await box.count()) await box.check();
}

/** The database side of the 我的数据 specs (tests/e2e/support/my-data.ts): one command, its JSON answer. */
export function myDataFact<T = Record<string, unknown>>(command: string, arg = ''): T {
  const out = execFileSync('npx', ['tsx', '--conditions=react-server', 'tests/e2e/support/my-data.ts', command, arg], {
    env: { ...process.env, ...serverEnv(), NODE_ENV: 'production' },
    stdio: 'pipe',
  }).toString();
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}
