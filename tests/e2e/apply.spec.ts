import { expect, test } from '@playwright/test';
import { actAsStaff, expectAccessible, freshIdNumber, freshPhone, PNG_1X1, signInResident } from './helpers';
import { fillApplicant, fillRest, startWuxiApplication } from './support/apply-steps';

test('居民从头到尾在线申请，带上传，提交后看到编号和二维码', async ({ page }) => {
  const phone = freshPhone();
  await signInResident(page, phone);
  await startWuxiApplication(page);
  await fillApplicant(page, '钱多多', freshIdNumber(), phone);
  await fillRest(page, '钱多多');
  await page.getByRole('link', { name: '检查并提交' }).click();
  await expect(page.getByRole('heading', { name: '检查并提交' })).toBeVisible();
  await expect(page.getByText('**** **** 4567')).toBeVisible();
  // 001 四(六): (40,000 − 25,000 − 5,000) × 85% = 8,500 元
  await expect(page.getByTestId('estimate-assistance')).toHaveText('¥8,500.00');
  await expectAccessible(page);
  await page.getByRole('button', { name: '确认提交申请' }).click();
  await expect(page).toHaveURL(/\/applications\/WX-\d{4}-\d{6}\/confirmation$/);
  const ref = (await page.getByTestId('application-ref').textContent())!;
  await expect(page.locator('svg')).toBeVisible();
  await page.getByRole('link', { name: '查看办理进度' }).click();
  await expect(page.getByText('已提交，等待受理').first()).toBeVisible();
  // The receipt is listed with its stay and among everything submitted.
  await expect(page.getByRole('region', { name: /就医记录/ }).getByRole('link', { name: '结算单.png' })).toBeVisible();
  await expect(page.getByRole('region', { name: '我提交的材料' }).getByRole('link', { name: '结算单.png' })).toBeVisible();
  await page.goto('/me');
  await expect(page.getByRole('link', { name: new RegExp(ref) })).toBeVisible();
});

test('中途离开，换一个浏览器登录后接着填', async ({ page, browser }) => {
  const phone = freshPhone();
  await signInResident(page, phone);
  const id = await startWuxiApplication(page);
  await fillApplicant(page, '孙小红', freshIdNumber(), phone);

  // Another device: nothing carried over but the sign-in (a second code would hit the 60-second resend cooldown).
  const other = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true });
  await other.addCookies((await page.context().cookies()).filter((c) => c.name.includes('session-token')));
  const page2 = await other.newPage();
  await page2.goto('/apply');
  await expect(page2.getByRole('heading', { name: '继续填写' })).toBeVisible();
  await page2.getByRole('link', { name: '继续填写' }).click();
  await expect(page2).toHaveURL(new RegExp(`/apply/${id}$`));
  await expect(page2.getByRole('link', { name: /申请人信息/ })).toContainText('已完成');
  await page2.getByRole('link', { name: /申请人信息/ }).click();
  await expect(page2.getByLabel('申请人姓名')).toHaveValue('孙小红');
  await other.close();
});

test('填错时在字段旁边提示，已填内容保留，刷新后也还在', async ({ page }) => {
  const phone = freshPhone();
  await signInResident(page, phone);
  await startWuxiApplication(page);
  await page.getByRole('link', { name: /申请人信息/ }).click();
  await page.getByLabel('申请人姓名').fill('周一');
  await page.getByLabel('申请人身份证号').fill('110105194912310021');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.locator('#f-idNumber-error')).toHaveText(/身份证号校验位不对/);
  await expect(page.getByLabel('申请人姓名')).toHaveValue('周一');
  await expect(page.getByLabel('申请人身份证号')).toHaveValue('110105194912310021');
  await page.reload();
  await expect(page.getByLabel('申请人姓名')).toHaveValue('周一');
});

test('连点提交按钮或返回再提交，只产生一份申请', async ({ page }) => {
  const phone = freshPhone();
  await signInResident(page, phone);
  await startWuxiApplication(page);
  await fillApplicant(page, '吴双', freshIdNumber(), phone);
  await fillRest(page, '吴双');
  await page.getByRole('link', { name: '检查并提交' }).click();
  const review = page.url();
  await page.getByRole('button', { name: '确认提交申请' }).dblclick();
  await expect(page).toHaveURL(/confirmation$/);
  const ref = (await page.getByTestId('application-ref').textContent())!;
  // Back to the review page (now a submitted application) and try again: no second application.
  await page.goto(review);
  await page.goto('/me');
  await expect(page.getByRole('link', { name: /WX-\d{4}-\d{6}/ })).toHaveCount(1);
  await expect(page.getByRole('link', { name: new RegExp(ref) })).toBeVisible();
});

test('工作人员要求补正后，居民在申请页面答复，状态回到审核中', async ({ page }) => {
  const phone = freshPhone();
  await signInResident(page, phone);
  await startWuxiApplication(page);
  await fillApplicant(page, '郑和平', freshIdNumber(), phone);
  await fillRest(page, '郑和平');
  await page.getByRole('link', { name: '检查并提交' }).click();
  await page.getByRole('button', { name: '确认提交申请' }).click();
  const ref = (await page.getByTestId('application-ref').textContent())!;

  actAsStaff('wuxi.clerk', ref, 'accept');
  actAsStaff('wuxi.clerk', ref, 'request_info', { message: '请上传出院小结' });

  await page.goto('/me');
  await expect(page.getByTestId('unread-count')).toBeVisible();
  await page.goto(`/applications/${ref}`);
  await expect(page.getByText('需要补正材料').first()).toBeVisible();
  await expect(page.getByText('请上传出院小结').first()).toBeVisible();
  await page.getByRole('button', { name: '提交补正' }).click();
  // Nothing written or chosen: the error sits by the note and the summary links to it.
  await expect(page.locator('#f-message-error')).toHaveText('请写下补充说明，或上传补正材料');
  await expect(page.getByRole('link', { name: '请写下补充说明，或上传补正材料' })).toHaveAttribute('href', '#f-message');
  // The file and the note go together (one action).
  await page.getByLabel('从相册或文件中选择').setInputFiles({ name: '出院小结.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await expect(page.getByText('将随补正提交：出院小结.png')).toBeVisible();
  await page.getByLabel('补充说明').fill('已上传出院小结');
  await page.getByRole('button', { name: '提交补正' }).click();
  await expect(page.getByText('补正材料已提交，申请回到审核中。')).toBeVisible();
  await expect(page.getByText('审核中').first()).toBeVisible();
  // The file belongs to the answer in the timeline and is among everything submitted.
  await expect(page.getByRole('region', { name: '办理进度' }).getByRole('link', { name: '出院小结.png' })).toBeVisible();
  await expect(page.getByRole('region', { name: '我提交的材料' }).getByRole('link', { name: '出院小结.png' })).toBeVisible();
});

test('改网址里的编号看不到别人的申请（404，不是 403）', async ({ page }) => {
  await signInResident(page, freshPhone());
  // WX-2026-000001 belongs to the demo resident 张三明.
  const res = await page.goto('/applications/WX-2026-000001');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '没有找到这个页面' })).toBeVisible();
  const missing = await page.goto('/applications/WX-2026-999999');
  expect(missing?.status()).toBe(404);
});

test('居民可以在决定前撤回申请', async ({ page }) => {
  const phone = freshPhone();
  await signInResident(page, phone);
  await startWuxiApplication(page);
  await fillApplicant(page, '冯撤回', freshIdNumber(), phone);
  await fillRest(page, '冯撤回');
  await page.getByRole('link', { name: '检查并提交' }).click();
  await page.getByRole('button', { name: '确认提交申请' }).click();
  await page.getByRole('link', { name: '查看办理进度' }).click();
  await page.getByRole('link', { name: '撤回这份申请' }).click();
  await page.getByRole('button', { name: '撤回申请' }).click();
  // The reason sits next to the checkbox (and is linked from the summary at the top).
  await expect(page.locator('#f-confirm-error')).toHaveText('错误：请勾选“我确认撤回这份申请”。');
  await page.getByLabel('我确认撤回这份申请').check();
  await page.getByRole('button', { name: '撤回申请' }).click();
  await expect(page.getByText('申请已撤回。')).toBeVisible();
  await expect(page.getByRole('link', { name: '撤回这份申请' })).toHaveCount(0);
});
