import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, freshPhone, signInResident } from './helpers';

const next = (page: Page) => page.getByRole('button', { name: '继续' }).click();

async function answerWuxiDibao(page: Page) {
  await page.goto('/check');
  await page.getByRole('link', { name: '开始' }).click();
  await expect(page).toHaveURL(/\/check\/region$/);
  await page.getByLabel('无锡市', { exact: true }).check();
  await next(page);
  await expect(page).toHaveURL(/\/check\/hukou$/);
  await page.getByLabel('是，户口在无锡市').check();
  await next(page);
  await expect(page).toHaveURL(/\/check\/insurance$/);
  await page.getByLabel('是，在无锡市参保').check();
  await next(page);
  await expect(page).toHaveURL(/\/check\/cards$/);
  await page.getByLabel('低保证（最低生活保障证）').check();
  await next(page);
  await expect(page).toHaveURL(/\/check\/answers$/);
}


test('无锡低保居民查询：可以救助、不用申请，并说明身份、理由和要带的材料', async ({ page }) => {
  await answerWuxiDibao(page);
  await expect(page.getByTestId('answer-hukou')).toHaveText('是，户口在无锡市');
  await expect(page.getByTestId('answer-cards')).toHaveText('低保证（最低生活保障证）');
  await page.getByRole('link', { name: '查看结果' }).click();
  await expect(page).toHaveURL(/\/check\/result$/);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'yes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('可以得到医疗救助');
  const dibao = page.getByTestId('category-dibao');
  await expect(dibao).toContainText('低保对象');
  await expect(dibao).toContainText('您已经有这个身份的证');
  await expect(dibao).toContainText('按85%救助（《无锡市实施意见》第四部分（六））');
  await expect(page.getByTestId('application-required')).toContainText('免申即享');
  await expect(page.getByTestId('premium')).toContainText('全额资助');
  await expect(page.getByRole('region', { name: '要准备的材料' })).toContainText('低保证');
  await expect(page.getByRole('button', { name: '估算能报多少' })).toBeVisible();
  await expect(page.getByRole('button', { name: '申请救助' })).toBeVisible();
  // Nothing personal is ever in the address.
  expect(page.url()).not.toMatch(/dibao|hukou|wuxi/);
});

test('上海第二类支出型贫困家庭查询：按回答符合条件，还需认定，并说明理由和条款', async ({ page }) => {
  await page.goto('/check/region');
  await page.getByLabel('上海市', { exact: true }).check();
  await next(page);
  await expect(page).toHaveURL(/\/check\/insurance$/);
  await page.getByLabel('是，在上海市参保').check();
  await next(page);
  await page.getByLabel('都没有').check();
  await next(page);
  await expect(page).toHaveURL(/\/check\/household-size$/);
  await page.getByLabel('您家一共几口人？').fill('3');
  await next(page);
  await page.getByLabel('去年全家一共收入多少钱？').fill('120000');
  await next(page);
  await page.getByLabel('最近 12 个月，全家看病自己掏了多少钱？').fill('50000');
  await next(page);
  await page.getByLabel('在标准以内').check();
  await next(page);
  await expect(page).toHaveURL(/\/check\/answers$/);
  await expect(page.getByTestId('answer-income')).toHaveText('¥120,000.00');
  await expect(page.getByText('约 ¥1,944.44')).toBeVisible();
  await page.getByRole('link', { name: '查看结果' }).click();
  // The city's per-capita income and 低保 standard are not set (the e2e database seeds none): the resident is
  // not asked to type them, but told what is not known and where to apply for 认定, with what to bring.
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'maybe');
  const unknown = page.getByTestId('unknown-standards');
  await expect(unknown).toContainText('本市上年度全市居民人均可支配收入');
  await expect(unknown).toContainText('《上海市实施意见》第四部分');
  await expect(unknown).toContainText('申请支出型贫困家庭认定');
  await expect(unknown).toContainText('家庭经济状况核对授权书');
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByText('例如 80000')).toHaveCount(0);
  await expect(page.getByTestId('next-step')).toContainText('街道（乡镇）社区事务受理服务中心');
  await expectAccessible(page);
});

test('返回上一步和浏览器后退都能看到原来的回答，改了回答后结果跟着变', async ({ page }) => {
  await answerWuxiDibao(page);
  // The back link on the check-answers page leads to the last question, answer still chosen.
  await page.getByRole('link', { name: '返回' }).click();
  await expect(page).toHaveURL(/\/check\/cards$/);
  await expect(page.getByLabel('低保证（最低生活保障证）')).toBeChecked();
  await page.getByRole('link', { name: '返回' }).click();
  await expect(page).toHaveURL(/\/check\/insurance$/);
  await expect(page.getByLabel('是，在无锡市参保')).toBeChecked();
  // The browser's own back button.
  await page.goBack();
  await expect(page).toHaveURL(/\/check\/cards$/);
  await expect(page.getByLabel('低保证（最低生活保障证）')).toBeChecked();
  await page.goto('/check/answers');

  // Change the hukou answer from the check-answers page: no longer eligible, and told where else to go.
  await page.getByRole('link', { name: /修改\s*“户口在无锡市”/ }).click();
  await expect(page).toHaveURL(/\/check\/hukou\?change=1$/);
  await page.getByLabel('不是', { exact: true }).check();
  await next(page);
  await expect(page).toHaveURL(/\/check\/answers$/);
  await expect(page.getByTestId('answer-hukou')).toHaveText('不是');
  await expect(page.getByTestId('answer-cards')).toHaveCount(0);
  await page.getByRole('link', { name: '查看结果' }).click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'no');
  await expect(page.getByRole('region', { name: '为什么' })).toContainText('无锡市医疗救助对象须具有本市户籍');
  const help = page.getByRole('region', { name: '还可以找这些帮助' });
  await expect(help).toContainText('临时救助');
  await expect(help).toContainText('慈善帮扶');
  await expect(help).toContainText('《无锡市实施意见》第六部分（十一）');
  await expect(help.getByRole('link', { name: '12345 政务服务便民热线' })).toHaveAttribute('href', 'tel:12345');
  await expectAccessible(page);

  // Change it back: the questions answered before come back with their answers, straight to the check page.
  await page.goto('/check/answers');
  await page.getByRole('link', { name: /修改\s*“户口在无锡市”/ }).click();
  await page.getByLabel('是，户口在无锡市').check();
  await next(page);
  await expect(page).toHaveURL(/\/check\/answers$/);
  await expect(page.getByTestId('answer-cards')).toHaveText('低保证（最低生活保障证）');
});

test('答到一半刷新页面，回答都还在', async ({ page }) => {
  await page.goto('/check/region');
  await page.getByLabel('无锡市', { exact: true }).check();
  await next(page);
  await page.getByLabel('是，户口在无锡市').check();
  await next(page);
  await expect(page).toHaveURL(/\/check\/insurance$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('看病的人参加的是无锡市的医保吗？');
  await page.getByRole('link', { name: '返回' }).click();
  await expect(page.getByLabel('是，户口在无锡市')).toBeChecked();
  await page.reload();
  await expect(page.getByLabel('是，户口在无锡市')).toBeChecked();
  // The start page offers to carry on where the person left off.
  await page.goto('/check');
  await page.getByRole('link', { name: '继续上次的回答' }).click();
  await expect(page).toHaveURL(/\/check\/insurance$/);
});

test('数字题填错时在输入框旁提示，填的内容保留；“不清楚”可以跳过并在结果里说明缺什么', async ({ page }) => {
  await page.goto('/check/region');
  await page.getByLabel('上海市', { exact: true }).check();
  await next(page);
  await page.getByLabel('是，在上海市参保').check();
  await next(page);
  await page.getByLabel('都没有').check();
  await next(page);
  await page.getByLabel('您家一共几口人？').fill('3');
  await next(page);
  const income = page.getByLabel('去年全家一共收入多少钱？');
  await income.fill('-100');
  await next(page);
  await expect(page.locator('#f-answer-error')).toHaveText(/去年全家收入不能是负数/);
  await expect(income).toHaveValue('-100');
  await expect(income).toHaveAttribute('aria-invalid', 'true');
  await income.fill('1000.555');
  await next(page);
  await expect(page.locator('#f-answer-error')).toHaveText(/最多保留两位小数/);
  await expect(income).toHaveValue('1000.555');
  await page.getByRole('button', { name: '不清楚，跳过' }).click();
  await expect(page).toHaveURL(/\/check\/medical-costs$/);
  await page.getByLabel('最近 12 个月，全家看病自己掏了多少钱？').fill('50000');
  await next(page);
  await page.getByLabel('在标准以内').check();
  await next(page);
  await expect(page.getByTestId('answer-income')).toHaveText('不清楚');
  await page.getByRole('link', { name: '查看结果' }).click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'maybe');
  const missing = page.getByTestId('missing-income');
  await expect(missing).toContainText('去年全家一共收入多少钱？');
  await expect(missing).toContainText('《上海市实施意见》第四部分');
  await expectAccessible(page);
  await missing.getByRole('link', { name: '回答这个问题' }).click();
  await expect(page).toHaveURL(/\/check\/income\?change=1$/);
});

test('查询结果可以带着地区和身份去估算', async ({ page }) => {
  await answerWuxiDibao(page);
  await page.getByRole('link', { name: '查看结果' }).click();
  await page.getByRole('button', { name: '估算能报多少' }).click();
  await expect(page).toHaveURL(/\/estimate$/);
  const who = page.getByTestId('who-summary');
  await expect(who).toContainText('无锡市');
  await expect(who).toContainText('低保对象');
  await expect(who).toContainText('来自“能不能救助”的查询结果');

});

test('从查询结果去申请：先登录，登录后申请地区已经按查询结果选好', async ({ page }) => {
  await page.goto('/check/region');
  await page.getByLabel('重庆市沙坪坝区', { exact: true }).check();
  await next(page);
  await expect(page).toHaveURL(/\/check\/cards$/);
  await page.getByLabel('低保证（最低生活保障证）').check();
  await next(page);
  await page.getByRole('link', { name: '查看结果' }).click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'yes');
  await page.getByRole('button', { name: '申请救助' }).click();
  // Not signed in: the sign-in page comes first (the apply wizard needs an account).
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
  expect(page.url()).not.toMatch(/dibao|chongqing/);
  await signInResident(page, freshPhone(), '/apply');
  await page.waitForURL(/\/apply$/);
  await expect(page.locator('#f-region')).toHaveValue('chongqing-shapingba');
});

test.describe('不开 JavaScript 也能查', () => {
  test.use({ javaScriptEnabled: false });

  test('无锡低保居民不开 JavaScript 完成查询，漏选时看到提示', async ({ page }) => {
    await page.goto('/check');
    await page.getByRole('link', { name: '开始' }).click();
    await page.getByLabel('无锡市', { exact: true }).check();
    await next(page);
    await expect(page).toHaveURL(/\/check\/hukou$/);
    await page.getByLabel('是，户口在无锡市').check();
    await next(page);
    await page.getByLabel('是，在无锡市参保').check();
    await next(page);
    await expect(page).toHaveURL(/\/check\/cards$/);
    await next(page);
    await expect(page.getByRole('alert').filter({ hasText: '请修改以下问题' })).toContainText('请选择看病的人有的证');
    await page.getByLabel('低保证（最低生活保障证）').check();
    await next(page);
    await expect(page).toHaveURL(/\/check\/answers$/);
    await page.getByRole('link', { name: '查看结果' }).click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'yes');
    await expect(page.getByTestId('category-dibao')).toContainText('《无锡市实施意见》第四部分（六）');
    // A term explanation opens without JavaScript (native <details>).
    await page.getByText('什么是“免申即享”？').click();
    await expect(page.getByText('已经认定的低保、特困等人员不用另外申请')).toBeVisible();
  });
});
