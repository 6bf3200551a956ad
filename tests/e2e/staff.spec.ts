import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, freshIdNumber, freshPhone, PNG_1X1, residentApplication, signInResident, signInStaff } from './helpers';

async function asStaff(browser: Browser, username: string, width = 360): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await ctx.newPage();
  await signInStaff(page, username);
  return page;
}

/** Opens the action, ticks its confirmation and submits; waits for the page to say it is done. */
async function act(page: Page, title: string, fill?: (form: ReturnType<Page['getByTestId']>) => Promise<void>) {
  const box = page.locator('details', { has: page.getByText(title, { exact: true }) }).first();
  await box.locator('summary').click();
  if (fill) await fill(box);
  await box.getByRole('checkbox').check();
  await box.getByRole('button', { name: `确认${title}` }).click();
}

test('受理 → 要求补正（须上传材料）→ 居民补正 → 另一位审核员批准 → 居民看到决定书', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const phone = freshPhone();
  const ref = residentApplication(phone, freshIdNumber(), '钱多多');

  const clerk = await asStaff(browser, 'wuxi.clerk');
  await clerk.getByLabel('申请编号或身份证号').fill(ref);
  await clerk.getByRole('button', { name: '查找', exact: true }).click();
  await expect(clerk.getByRole('list', { name: '申请列表' }).getByRole('listitem')).toHaveCount(1);
  await expect(clerk.getByTestId('sla').first()).toContainText(/正常|即将超期|已超期/);
  await clerk.getByRole('link', { name: ref }).click();
  await expect(clerk.getByRole('heading', { name: `办理申请 ${ref}` })).toBeVisible();
  await expect(clerk.getByTestId('value-name')).toHaveText('钱*多');
  await expectAccessible(clerk);
  await act(clerk, '受理');
  await expect(clerk.getByText('已受理。')).toBeVisible();

  const reviewer = await asStaff(browser, 'wuxi.reviewer');
  await reviewer.goto(`/admin/applications/${ref}`);
  await act(reviewer, '开始审核');
  await expect(reviewer.getByText('已开始审核。')).toBeVisible();
  await act(reviewer, '要求补正材料', async (form) => {
    await form.getByLabel('需要申请人补充什么').fill('请上传出院小结');
    await form.getByLabel(/必须上传的材料/).fill('出院小结');
  });
  await expect(reviewer.getByText('已要求补正材料。')).toBeVisible();

  await signInResident(page, phone, `/applications/${ref}`);
  await page.goto(`/applications/${ref}`);
  await expect(page.getByRole('list', { name: '必须上传的材料' })).toContainText('出院小结');
  await page.getByRole('button', { name: '提交补正' }).click();
  await expect(page.getByText('工作人员要求上传补正材料，请先选择文件。')).toBeVisible();
  // Choosing the file and sending the answer is one action.
  await page.getByLabel('从相册或文件中选择').setInputFiles({ name: '出院小结.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await expect(page.getByText('将随补正提交：出院小结.png')).toBeVisible();
  await page.getByRole('button', { name: '提交补正' }).click();
  await expect(page.getByText('补正材料已提交，申请回到审核中。')).toBeVisible();
  await expect(page.getByText('审核中').first()).toBeVisible();

  // wuxi.reviewer did not accept it (the clerk did): they may approve, at the calculator's figure.
  await reviewer.goto(`/admin/applications/${ref}`);
  await expect(reviewer.getByRole('img', { name: '材料：出院小结.png' })).toBeVisible();
  await expect(reviewer.getByLabel('核定救助金额（元）')).toHaveValue('8500.00');
  await act(reviewer, '批准');
  await expect(reviewer.getByText('已批准。')).toBeVisible();

  await page.goto(`/applications/${ref}`);
  await page.getByRole('link', { name: /查看决定书/ }).click();
  await expect(page.getByRole('heading', { name: '医疗救助批准决定书' })).toBeVisible();
  await expect(page.getByTestId('notice-amount')).toHaveText('¥8,500.00');
  await expect(page.getByText(/也可以拨打 12345/)).toBeVisible();
  await expectAccessible(page);
  const pdf = await page.request.get(`/applications/${ref}/decision/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await page.goto(`/applications/${ref}`);
  await expect(page.getByRole('region', { name: '我提交的材料' }).getByRole('link', { name: '出院小结.png' })).toBeVisible();
});

test('受理了这份申请的审核员不能再批准它（四眼原则）', async ({ browser }) => {
  test.setTimeout(120_000);
  const ref = residentApplication(freshPhone(), freshIdNumber(), '孙四眼');
  const reviewer = await asStaff(browser, 'wuxi.reviewer2');
  await reviewer.goto(`/admin/applications/${ref}`);
  await act(reviewer, '受理');
  await expect(reviewer.getByText('已受理。')).toBeVisible();
  await act(reviewer, '开始审核');
  // Four eyes is said before anyone presses: no 批准 or 不予救助 form, the reason in its place.
  await expect(reviewer.getByTestId('action-approve')).toHaveCount(0);
  await expect(reviewer.getByTestId('action-reject')).toHaveCount(0);
  await expect(reviewer.getByTestId('barred-approve')).toContainText(/这份申请是您受理的，不能再由您批准/);
  await expect(reviewer.locator('[data-testid="sla"]').first()).toBeVisible();
});

test('无锡受理员打开上海的申请：404；按身份证号在上海查不到无锡的人', async ({ browser }) => {
  const wuxi = await asStaff(browser, 'wuxi.clerk');
  const res = await wuxi.goto('/admin/applications/SH-2026-000001');
  expect(res?.status()).toBe(404);
  const doc = await wuxi.request.get('/admin/applications/SH-2026-000001/decision/pdf');
  expect(doc.status()).toBe(404);
  // 张三明 (demo, Wuxi): found by 身份证号 in Wuxi, not in Shanghai.
  await wuxi.goto('/admin?q=320202195803150012');
  await expect(wuxi.getByRole('list', { name: '申请列表' }).getByRole('listitem').first()).toBeVisible();
  await expect(wuxi.getByRole('link', { name: 'WX-2026-000001' })).toBeVisible();
  const sh = await asStaff(browser, 'shanghai.clerk');
  await sh.goto('/admin?q=320202195803150012');
  await expect(sh.getByText('没有找到这份申请。')).toBeVisible();
  await expectAccessible(sh);
});

test('审计员看得到案件，看不到任何办理按钮', async ({ browser }) => {
  const auditor = await asStaff(browser, 'auditor');
  await auditor.goto('/admin/applications/WX-2026-000004');
  await expect(auditor.getByText('您是审计员，只能查看，不能办理。')).toBeVisible();
  await expect(auditor.getByRole('button', { name: /^确认/ })).toHaveCount(0);
  await expect(auditor.getByRole('button', { name: '保存分派' })).toHaveCount(0);
  await expectAccessible(auditor);
});

test('工作台和案件页面在 1280 宽度下可用（截图）', async ({ browser }) => {
  const clerk = await asStaff(browser, 'wuxi.clerk', 1280);
  await clerk.goto('/admin?status=submitted');
  await expect(clerk.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expectAccessible(clerk);
  await clerk.screenshot({ path: 'test-results/staff-queue-1280.png', fullPage: true });
  await clerk.goto('/admin/applications/WX-2026-000001');
  await clerk.getByRole('button', { name: '显示完整身份证号（会记录查看）' }).click();
  await expect(clerk.getByTestId('value-idNumber')).toHaveText('320202195803150012');
  await expectAccessible(clerk);
  await clerk.screenshot({ path: 'test-results/staff-case-1280.png', fullPage: true });
  const small = await asStaff(browser, 'wuxi.reviewer');
  await small.goto('/admin');
  await small.screenshot({ path: 'test-results/staff-queue-360.png', fullPage: true });
  await small.goto('/admin/applications/WX-2026-000003');
  await small.screenshot({ path: 'test-results/staff-case-360.png', fullPage: true });
});
