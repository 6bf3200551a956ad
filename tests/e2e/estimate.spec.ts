import { expect, test, type Page } from '@playwright/test';
import { formatMoney } from '../../lib/format';
import { expectAccessible } from './helpers';

type Stay = { date: string; end: string; total: string; policy: string; basic: string; critical: string; location?: string; referred?: '是' | '否' };

async function chooseWho(page: Page, region: string, card: string) {
  await page.goto('/estimate');
  await page.getByRole('link', { name: '开始：选择地区' }).click();
  await expect(page).toHaveURL(/\/estimate\/region$/);
  await page.getByLabel(region, { exact: true }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page).toHaveURL(/\/estimate\/who$/);
  await page.getByLabel(card, { exact: true }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page).toHaveURL(/\/estimate\/visit\/new$/);
}

async function fillStay(page: Page, s: Stay) {
  await page.getByLabel('住院', { exact: true }).check();
  await page.getByLabel('入院日期（门诊填看病日期）').fill(s.date);
  await page.getByLabel('出院日期（住院才填）').fill(s.end);
  await page.getByLabel('三级医院').check();
  await page.getByLabel(s.location ?? '本市（本地）', { exact: true }).check();
  await page.getByRole('group', { name: /转诊/ }).getByLabel(s.referred ?? '是', { exact: true }).check();
  await page.getByLabel('① 总费用').fill(s.total);
  await page.getByLabel('② 政策范围内费用').fill(s.policy);
  await page.getByLabel('③ 基本医保支付').fill(s.basic);
  await page.getByLabel('④ 大病保险支付').fill(s.critical);
}

async function saveStay(page: Page) {
  await page.getByRole('button', { name: '保存这次就医' }).click();
  await expect(page).toHaveURL(/\/estimate$/);
}

const STAY_1: Stay = { date: '2024-03-02', end: '2024-03-10', total: '420000', policy: '400000', basic: '100000', critical: '50000' };
const STAY_2: Stay = { date: '2024-06-01', end: '2024-06-20', total: '330000.50', policy: '300000', basic: '80000', critical: '20000' };

const fen = (yuan: string) => Math.round(Number(yuan) * 100);
const apiEpisode = (s: Stay) => ({
  date: s.date,
  endDate: s.end,
  kind: 'inpatient',
  hospitalLevel: 3,
  referred: true,
  location: 'local',
  totalFen: fen(s.total),
  policyFen: fen(s.policy),
  basicPaidFen: fen(s.basic),
  criticalPaidFen: fen(s.critical),
});

test('无锡低保两次大额住院用满住院救助限额：页面上的金额和 API 算出来的一样', async ({ page, request }) => {
  await chooseWho(page, '无锡市', '低保证（最低生活保障证）');
  await expect(page.getByRole('img', { name: '住院费用结算单示意图' })).toBeVisible();
  await fillStay(page, STAY_1);
  await saveStay(page);
  await page.getByRole('link', { name: '再添加一次' }).click();
  await fillStay(page, STAY_2);
  await saveStay(page);
  await expect(page.getByTestId('visit-list').getByRole('listitem')).toHaveCount(2);
  await page.getByRole('link', { name: '计算能报多少' }).click();
  await expect(page).toHaveURL(/\/estimate\/result$/);

  const response = await request.post('/api/v1/estimate', {
    data: { region: 'wuxi', year: 2024, person: { categories: ['dibao'] }, episodes: [apiEpisode(STAY_1), apiEpisode(STAY_2)], parameters: {} },
  });
  expect(response.status()).toBe(200);
  const api = await response.json();
  const inpatient = api.pools.find((p: { pool: string }) => p.pool === 'inpatient');
  // The two stays really do reach the 300,000-yuan limit of the inpatient pool.
  expect(inpatient.remainingFen).toBe(0);

  await expect(page.getByTestId('total-help')).toHaveText(formatMoney(api.totals.assistanceFen + api.totals.tiltFen));
  await expect(page.getByTestId('assistance')).toHaveText(formatMoney(api.totals.assistanceFen));
  await expect(page.getByTestId('tilt')).toHaveText(formatMoney(api.totals.tiltFen));
  await expect(page.getByTestId('out-of-pocket')).toHaveText(formatMoney(api.totals.outOfPocketFen));
  for (const [i, ep] of api.episodes.entries()) {
    await expect(page.getByTestId(`episode-${i + 1}-assistance`)).toHaveText(formatMoney(ep.assistanceFen));
    await expect(page.getByTestId(`episode-${i + 1}-tilt`)).toHaveText(formatMoney(ep.tiltFen));
    await expect(page.getByTestId(`episode-${i + 1}-oop`)).toHaveText(formatMoney(ep.outOfPocketFen));
  }
  await expect(page.getByTestId('pool-inpatient-used')).toHaveText(formatMoney(inpatient.usedFen));
  await expect(page.getByTestId('pool-inpatient-remaining')).toContainText('已用完');
  // The second stay says why it got less: the limit.
  await page.getByTestId('episode-2').getByText('为什么是这个数').click();
  await expect(page.getByTestId('episode-2')).toContainText('达到限额');
  // Tilt is explained, the bill is split in a picture with words, and the heavy bill points to other help.
  await expect(page.getByRole('region', { name: '倾斜救助' })).toContainText(formatMoney(api.totals.tiltFen));
  await expect(page.getByTestId('bill-bar')).toContainText(`您自己付 ${formatMoney(api.totals.outOfPocketFen)}`);
  await expect(page.getByRole('region', { name: '负担还是很重？还可以找这些帮助' })).toContainText('慈善帮扶');
  const basis = page.locator('details', { hasText: '计算依据（每一步和对应的政策条款）' });
  await basis.getByText('计算依据（每一步和对应的政策条款）').click();
  await expect(basis.getByText('《无锡市实施意见》第四部分（七）').first()).toBeVisible();
  await expectAccessible(page);
});

test('金额对不上、是负数或超过两位小数时，在对应的框旁边提示，填的内容都保留', async ({ page }) => {
  await chooseWho(page, '无锡市', '低保证（最低生活保障证）');
  await fillStay(page, { ...STAY_1, total: '1000', policy: '2000', basic: '-5', critical: '10.123' });
  await page.getByRole('button', { name: '保存这次就医' }).click();
  await expect(page).toHaveURL(/\/estimate\/visit\/new$/);
  await expect(page.locator('#f-policyYuan-error')).toHaveText(/政策范围内费用不能大于总费用/);
  await expect(page.locator('#f-basicPaidYuan-error')).toHaveText(/基本医保支付不能是负数/);
  await expect(page.locator('#f-criticalPaidYuan-error')).toHaveText(/大病保险支付最多保留两位小数/);
  await expect(page.getByLabel('② 政策范围内费用')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('① 总费用')).toHaveValue('1000');
  await expect(page.getByLabel('② 政策范围内费用')).toHaveValue('2000');
  await expect(page.getByLabel('③ 基本医保支付')).toHaveValue('-5');
  await expect(page.getByLabel('④ 大病保险支付')).toHaveValue('10.123');
  await expect(page.getByLabel('入院日期（门诊填看病日期）')).toHaveValue('2024-03-02');
  await expect(page.getByLabel('住院', { exact: true })).toBeChecked();
  await expect(page.getByRole('alert').filter({ hasText: '请修改以下问题' })).toContainText('政策范围内费用不能大于总费用');

  // Payments above the policy amount are refused at the payment field.
  await page.getByLabel('② 政策范围内费用').fill('900');
  await page.getByLabel('③ 基本医保支付').fill('800');
  await page.getByLabel('④ 大病保险支付').fill('200');
  await page.getByRole('button', { name: '保存这次就医' }).click();
  await expect(page.locator('#f-basicPaidYuan-error')).toHaveText(/加起来，不能大于政策范围内费用/);
  await expect(page.locator('#f-policyYuan-error')).toHaveCount(0);
  await expectAccessible(page);
});

test('打印或存成 PDF 时是一页干净的估算单：有日期、填的数和条款', async ({ page }) => {
  await chooseWho(page, '无锡市', '低保证（最低生活保障证）');
  await fillStay(page, STAY_1);
  await saveStay(page);
  await page.getByRole('link', { name: '计算能报多少' }).click();
  await expect(page.getByRole('button', { name: '打印或保存为 PDF' })).toBeVisible();
  await expect(page.getByTestId('print-summary')).toBeHidden();

  await page.emulateMedia({ media: 'print' });
  const summary = page.getByTestId('print-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText(/打印日期：\d{4}-\d{2}-\d{2}/);
  await expect(summary).toContainText('¥420,000.00');
  await expect(summary).toContainText('依据条款：');
  await expect(summary).toContainText('《无锡市实施意见》第四部分（六）');
  await expect(page.getByRole('heading', { name: '估算结果' })).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length).toBe(1);
});

test('缺少经办部门设定的标准时说明没算进去、下一步怎么办，不让居民填政府的数；API 仍可带参数试算', async ({ page, request }) => {
  await chooseWho(page, '全国（国家指导意见）', '低保证（最低生活保障证）');
  const stay: Stay = { date: '2024-05-06', end: '2024-05-16', total: '30000', policy: '28000', basic: '8000', critical: '0' };
  await fillStay(page, stay);
  await saveStay(page);
  await page.getByRole('link', { name: '计算能报多少' }).click();
  const missing = page.getByTestId('missing-parameters');
  await expect(missing).toContainText('住院和门诊慢特病共用的年度救助限额');
  // 003 四(五): 低保 pays no deductible, so the income figure the deductible is built from is not needed.
  await expect(missing).not.toContainText('上年居民人均可支配收入');

  await expect(page.getByRole('region', { name: '还没算进去的' })).toContainText('下一步');
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('region', { name: '下一步' })).toBeVisible();

  // The page and the API agree on the same (missing) parameters; the API alone still takes a what-if override.
  const episode = apiEpisode(stay);
  const plain = await request.post('/api/v1/estimate', { data: { region: 'national', year: 2024, person: { categories: ['dibao'] }, episodes: [episode] } });
  expect(plain.status()).toBe(200);
  const api = await plain.json();
  await expect(page.getByTestId('assistance')).toHaveText(formatMoney(api.totals.assistanceFen));
  await expect(page.getByTestId('out-of-pocket')).toHaveText(formatMoney(api.totals.outOfPocketFen));
  const whatIf = await request.post('/api/v1/estimate', {
    data: {
      region: 'national',
      year: 2024,
      person: { categories: ['dibao'] },
      episodes: [episode],
      parameters: { perCapitaIncomePrevYearFen: 4_000_000, 'annualLimitFen.inpatient': 1_000_000 },
    },
  });
  expect(whatIf.status()).toBe(200);
  const assumed = await whatIf.json();
  expect(assumed.missingParameters).not.toContain('annualLimitFen.inpatient');
  expect(JSON.stringify(assumed.trace)).toContain('请求中的假设值 (what-if)');
});

test('不同年份的就医不能放在同一次估算里', async ({ page }) => {
  await chooseWho(page, '无锡市', '低保证（最低生活保障证）');
  await fillStay(page, STAY_1);
  await saveStay(page);
  await page.getByRole('link', { name: '再添加一次' }).click();
  await fillStay(page, { ...STAY_2, date: '2025-01-03', end: '2025-01-08' });
  await page.getByRole('button', { name: '保存这次就医' }).click();
  await expect(page.locator('#f-date-error')).toContainText('已经填的就医在 2024 年');
  await expect(page.getByLabel('入院日期（门诊填看病日期）')).toHaveValue('2025-01-03');
});

test.describe('不开 JavaScript 也能估算', () => {
  test.use({ javaScriptEnabled: false });

  test('不开 JavaScript 添加一次住院并看到结果', async ({ page }) => {
    await chooseWho(page, '无锡市', '低保证（最低生活保障证）');
    await fillStay(page, { ...STAY_1, total: 'abc' });
    await page.getByRole('button', { name: '保存这次就医' }).click();
    await expect(page.locator('#f-totalYuan-error')).toHaveText(/总费用请填写数字金额/);
    await expect(page.getByLabel('② 政策范围内费用')).toHaveValue('400000');
    await page.getByLabel('① 总费用').fill('420000');
    await saveStay(page);
    await page.getByRole('link', { name: '计算能报多少' }).click();
    await expect(page.getByTestId('total-help')).toHaveText(/^¥[\d,]+\.\d\d$/);
    await expect(page.getByText('要打印或保存为 PDF，请用浏览器菜单里的“打印”。')).toBeVisible();
  });
});
