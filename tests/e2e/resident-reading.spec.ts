// What residents and proxies read at 360 px (issue "What residents and proxies read", items 3 and 6–9): the
// proxy's way in at the top of /me with the full name of the person she acts for, the task list's way back,
// the sign-in cooldown on a second device, and the staff queue without 尚未分派 on closed cases or the residents'
// policy footer. Each test keeps a 360 px screenshot attached to its report entry.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, freshPhone, keepScreenshot, signInResident, signInStaff } from './helpers';
import { startWuxiApplication } from './support/apply-steps';

const shot = (page: Page, name: string) => keepScreenshot(page, `issue23-${name}-360`);

test.use({ viewport: { width: 360, height: 780 } });

test('王芳的“我的”：为父亲办理放在最上面，父亲的申请在他名下，姓名写全', async ({ page }) => {
  // 王芳's demo phone is shared with the ledger and journeys specs: a sign-in may wait out their resend cooldown.
  test.setTimeout(150_000);
  // Demo data: 王芳 (13800000003) holds an authority for 赵大年 (查看进度 among its scope) with one approved case.
  await signInResident(page, '13800000003', '/me');
  const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
  expect(headings[0]).toBe('为他人办理');
  const section = page.getByTestId('acting-for-section');
  const person = section.getByTestId('acting-for-person').first();
  await expect(person).toContainText('赵大年');
  // His demo application (an import earlier in the run may have added a direct-award case for him too).
  await expect(person.getByRole('link', { name: /WX-2026-\d{6}/ }).first()).toBeVisible();
  await expect(person.getByRole('link', { name: '为 赵大年 办理' })).toBeVisible();
  // His case is under him, not among her own applications.
  await expect(page.getByRole('region', { name: '我的申请' }).getByRole('link', { name: /WX-2026-\d{6}/ })).toHaveCount(0);
  // Her desk names him in full (inbox notices keep the masked name they were written with, as the SMS did).
  expect(await section.innerText()).not.toContain('赵*年');
  await expectAccessible(page);
  await shot(page, 'me-proxy-first');
});

test('申请的任务清单上“‹ 我的申请”回到申请列表，不是新申请页', async ({ page }) => {
  await signInResident(page, freshPhone(), '/apply');
  await startWuxiApplication(page);
  await page.getByRole('link', { name: '我的申请' }).first().click();
  await expect(page).toHaveURL(/\/me(#apps-title)?$/);
  await expect(page.getByRole('heading', { name: '我的申请' })).toBeVisible();
  await shot(page, 'back-to-list');
});

test('另一台设备上获取验证码：说明已发的验证码仍可用，倒计时一秒一秒走', async ({ browser }) => {
  const phone = freshPhone();
  const first = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
  await first.goto('/login');
  await first.getByLabel('手机号').fill(phone);
  await first.getByRole('button', { name: '获取验证码' }).click();
  await expect(first.getByTestId('demo-code')).toBeVisible();

  const second = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
  await second.goto('/login');
  await second.getByLabel('手机号').fill(phone);
  await second.getByRole('button', { name: '获取验证码' }).click();
  await expect(second.getByText(/短信里的验证码发出后 5 分钟内有效，可以直接填写。没有收到的话，请 \d+ 秒后再重新获取（北京时间 \d\d:\d\d:\d\d 以后）/)).toBeVisible();
  await expect(second.getByLabel('验证码')).toBeVisible();
  const countdown = second.getByTestId('resend-countdown');
  const secondsOf = async () => Number(/(\d+) 秒/.exec((await countdown.textContent()) ?? '')?.[1]);
  const before = await secondsOf();
  expect(before).toBeGreaterThan(0);
  // It ticks: two seconds later it shows fewer seconds (bounded wait, not a timing test).
  await expect.poll(secondsOf, { timeout: 10_000 }).toBeLessThan(before);
  await expect(second.getByRole('button', { name: '重新获取验证码' })).toHaveCount(0);
  await expectAccessible(second);
  await shot(second, 'cooldown');
});

test('工作台：已办结的申请不写“尚未分派”，页面底部没有居民的政策文件页脚', async ({ page }) => {
  await signInStaff(page, 'wuxi.clerk', '/admin?status=paid');
  // Demo: 张三明's WX-2026-000001 is paid (scripts/seed/applications.ts).
  const rows = page.getByTestId('queue-assignee');
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).not.toBe('尚未分派');
  await expect(page.getByTestId('site-footer')).toBeHidden();
  await shot(page, 'queue-closed');
  await page.goto('/help');
  await expect(page.getByTestId('site-footer')).toBeVisible();
});
