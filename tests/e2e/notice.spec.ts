// The decision notice as residents read it at 360 px (issue 23 item 1–2, issue 19 item 2): one plain sentence of
// what was paid, the calculation folded below it in one money format, the document by name with clauses in words,
// and the three objection routes with their periods and bodies. A refusal, a mutual-aid notice and the staff view.
import { expect, test, type Page } from '@playwright/test';
import { actAsStaff, createStaff, DEMO_PASSWORD, expectAccessible, freshIdNumber, freshPhone, keepScreenshot, residentApplication, signInResident, signInStaff } from './helpers';

const shot = async (page: Page, name: string) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await keepScreenshot(page, `issue23-${name}-360`);
};

/** The notice's own text (the article), for checks over everything it says. */
const noticeText = async (page: Page) => (await page.getByRole('article').innerText()).replace(/\s+/g, ' ');

test.use({ viewport: { width: 360, height: 780 } });

test('张三明的决定书：先一句话说清花了多少、报了多少、救助付多少，明细折叠，金额只有 ¥ 一种写法', async ({ page }) => {
  await signInResident(page, '13800000001', '/applications/WX-2026-000001/decision');
  await expect(page.getByRole('heading', { name: '医疗救助批准决定书' })).toBeVisible();
  // Demo stay (scripts/seed/applications.ts): 总费用 56,000, 政策范围内 48,000, 基本医保 33,600, 大病保险 3,000.
  // Insurance 33,600 + 3,000 = 36,600; 自付 48,000 − 36,600 = 11,400 × 85% (低保, 001 四(六)) = 9,690;
  // left to pay 56,000 − 36,600 − 9,690 = 9,710, of which 56,000 − 48,000 = 8,000 outside the catalogue.
  await expect(page.getByTestId('notice-summary')).toHaveText(
    '这次住院花了 ¥56,000.00，医保和大病保险报了 ¥36,600.00，医疗救助再付 ¥9,690.00，您自己还需负担 ¥9,710.00（其中医保目录外的 ¥8,000.00 不属于救助范围）。',
  );
  // The detail is folded: closed until asked for, then every step without the stray "0" and in ¥.
  const trace = page.getByTestId('notice-trace');
  await expect(trace).toBeHidden();
  await shot(page, 'decision-folded');
  await page.getByText(/金额是怎样算出来的/).click();
  await expect(trace).toBeVisible();
  const steps = await trace.getByRole('listitem').allInnerTexts();
  expect(steps.length).toBeGreaterThan(2);
  for (const s of steps) expect(s).not.toMatch(/^\d+（/);
  // The first step is the category held; the stay's own steps start with its date, not with "0".
  expect(steps.filter((s) => /^2026-02-03 住院：总费用 ¥56,000\.00/.test(s))).toHaveLength(1);
  const all = await noticeText(page);
  expect(all).not.toMatch(/\d 元/); // one money format: no "11,400.00 元" beside "¥9,690.00"
  // The document by name and every clause in words, never a code like "001 四(六)".
  await expect(page.getByTestId('notice-basis')).toContainText('《无锡市人民政府办公室关于健全重特大疾病医疗保险和救助制度的实施意见》');
  await expect(page.getByTestId('notice-basis')).toContainText('第四部分（六）');
  expect(all).not.toMatch(/00[0-4] [一二三四五六七八九十]/);
  // The three routes, with periods and the bodies of the region's (demo) settings.
  const routes = page.getByTestId('notice-objection').getByRole('listitem');
  await expect(routes).toHaveCount(3);
  await expect(routes.nth(0)).toContainText('申请复核：自收到本决定之日起 30 日内（本地区规定的期限），向作出本决定的无锡市医疗保障局申请复核');
  await expect(routes.nth(1)).toContainText('60 日内，向无锡市人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）');
  await expect(routes.nth(2)).toContainText('6 个月内，直接向无锡市梁溪区人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）');
  await expect(page.getByText('演示：以上机构名称和复核期限是演示数据，不是当地公布的。')).toBeVisible();
  await expect(page.getByTestId('notice-office')).toContainText('无锡市医疗保障局');
  // His own notice names him in full.
  await expect(page.getByText('申请人 张三明：')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'decision-open');
  const pdf = await page.request.get('/applications/WX-2026-000001/decision/pdf');
  expect(pdf.status()).toBe(200);
});

test('不予救助决定书：写明原因和条款（文字），以及三种异议途径', async ({ page }) => {
  test.setTimeout(120_000);
  const phone = freshPhone();
  const ref = residentApplication(phone, freshIdNumber(), '钱不予');
  actAsStaff('wuxi.clerk', ref, 'accept');
  actAsStaff('wuxi.reviewer', ref, 'start_review');
  actAsStaff('wuxi.reviewer', ref, 'reject', { reasonCode: 'other', reason: '同一次住院的费用已在另一份申请中救助', clause: '001 四(八)' });
  await signInResident(page, phone, `/applications/${ref}/decision`);
  await expect(page.getByRole('heading', { name: '不予医疗救助决定书' })).toBeVisible();
  await expect(page.getByText('原因：同一次住院的费用已在另一份申请中救助')).toBeVisible();
  await expect(page.getByText('依据：《无锡市实施意见》第四部分（八）')).toBeVisible();
  await expect(page.getByTestId('notice-objection').getByRole('listitem')).toHaveCount(3);
  await expect(page.getByTestId('notice-objection')).toContainText('30 日内');
  expect(await noticeText(page)).not.toMatch(/00[0-4] [一二三四五六七八九十]/);
  await expectAccessible(page);
  await shot(page, 'decision-refusal');
});

test('互助帮困的决定书：标题不写医疗救助，由社区事务受理服务中心作出', async ({ page }) => {
  test.setTimeout(120_000);
  createStaff('hz.clerk', 'clerk', DEMO_PASSWORD, 'shanghai-mutual-aid');
  createStaff('hz.reviewer', 'reviewer', DEMO_PASSWORD, 'shanghai-mutual-aid');
  const phone = freshPhone();
  const ref = residentApplication(phone, freshIdNumber(), '孙回沪', 'mutual-aid');
  // One outpatient visit of 2,000 元 at a 三级 hospital, no insurance: the 150 元 allowance first, then 500 元 own
  // cash, then (2,000 − 150 − 500) × 75% = 1,012.50 (002 五(一)(二)); the plan pays 150 + 1,012.50 = 1,162.50 元.
  actAsStaff('hz.clerk', ref, 'accept');
  actAsStaff('hz.reviewer', ref, 'start_review');
  actAsStaff('hz.reviewer', ref, 'approve', { amountFen: 116_250, reason: '按票据核定' });
  await signInResident(page, phone, `/applications/${ref}/decision`);
  await expect(page.getByRole('heading', { name: '互助帮困补助决定书' })).toBeVisible();
  await expect(page.getByTestId('notice-summary')).toHaveText('这次门诊花了 ¥2,000.00，医保没有支付，互助帮困再付 ¥1,162.50，您自己还需负担 ¥837.50。');
  await expect(page.getByTestId('notice-office')).toContainText('户籍或居住地街道（乡镇）社区事务受理服务中心');
  await expect(page.getByTestId('notice-basis')).toContainText('关于进一步完善本市市民社区医疗互助帮困计划的意见');
  expect(await noticeText(page)).not.toContain('医疗救助批准');
  await expectAccessible(page);
  await shot(page, 'decision-mutual-aid');
});

test('工作人员看到的决定书和居民的一样，姓名仍然遮盖；参数页列出异议途径的本地区设置', async ({ page }) => {
  await signInStaff(page, 'wuxi.reviewer', '/admin/applications/WX-2026-000001/decision');
  await expect(page.getByRole('heading', { name: '医疗救助批准决定书' })).toBeVisible();
  await expect(page.getByText('申请人 张*明：')).toBeVisible();
  await expect(page.getByTestId('notice-objection').getByRole('listitem')).toHaveCount(3);
  await shot(page, 'decision-staff');
  await page.goto('/admin/parameters');
  const block = page.getByTestId('objection-settings');
  await expect(block.getByRole('heading', { name: '决定书上的异议途径（本地区设置）' })).toBeVisible();
  for (const v of ['无锡市医疗保障局', '30 日', '无锡市人民政府', '无锡市梁溪区人民法院']) await expect(block.getByText(v, { exact: true })).toBeVisible();
  await expect(block.getByText('演示数据').first()).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'parameters-objection');
});
