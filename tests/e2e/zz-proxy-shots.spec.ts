import { test } from '@playwright/test';
import { signInResident, signInStaff } from './helpers';

const OUT = '/tmp/proxy-shots';
for (const width of [360, 1280]) {
  test(`shots ${width}`, async ({ browser }) => {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    await signInResident(page, width === 360 ? '13800000003' : '13800000001', '/proxy');
    await page.screenshot({ path: `${OUT}/proxy-${width}.png`, fullPage: true });
    await page.goto('/me');
    await page.screenshot({ path: `${OUT}/me-${width}.png`, fullPage: true });
    const link = page.getByRole('link', { name: /^为 .* 办理$/ });
    if (await link.count()) {
      await link.first().click();
      await page.screenshot({ path: `${OUT}/for-${width}.png`, fullPage: true });
    }
    await page.goto('/proxy/request');
    await page.screenshot({ path: `${OUT}/request-${width}.png`, fullPage: true });
    const staff = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await signInStaff(staff, 'wuxi.clerk', '/admin/authorities');
    await staff.screenshot({ path: `${OUT}/authorities-${width}.png`, fullPage: true });
    await staff.goto('/admin/counter');
    await staff.screenshot({ path: `${OUT}/counter-${width}.png`, fullPage: true });
  });
}
