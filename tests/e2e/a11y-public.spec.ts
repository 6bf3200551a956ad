import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './helpers';

const next = (page: Page) => page.getByRole('button', { name: '继续' }).click();

/** Every page of /check, /estimate and /help in the states a person meets them, each checked with axe. */
async function walkPublicPages(page: Page, onPage: (what: string) => Promise<void>) {
  await page.goto('/help');
  await onPage('help');

  await page.goto('/check');
  await onPage('check start');
  await page.getByRole('link', { name: '开始' }).click();
  await onPage('question: region');
  await page.getByLabel('上海市', { exact: true }).check();
  await next(page);
  await page.getByLabel('是，在上海市参保').check();
  await next(page);
  await next(page);
  await expect(page.getByRole('alert').filter({ hasText: '请修改以下问题' })).toBeVisible();
  await onPage('question: cards with error');
  await page.getByLabel('低收入困难家庭认定证明').check();
  await next(page);
  await expect(page).toHaveURL(/\/check\/age$/);
  await page.getByLabel('看病的人今年多少岁？').fill('abc');
  await next(page);
  await expect(page.locator('#f-answer-error')).toBeVisible();
  await onPage('question: number with error');
  await page.getByLabel('看病的人今年多少岁？').fill('66');
  await next(page);
  await onPage('check answers');
  await page.getByRole('link', { name: '查看结果' }).click();
  await onPage('check result');

  await page.goto('/estimate');
  await onPage('estimate start');
  await page.goto('/estimate/region');
  await page.getByLabel('无锡市', { exact: true }).check();
  await next(page);
  await onPage('estimate who');
  await page.getByLabel('低保证（最低生活保障证）').check();
  await next(page);
  await page.getByRole('button', { name: '保存这次就医' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '请修改以下问题' })).toBeVisible();
  await onPage('estimate visit with errors');
  await page.getByLabel('门诊慢性病、特殊疾病（门特、门慢）').check();
  await page.getByLabel('入院日期（门诊填看病日期）').fill('2024-04-01');
  await page.getByLabel('二级医院').check();
  await page.getByLabel('本市（本地）').check();
  await page.getByRole('group', { name: /转诊/ }).getByLabel('是', { exact: true }).check();
  await page.getByLabel('① 总费用').fill('12000');
  await page.getByLabel('② 政策范围内费用').fill('10000');
  await page.getByLabel('③ 基本医保支付').fill('6000');
  await page.getByRole('button', { name: '保存这次就医' }).click();
  await expect(page).toHaveURL(/\/estimate$/);
  await onPage('estimate with a visit');
  await page.getByRole('link', { name: '计算能报多少' }).click();
  await onPage('estimate result');
}

test('查询、估算和帮助的每个页面都没有严重的无障碍问题', async ({ page }) => {
  await walkPublicPages(page, async () => {
    await expectAccessible(page);
  });
});

test('长辈模式下每个页面的按钮、选项和链接都至少 60 像素高，也没有弹窗', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'elder', value: '1', url: baseURL! }]);
  await walkPublicPages(page, async (what) => {
    await expect(page.locator('html')).toHaveClass(/elder/);
    const small = await page.locator('main').evaluate((main) => {
      const targets = main.querySelectorAll<HTMLElement>(
        'a[href], button, summary, label.choice, input:not([type=hidden]):not([type=radio]):not([type=checkbox])',
      );
      const out: string[] = [];
      for (const el of targets) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        // ErrorSummary (app/_components/field.tsx, shared) sizes its own links; reported separately.
        if (el.closest('[role=alert]')) continue;
        // A link inside a sentence is text, not a control (WCAG 2.5.8 inline exception).
        if (el.tagName === 'A' && el.closest('p, li, dd') && !el.className.includes('btn') && el.parentElement?.textContent !== el.textContent) continue;
        if (box.height < 60) out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 20)}" ${Math.round(box.height)}px`);
      }
      return out;
    });
    expect(small, what).toEqual([]);
    await expect(page.locator('dialog[open], [role=dialog]'), what).toHaveCount(0);
  });
});
