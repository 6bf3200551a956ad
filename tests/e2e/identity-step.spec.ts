// The identity step at 360 px (issue "What residents and proxies read", item 5): the category first, then the
// certificate of that category by name; a photo chosen and not yet uploaded goes up with 保存并继续, with and
// without JavaScript; a refused file is named next to the field and nothing typed is lost.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, freshPhone, keepScreenshot, PNG_1X1, signInResident } from './helpers';
import { startWuxiApplication } from './support/apply-steps';

test.use({ viewport: { width: 360, height: 780 } });

const height = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);
const certificateHeading = (page: Page) => page.getByRole('heading', { name: /^上传证件/ });

async function identityStep(page: Page): Promise<string> {
  await signInResident(page, freshPhone(), '/apply');
  const draftId = await startWuxiApplication(page);
  await page.getByRole('link', { name: /救助身份/ }).click();
  await expect(page).toHaveURL(new RegExp(`/apply/${draftId}/identity$`));
  return draftId;
}

test('先选身份再要证件：选了低保对象才请上传低保证；选好的照片按“保存并继续”一起上传', async ({ page }) => {
  const draftId = await identityStep(page);
  // The categories come first, in folded groups: the step fits in about two phone screens, not 2,800 px.
  await expect(certificateHeading(page)).toHaveCount(0);
  await expect(page.getByText('选好身份并保存后，这一页会请您上传对应的证件照片。')).toBeVisible();
  await expect(page.getByLabel(/^孤儿/)).toBeHidden();
  expect(await height(page)).toBeLessThan(1800);
  await expectAccessible(page);
  await keepScreenshot(page, 'issue23-identity-categories-360');

  await page.getByLabel(/^低保对象/).check();
  await expect(certificateHeading(page)).toHaveText('上传证件：低保证');
  await page.getByLabel('从相册或文件中选择').setInputFiles({ name: '低保证.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await expect(page.getByTestId('chosen-files')).toHaveText('已选择：低保证.png（还没有上传，按“保存并继续”时会一起上传）');
  await page.getByLabel('证件编号（选填）').fill('DB-2026-0012');
  await expectAccessible(page);
  await keepScreenshot(page, 'issue23-identity-certificate-360');
  await page.getByRole('button', { name: '保存并继续' }).click();

  await expect(page).toHaveURL(new RegExp(`/apply/${draftId}$`));
  await expect(page.getByRole('link', { name: /救助身份/ })).toContainText('已完成');
  await page.getByRole('link', { name: /救助身份/ }).click();
  await expect(page.getByRole('list', { name: '已上传的材料' })).toContainText('低保证.png');
  await expect(page.getByLabel('证件编号（选填）')).toHaveValue('DB-2026-0012');
  await keepScreenshot(page, 'issue23-identity-uploaded-360');
});

test('不对的文件在输入框旁用中文说明“还没有上传”，选好的身份和填的编号都还在', async ({ page }) => {
  await identityStep(page);
  await page.getByRole('group', { name: '申请人已经取得哪些救助身份？' }).getByText('孤儿和困境儿童').click();
  await page.getByLabel(/^孤儿/).check();
  await expect(certificateHeading(page)).toHaveText('上传证件：孤儿基本生活保障证明');
  await page.getByLabel('证件编号（选填）').fill('GE-778');

  // Too large: said before anything is sent (the browser knows the size).
  await page.getByLabel('从相册或文件中选择').setInputFiles({ name: '大照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0xff) });
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.locator('#f-file-error')).toHaveText('错误：大照片.jpg 还没有上传：这个文件超过 10 MB，请压缩后或分页拍照上传。');
  await expect(page).toHaveURL(/\/identity$/);

  // The wrong type: the server reads the first bytes, refuses it by name, and keeps the answers.
  await page.getByLabel('从相册或文件中选择').setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('不是图片') });
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.locator('#f-file-error')).toHaveText('错误：说明.txt 还没有上传：这个文件不是 JPG、PNG 图片或 PDF 文件，请换一个文件。');
  await expect(page.getByText('有文件还没有上传，您选的身份已先保存。')).toBeVisible();
  await expect(page.getByLabel(/^孤儿/)).toBeChecked();
  await expect(page.getByLabel('证件编号（选填）')).toHaveValue('GE-778');
  await expectAccessible(page);
  await keepScreenshot(page, 'issue23-identity-refused-360');

  // 上传 stays on the page and lists the file; 删除 takes it away again.
  await page.getByLabel('从相册或文件中选择').setInputFiles({ name: '孤儿证明.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await page.getByRole('button', { name: '上传', exact: true }).click();
  await expect(page.getByText('已上传 1 个文件。')).toBeVisible();
  await expect(page.getByTestId('chosen-files')).toHaveText('还没有选择文件');
  await expect(page.getByRole('list', { name: '已上传的材料' })).toContainText('孤儿证明.png');
  await page.getByRole('button', { name: '删除 孤儿证明.png' }).click();
  await expect(page.getByText('已删除。')).toBeVisible();
  await expect(page.getByRole('list', { name: '已上传的材料' })).toHaveCount(0);
  await expect(page.getByLabel('证件编号（选填）')).toHaveValue('GE-778');
});

async function withoutScript(browser: Browser, page: Page): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false, storageState: await page.context().storageState() });
  return context.newPage();
}

test('没有 JavaScript 时分两步：先保存身份，同一页再请上传证件；选好的照片随“保存并继续”上传', async ({ page, browser }) => {
  const draftId = await identityStep(page);
  const plain = await withoutScript(browser, page);
  await plain.goto(`/apply/${draftId}/identity`);
  await expect(certificateHeading(plain)).toHaveCount(0);
  await plain.getByLabel(/^低保对象/).check();
  await plain.getByRole('button', { name: '保存并继续' }).click();

  await expect(plain).toHaveURL(new RegExp(`/apply/${draftId}/identity\\?saved=1`));
  await expect(plain.getByText('已保存您选的身份。请在下面上传证件照片，然后按“保存并继续”。')).toBeVisible();
  await expect(certificateHeading(plain)).toHaveText('上传证件：低保证');
  await expect(plain.getByLabel(/^低保对象/)).toBeChecked();
  // (No axe here: it runs as a script, and this page has JavaScript turned off; the same page with JavaScript is checked above.)
  await keepScreenshot(plain, 'issue23-identity-nojs-certificate-360');
  await plain.getByLabel('从相册或文件中选择').setInputFiles({ name: '低保证正面.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await plain.getByRole('button', { name: '保存并继续' }).click();

  // The task list, perhaps with the #fragment of the step just finished.
  await expect(plain).toHaveURL(new RegExp(`/apply/${draftId}(#.*)?$`));
  await expect(plain.getByRole('link', { name: /救助身份/ })).toContainText('已完成');
  await plain.goto(`/apply/${draftId}/identity`);
  await expect(plain.getByRole('list', { name: '已上传的材料' })).toContainText('低保证正面.png');
  await plain.context().close();
});
