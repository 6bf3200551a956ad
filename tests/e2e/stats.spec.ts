import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectAccessible, freshIdNumber, freshPhone, residentApplication, signInStaff } from './helpers';

/** One statistics table as the CSV export gives it: rows after the title line, first cell → second cell. */
async function csvTable(request: APIRequestContext, table: string): Promise<Map<string, string[]>> {
  const res = await request.get(`/admin/stats/export?table=${table}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/csv');
  const lines = (await res.text()).replace(/^\ufeff/, '').trim().split(/\r\n/).slice(2);
  return new Map(lines.map((l) => l.split(',')).map(([k, ...rest]) => [k!, rest]));
}

test('新提交一份无锡低保住院申请：统计里的“已提交”和本地住院个人负担都按手算增加；图表在服务器画好', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInStaff(page, 'wuxi.clerk', '/admin/stats');
  await expect(page.getByRole('heading', { name: '统计', exact: true })).toBeVisible();
  const beforeStatus = await csvTable(page.request, 'status');
  const beforeBills = await csvTable(page.request, 'bills');
  const num = (m: Map<string, string[]>, k: string) => Number(m.get(k)?.[0] ?? 0);

  // The support script files: 低保, one local stay, policy-range 40,000 元, 医保 25,000 + 大病 5,000 → self-pay 10,000;
  // 85% (001 四(六)) = 8,500 assisted, 1,500 元 left to the patient.
  residentApplication(freshPhone(), freshIdNumber(), '统计测试');
  const afterStatus = await csvTable(page.request, 'status');
  const afterBills = await csvTable(page.request, 'bills');
  expect(num(afterStatus, '已提交，等待受理') - num(beforeStatus, '已提交，等待受理')).toBe(1);
  expect(num(afterBills, '本地住院（次）') - num(beforeBills, '本地住院（次）')).toBe(1);
  expect(Math.round((num(afterBills, '政策范围内费用（元）') - num(beforeBills, '政策范围内费用（元）')) * 100)).toBe(4_000_000);
  expect(Math.round((num(afterBills, '医保和救助后个人负担（元）') - num(beforeBills, '医保和救助后个人负担（元）')) * 100)).toBe(150_000);

  await page.reload();
  const status = page.getByTestId('table-status');
  await expect(status.getByRole('img', { name: '申请按状态' })).toBeVisible();
  await expect(status.getByRole('row', { name: /已提交，等待受理/ })).toContainText(String(num(afterStatus, '已提交，等待受理')));
  // No chart library reaches the browser: the chart is already in the HTML.
  const html = await (await page.request.get('/admin/stats')).text();
  expect(html).toContain('<svg');
  await expectAccessible(page);

  // A bad date is explained next to the field, and the page still answers.
  await page.goto('/admin/stats?from=2026-13-01');
  await expect(page.locator('#f-from-error')).toContainText('开始日期请按 年-月-日 填写');
  await context.close();
});

test('上海的工作人员只看到上海的统计', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInStaff(page, 'shanghai.reviewer', '/admin/stats');
  await expect(page.getByText(/上海市 ·/)).toBeVisible();
  await context.close();
});
