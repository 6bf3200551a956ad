import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, freshPhone, signInResident } from './helpers';

const next = (page: Page) => page.getByRole('button', { name: '继续' }).click();

/** A machine clause code such as "000 二(二)4": residents must read document titles instead. */
const FILE_CODE = /\b00[0-4] [一二三四五六七八九十]/;

async function expectNoFileCodes(page: Page, what: string) {
  // textContent includes closed <details> (计算依据), so the trace is checked too.
  const text = (await page.locator('body').textContent()) ?? '';
  expect(text.match(FILE_CODE)?.[0] ?? null, what).toBeNull();
  expect(text, what).not.toContain('。。');
}

async function checkWuxiDibao(page: Page) {
  await page.goto('/check/region');
  await page.getByLabel('无锡市', { exact: true }).check();
  await next(page);
  await page.getByLabel('是，户口在无锡市').check();
  await next(page);
  await page.getByLabel('是，在无锡市参保').check();
  await next(page);
  await page.getByLabel('低保证（最低生活保障证）').check();
  await next(page);
  await page.getByRole('link', { name: '查看结果' }).click();
  await expect(page).toHaveURL(/\/check\/result$/);
}

async function checkShanghaiNoCard(page: Page) {
  await page.goto('/check/region');
  await page.getByLabel('上海市', { exact: true }).check();
  await next(page);
  await page.getByLabel('是，在上海市参保').check();
  await next(page);
  await page.getByLabel('都没有').check();
  await next(page);
  await page.getByLabel('您家一共几口人？').fill('3');
  await next(page);
  await page.getByLabel('去年全家一共收入多少钱？').fill('12万');
  await next(page);
  await page.getByLabel('最近 12 个月，全家看病自己掏了多少钱？').fill('¥50,000');
  await next(page);
  await page.getByLabel('在标准以内').check();
  await next(page);
  await expect(page.getByTestId('answer-income')).toHaveText('¥120,000.00');
  await expect(page.getByTestId('answer-medical-costs')).toHaveText('¥50,000.00');
  await page.getByRole('link', { name: '查看结果' }).click();
  await expect(page).toHaveURL(/\/check\/result$/);
}

async function estimateWuxiDibao(page: Page) {
  await page.goto('/estimate/region');
  await page.getByLabel('无锡市', { exact: true }).check();
  await next(page);
  await page.getByLabel('低保证（最低生活保障证）').check();
  await next(page);
  await page.getByLabel('住院', { exact: true }).check();
  await page.getByLabel('入院日期（门诊填看病日期）').fill('2024-04-01');
  await page.getByLabel('出院日期').fill('2024-04-10');
  await page.getByLabel('二级医院').check();
  await page.getByLabel('本市（本地）').check();
  await page.getByRole('group', { name: /转诊/ }).getByLabel('是', { exact: true }).check();
  await page.getByLabel('① 总费用').fill('4万');
  await page.getByLabel('② 政策范围内费用').fill('３００００');
  await page.getByLabel('③ 基本医保支付').fill('¥15,000');
  await page.getByRole('button', { name: '保存这次就医' }).click();
  await expect(page).toHaveURL(/\/estimate$/);
  await page.getByRole('link', { name: '计算能报多少' }).click();
  await expect(page).toHaveURL(/\/estimate\/result$/);
}

test('查询结果、估算结果和帮助页写文件名称，不写文件编号，每个结果都以“下一步”结尾', async ({ page }) => {
  await checkWuxiDibao(page);
  await expect(page.getByTestId('category-dibao')).toContainText('《无锡市实施意见》第四部分（六）');
  await expectNoFileCodes(page, 'check result wuxi');
  await expect(page.getByTestId('next-step')).toBeVisible();
  await expect(page.locator('main > div > section').last()).toHaveAttribute('data-testid', 'next-step');

  await checkShanghaiNoCard(page);
  await expectNoFileCodes(page, 'check result shanghai');
  await expect(page.locator('main > div > section').last()).toHaveAttribute('data-testid', 'next-step');

  await estimateWuxiDibao(page);
  await expectNoFileCodes(page, 'estimate result');
  await expect(page.getByRole('region', { name: '下一步' })).toContainText('带上医院的结算单');

  await page.goto('/help');
  await expectNoFileCodes(page, 'help');
  const shanghai = page.getByTestId('document-shanghai');
  await expect(shanghai).toContainText('《上海市人民政府办公厅印发〈关于本市健全重特大疾病医疗保险和救助制度的实施意见〉的通知》');
  await expect(shanghai).toContainText('沪府办规〔2022〕19号');
  await expect(shanghai).toContainText('上海市人民政府办公厅');
  await expect(shanghai).toContainText('2022年12月29日');
  await expect(page.getByTestId('document-national')).toContainText('国办发〔2021〕42号');
  await expect(page.getByTestId('document-chongqing-shapingba')).toContainText('沙府办发〔2023〕61号');
  await expect(page.getByTestId('document-wuxi')).toContainText('2022年12月26日');
  await expect(page.getByTestId('document-shanghai-mutual-aid')).toContainText('上海市总工会');
});

test('上海支出型贫困：不让居民填市里的标准，只说还不知道什么、去街道申请认定要带什么', async ({ page }) => {
  await checkShanghaiNoCard(page);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'maybe');
  await expect(page.getByRole('textbox')).toHaveCount(0);
  const unknown = page.getByTestId('unknown-standards');
  await expect(unknown).toContainText('本市城乡居民最低生活保障标准');
  await expect(unknown).toContainText('街道（乡镇）社区事务受理服务中心');
  await expect(unknown).toContainText('近12个月看病的医疗费发票');
  await expectAccessible(page);
});

test('互助帮困计划的结果先说要参加并缴费；它被叫作计划，不是地区', async ({ page }) => {
  await page.goto('/check/region');
  await page.getByLabel('上海市市民社区医疗互助帮困计划', { exact: true }).check();
  await next(page);
  await page.getByLabel('是，已经迁回上海').check();
  await next(page);
  // 002 前言: the plan is for returnees outside Shanghai's basic medical insurance.
  await page.getByLabel('没有（享受外省市医保待遇或没有参保）').check();
  await next(page);
  await page.getByLabel('还没有').check();
  await next(page);
  await page.getByLabel('是（本人或配偶）').check();
  await next(page);
  // 002 五(三): which inpatient rule applies depends on employee insurance elsewhere.
  await page.getByLabel('没有', { exact: true }).check();
  await next(page);
  await page.getByRole('link', { name: '查看结果' }).click();
  const first = page.getByTestId('verdict').locator('p').nth(1);
  await expect(first).toHaveAttribute('data-testid', 'mutual-aid-first');
  await expect(first).toContainText('参加并缴费');
  await expectNoFileCodes(page, 'check result mutual aid');

  await page.goto('/');
  await expect(page.locator('label.choice', { hasText: '互助帮困计划' })).toContainText('计划，不是地区');
});

test('申请只能选能申请的地区和计划，不能选国家指导意见', async ({ page }) => {
  await signInResident(page, freshPhone(), '/apply');
  await page.waitForURL(/\/apply$/);
  const options = await page.locator('#f-region option').allTextContents();
  expect(options).toContain('无锡市');
  expect(options.some((o) => o.includes('国家'))).toBe(false);
  expect(options.find((o) => o.includes('互助帮困'))).toContain('计划');
  expect(await page.locator('#f-region option[value=national]').count()).toBe(0);
});

test('页头和页脚的链接、按钮至少 44 像素高，长辈模式下至少 60 像素', async ({ page, context, baseURL }) => {
  const heights = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('header a[href], header button, footer a[href], footer button')].map((el) => ({
        what: (el.textContent ?? '').trim().slice(0, 12),
        h: el.getBoundingClientRect().height,
      })),
    );
  await page.goto('/help');
  const normal = await heights();
  expect(normal.length).toBeGreaterThan(2);
  expect(normal.filter((x) => x.h < 44)).toEqual([]);
  await context.addCookies([{ name: 'elder', value: '1', url: baseURL! }]);
  await page.goto('/help');
  await expect(page.locator('html')).toHaveClass(/elder/);
  expect((await heights()).filter((x) => x.h < 60)).toEqual([]);
});

test('图标、应用清单和 robots.txt 都能取到并已链接', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', /manifest\.webmanifest/);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', /apple-touch-icon\.png/);
  await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute('href', /icon\.svg/);
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ name: '医疗救助服务', lang: 'zh-CN', theme_color: '#0b4ea2' });
  for (const path of ['/favicon.ico', '/icon.svg', '/apple-touch-icon.png', ...manifest.icons.map((i: { src: string }) => i.src)]) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
  const robots = await (await request.get('/robots.txt')).text();
  for (const p of ['/me', '/apply', '/applications', '/admin', '/api', '/login', '/proxy']) expect(robots).toContain(`Disallow: ${p}\n`);
});
