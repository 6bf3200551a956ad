// Security promises seen from the outside (docs/security.md): CSP with nonces on every kind of response,
// sign-out ends the session even for a copied cookie, staff second factor and password change, the demo banner,
// and an oversized chunked upload refused without being read.
import { request as httpRequest } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { createStaff, freshPhone, signInResident, signInStaff } from './helpers';
import { totpCode } from '../../lib/auth/totp';

function scriptSrc(csp: string): string {
  return csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
}

function expectStrictCsp(csp: string | null, where: string): void {
  expect(csp, where).toBeTruthy();
  const script = scriptSrc(csp!);
  expect(script, where).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(script, where).not.toContain("'unsafe-inline'");
  expect(csp, where).toContain("frame-ancestors 'none'");
}

function collectCspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

test('每类页面和接口都带有 nonce 的 CSP，nonce 每次不同，页面脚本照常运行', async ({ page, request }) => {
  const violations = collectCspViolations(page);
  const nonces = new Set<string>();
  for (const path of ['/', '/check', '/estimate', '/login', '/login?as=staff', '/help', '/no-such-page', '/me', '/api/health', '/api/v1/regions']) {
    const res = await request.get(path, { maxRedirects: 0 });
    const csp = res.headers()['content-security-policy'] ?? null;
    expectStrictCsp(csp, path);
    nonces.add(scriptSrc(csp!));
  }
  // Ten responses, ten different nonces.
  expect(nonces.size).toBe(10);
  // HTML scripts carry this response's nonce (the browser hides the attribute value, not the property).
  const res = await page.goto('/');
  const nonce = /'nonce-([^']+)'/.exec(res!.headers()['content-security-policy']!)![1];
  const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  // A JavaScript flow still works under the policy: resident sign-in, then the signed-in page.
  await signInResident(page, freshPhone(), '/me');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('您好');
  const me = await page.goto('/me');
  expectStrictCsp(me!.headers()['content-security-policy'] ?? null, '/me signed in');
  expect(violations).toEqual([]);
});

test('演示环境每页都有横幅', async ({ page }) => {
  for (const path of ['/', '/check', '/login']) {
    await page.goto(path);
    await expect(page.getByTestId('demo-banner')).toHaveText('演示环境：验证码直接显示，不会发送短信；数据均为演示。');
  }
});

test('退出登录后，复制下来的旧 cookie 不能再打开“我的”', async ({ page, browser }) => {
  await signInResident(page, freshPhone(), '/me');
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.includes('authjs.session-token'))).toBe(true);
  await page.getByRole('button', { name: '退出' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  const other = await browser.newContext();
  await other.addCookies(copied);
  const thief = await other.newPage();
  await thief.goto('/me');
  await expect(thief).toHaveURL(/\/login/);
  await other.close();
});

test('工作人员开启两步验证：之后登录要动态码；改密码后所有登录退出', async ({ page, browser }) => {
  // May wait out one 30-second TOTP step (the enrolment spent the current code).
  test.setTimeout(120_000);
  const username = `e2e.clerk.${Date.now() % 1_000_000}`;
  const password = 'first-password-for-e2e';
  createStaff(username, 'clerk', password);
  await page.goto('/login?as=staff&next=/account/security');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/account\/security/);
  await expect(page.getByRole('img', { name: '两步验证二维码' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  await page.getByLabel('身份验证器里的 6 位数字').fill(totpCode(secret));
  await page.getByRole('button', { name: '开启两步验证' }).click();
  await expect(page.getByRole('status')).toContainText('两步验证已开启');
  const before = await page.context().cookies();

  // Change the password: this and every other session ends.
  await page.goto('/account/password');
  await page.getByLabel('当前密码').fill(password);
  await page.getByLabel('新密码', { exact: true }).fill('short');
  await page.getByLabel('再输入一次新密码').fill('short');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('密码至少 12 个字符').first()).toBeVisible();
  await page.getByLabel('当前密码').fill(password);
  await page.getByLabel('新密码', { exact: true }).fill('second password, 2026 spring');
  await page.getByLabel('再输入一次新密码').fill('second password, 2026 spring');
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.waitForURL(/\/login\?as=staff&changed=1/);
  await expect(page.getByRole('status')).toContainText('密码已修改');
  const other = await browser.newContext();
  await other.addCookies(before);
  const old = await other.newPage();
  await old.goto('/account/security');
  await expect(old).toHaveURL(/\/login/);
  await other.close();

  // Sign in again: the password alone is not enough any more.
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('second password, 2026 spring');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByLabel('动态验证码')).toBeVisible();
  await page.getByLabel('动态验证码').fill(String((Number(totpCode(secret)) + 1) % 1_000_000).padStart(6, '0'));
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('动态验证码不正确').first()).toBeVisible();
  // The step two form is still there; the right code (next step if this one was spent at enrolment) signs in.
  for (let i = 0; i < 2 && (await page.getByLabel('动态验证码').isVisible()); i++) {
    if (i > 0) await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    await page.getByLabel('动态验证码').fill(totpCode(secret));
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => u.pathname !== '/login', { timeout: 5000 }).catch(() => undefined);
  }
  await expect(page).not.toHaveURL(/\/login/);
});

test('新管理员第一次登录必须先开启两步验证', async ({ page }) => {
  const username = `e2e.admin.${Date.now() % 1_000_000}`;
  createStaff(username, 'admin', 'admin-password-for-e2e');
  await page.goto('/login?as=staff&next=/admin');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('admin-password-for-e2e');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/account\/security\?required=1/);
  await expect(page.getByText('管理员账号必须先开启两步验证')).toBeVisible();
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/account\/security\?required=1/);
});

test('演示管理员用密码加动态码登录', async ({ page }) => {
  await signInStaff(page, 'admin');
  await expect(page).not.toHaveURL(/\/login|\/account\/security/);
});

test('锁定的工作人员账号和不存在的账号回答一样', async ({ page }) => {
  const username = `e2e.lock.${Date.now() % 1_000_000}`;
  createStaff(username, 'clerk', 'lock-password-for-e2e');
  const answer = async (user: string, pw: string) => {
    await page.goto('/login?as=staff');
    await page.getByLabel('用户名').fill(user);
    await page.getByLabel('密码').fill(pw);
    await page.getByRole('button', { name: '登录' }).click();
    // Not any alert: Next's route announcer is an (empty) alert too, and may come first.
    return (await page.getByRole('alert').filter({ hasText: /\S/ }).first().textContent())?.trim();
  };
  const unknown = await answer('nobody.here', 'whatever-password');
  for (let i = 0; i < 5; i++) await answer(username, `wrong-${i}`);
  // Locked now: even the right password gets the same words as an unknown user.
  expect(await answer(username, 'lock-password-for-e2e')).toBe(unknown);
});

test('分块发送的 30 MB 上传在读完之前就被拒绝（413，中文提示）', async ({ page, baseURL }) => {
  await signInResident(page, freshPhone(), '/me');
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const url = new URL('/api/uploads', baseURL);
  const chunk = Buffer.alloc(256 * 1024, 0x61);
  const total = 30 * 1024 * 1024;
  const outcome = await new Promise<{ status: number; body: string; sent: number; csp: string }>((resolve, reject) => {
    let sent = 0;
    let done = false;
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { cookie, 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked' } },
      (res) => {
        done = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body, sent, csp: String(res.headers['content-security-policy'] ?? '') });
          req.destroy();
        });
      },
    );
    req.on('error', (e) => (done ? undefined : reject(e)));
    const pump = () => {
      while (!done && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!done) req.end();
    };
    pump();
  });
  expect(outcome.status).toBe(413);
  expect(outcome.csp).toContain("frame-ancestors 'none'");
  expect(JSON.parse(outcome.body).message).toContain('超过 10 MB');
  // The server answered long before the 30 MB were all sent.
  expect(outcome.sent).toBeLessThan(total);
});
