// Proxy filing (委托代办) and counter filing (窗口代录), end to end.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { agreeIfAsked, expectAccessible, freshIdNumber, freshPhone, keepScreenshot, PNG_1X1, residentApplication, signInResident, signInStaff } from './helpers';
import { fillApplicant, fillRest, fillWuxiStay } from './support/apply-steps';

async function signedIn(browser: Browser, phone: string, next: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true });
  const page = await context.newPage();
  await signInResident(page, phone, next);
  return page;
}

/** `shown`: the applicant's name as the proxy sees it (in full when the authority lets them view or apply; see nameForProxy). */
async function fileFor(page: Page, shown: string, name: string, idNumber: string, phone: string): Promise<string> {
  await page.goto('/me');
  await page.getByRole('link', { name: `为 ${shown} 办理` }).click();
  await expect(page.getByTestId('acting-for')).toHaveText(`您正在为 ${shown} 代办`);
  await page.getByRole('link', { name: `为 ${shown} 申请救助` }).click();
  await expect(page.getByLabel(`为 ${shown} 代办`)).toBeChecked();
  await page.getByLabel('申请地区（医保参保地）').selectOption('wuxi');
  await agreeIfAsked(page);
  await page.getByRole('button', { name: '开始申请' }).click();
  await expect(page.getByText(`您正在为 ${shown} 代办`)).toBeVisible();
  await fillApplicant(page, name, idNumber, phone);
  await fillRest(page, name);
  // The declaration says whose promise it is and what to do when the applicant cannot read it with the proxy.
  await page.getByRole('link', { name: /声明与授权/ }).click();
  await expect(page.getByText(`这三项是 ${shown} 本人的承诺和同意`)).toBeVisible();
  await expect(page.getByText(/本人不能一起阅读时（住院、行动不便）.*请不要勾选，改为上传本人签字的委托书，或到经办窗口办理/)).toBeVisible();
  await keepScreenshot(page, 'issue23-proxy-declaration-360');
  await page.getByRole('link', { name: '任务清单' }).click();
  await page.getByRole('link', { name: '检查并提交' }).click();
  await page.getByRole('button', { name: '确认提交申请' }).click();
  await expect(page).toHaveURL(/\/applications\/WX-\d{4}-\d{6}\/confirmation$/);
  await expect(page.getByTestId('acting-for')).toHaveText(`您正在为 ${shown} 代办`);
  // The money is the applicant's, and the proxy is told so.
  await expect(page.getByText(`发放：救助金打到 ${shown} 本人的银行账户。`)).toBeVisible();
  return (await page.getByTestId('application-ref').textContent())!;
}

test('邀请 → 用身份证后 4 位确认 → 女儿代父亲申请 → 父亲看到是代办提交的 → 父亲撤销 → 女儿下一步被拒绝', async ({ browser }, testInfo) => {
  const fatherPhone = freshPhone();
  const fatherId = freshIdNumber();
  const daughterPhone = freshPhone();
  // The father has applied once before (his 身份证号 is on record).
  residentApplication(fatherPhone, fatherId, '张大明');

  const father = await signedIn(browser, fatherPhone, '/proxy');
  await father.getByLabel('代办人的手机号').fill(daughterPhone);
  await father.getByLabel('家属', { exact: true }).check();
  await expect(father.getByLabel(/^提交申请/)).toBeChecked();
  await expect(father.getByLabel('到哪天结束')).not.toHaveValue('');
  await father.getByRole('button', { name: '发送邀请' }).click();
  await expect(father.getByText('邀请已发出')).toBeVisible();
  await expect(father.getByTestId('granted').first()).toContainText('等待确认');
  await expectAccessible(father);

  const daughter = await signedIn(browser, daughterPhone, '/proxy');
  const invitation = daughter.getByTestId('invitation');
  await expect(invitation).toContainText('张*明 邀请您代办');
  await invitation.getByLabel('委托人身份证号码的最后 4 位').fill(fatherId.slice(-4));
  await invitation.getByRole('button', { name: '确认并接受委托' }).click();
  await expect(daughter.getByText('您已接受委托')).toBeVisible();
  await expectAccessible(daughter);

  const ref = await fileFor(daughter, '张大明', '张大明', fatherId, daughterPhone);
  await daughter.getByRole('link', { name: '查看办理进度' }).click();
  await expect(daughter.getByText(`您正在为 张大明 代办`)).toBeVisible();
  await expect(daughter.getByText(/（受委托代办）/)).toBeVisible();

  // The father sees it on his own page, marked as filed by the proxy, and what she did.
  await father.goto('/me');
  await expect(father.getByRole('link', { name: new RegExp(ref) })).toContainText('由代办人为您提交');
  await father.goto(`/applications/${ref}`);
  await expect(father.getByText(`代办人（手机尾号 ${daughterPhone.slice(-4)}）（受委托代办）`)).toBeVisible();
  await father.goto('/proxy');
  const granted = father.getByTestId('granted').first();
  await expect(granted).toContainText('生效中');
  await granted.getByText(/代办人做了什么/).click();
  await expect(granted.getByTestId('activity')).toContainText('提交了申请');
  await father.screenshot({ path: testInfo.outputPath('granted-activity.png'), fullPage: true });
  await expect(granted.getByTestId('activity')).toContainText('接受了委托');

  // She has his desk open; he revokes; her very next click is refused (not found).
  await daughter.goto('/me');
  await daughter.getByRole('link', { name: '为 张大明 办理' }).click();
  await expect(daughter.getByRole('link', { name: new RegExp(ref) })).toBeVisible();
  await granted.getByRole('button', { name: '撤销委托' }).click();
  await expect(father.getByText('委托已撤销，立即生效。')).toBeVisible();
  await daughter.getByRole('link', { name: new RegExp(ref) }).click();
  await expect(daughter.getByRole('heading', { name: '没有找到这个页面' })).toBeVisible();
  await daughter.goto('/me');
  await expect(daughter.getByText('您目前没有替别人办理的委托')).toBeVisible();
});

test('连续 3 次填错身份证后 4 位，邀请被锁定', async ({ browser }) => {
  const fatherPhone = freshPhone();
  const fatherId = freshIdNumber();
  const otherPhone = freshPhone();
  residentApplication(fatherPhone, fatherId, '李长河');
  const father = await signedIn(browser, fatherPhone, '/proxy');
  await father.getByLabel('代办人的手机号').fill(otherPhone);
  await father.getByLabel('其他', { exact: true }).check();
  await father.getByRole('button', { name: '发送邀请' }).click();
  await expect(father.getByText('邀请已发出')).toBeVisible();

  const other = await signedIn(browser, otherPhone, '/proxy');
  const wrong = fatherId.slice(-4) === '0000' ? '1111' : '0000';
  for (const left of [2, 1]) {
    await other.getByLabel('委托人身份证号码的最后 4 位').fill(wrong);
    await other.getByRole('button', { name: '确认并接受委托' }).click();
    await expect(other.getByText(`还可以再试 ${left} 次`).first()).toBeVisible();
  }
  await other.getByLabel('委托人身份证号码的最后 4 位').fill(wrong);
  await other.getByRole('button', { name: '确认并接受委托' }).click();
  await expect(other.getByText(/已连续填错 3 次，这份邀请已锁定/).first()).toBeVisible();
  await other.goto('/proxy');
  await expect(other.getByTestId('invitation')).toContainText('已锁定');
  await expect(other.getByRole('button', { name: '确认并接受委托' })).toHaveCount(0);
  await father.goto('/proxy');
  await expect(father.getByTestId('granted').first()).toContainText('已锁定');
});

test('上传委托书 → 受理员核验通过 → 代办人为他申请', async ({ browser }, testInfo) => {
  const proxyPhone = freshPhone();
  const grantorId = freshIdNumber();
  const proxy = await signedIn(browser, proxyPhone, '/proxy/request');
  await expectAccessible(proxy);
  // The template downloads as a PDF with the names filled in.
  await proxy.getByLabel('委托人（申请人）姓名').first().fill('周老汉');
  await proxy.getByLabel('您的姓名').fill('周小梅');
  const download = proxy.waitForEvent('download');
  await proxy.getByRole('button', { name: '下载委托书（PDF）' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toBe('授权委托书.pdf');

  const form = proxy.locator('form').filter({ has: proxy.getByRole('button', { name: '提交给窗口核验' }) });
  await form.getByLabel('委托人（申请人）姓名').fill('周老汉');
  await form.getByLabel('委托人身份证号码').fill(grantorId);
  await form.getByLabel('家属', { exact: true }).check();
  await form.getByLabel('签好字的委托书').setInputFiles({ name: '委托书.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await form.getByLabel('委托人的身份证照片').setInputFiles({ name: '委托人身份证.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await form.getByLabel('您（受托人）的身份证照片').setInputFiles({ name: '我的身份证.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await form.getByRole('button', { name: '提交给窗口核验' }).click();
  await expect(proxy.getByText('委托书已提交，经办窗口核验通过后才能开始代办')).toBeVisible();
  await expect(proxy.getByTestId('held').first()).toContainText('等待确认');
  // Not yet: nobody to act for.
  await proxy.goto('/me');
  await expect(proxy.getByText('您目前没有替别人办理的委托')).toBeVisible();

  const staff = await (await browser.newContext()).newPage();
  await signInStaff(staff, 'wuxi.clerk', '/admin/authorities');
  await staff.getByRole('listitem').filter({ hasText: '委托人 周*汉' }).first().getByRole('link', { name: '核验' }).click();
  await expect(staff.getByText('委托人：周老汉')).toBeVisible();
  await expect(staff.getByRole('img', { name: '授权委托书（签字）' })).toBeVisible();
  await staff.screenshot({ path: testInfo.outputPath('clerk-review.png'), fullPage: true });
  await expectAccessible(staff);
  await staff.getByLabel('核验说明（通过时必填）').fill('委托书签字与委托人身份证一致，受托人为其女儿');
  await staff.getByRole('button', { name: '保存核验结果' }).click();
  await expect(staff.getByText('已通过，委托即时生效')).toBeVisible();

  // A verified 委托书 lets the proxy apply, so the name is shown in full to her (staff lists above stay masked).
  await fileFor(proxy, '周老汉', '周老汉', grantorId, proxyPhone);
});

test('受理员为没有手机的人窗口代录，打印回执', async ({ page }, testInfo) => {
  const id = freshIdNumber();
  await signInStaff(page, 'wuxi.clerk', '/admin/counter');
  await page.getByLabel('申请人姓名（对照身份证）').fill('孙有田');
  await page.getByLabel('身份证号码（对照身份证）').fill(id);
  await page.getByLabel('我已当面核对申请人的身份证原件，人证一致').check();
  await page.getByRole('button', { name: '开始代录' }).click();
  await expect(page.getByTestId('acting-for')).toHaveText('您正在为 孙*田 窗口代录');

  await page.getByRole('link', { name: /申请人信息/ }).click();
  await expect(page.getByTestId('id-on-record')).toContainText(id.slice(-4));
  await page.getByRole('group', { name: '申请人的户口在本地吗？' }).getByLabel('是').check();
  await page.getByRole('group', { name: /本地参加基本医疗保险/ }).getByLabel('是').check();
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByRole('link', { name: /申请人信息/ })).toContainText('已完成');

  await page.getByRole('link', { name: /救助身份/ }).click();
  await page.getByLabel(/^低保对象/).check();
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.getByRole('link', { name: /就医记录/ }).click();
  await fillWuxiStay(page);
  await page.getByRole('link', { name: /收款账户/ }).click();
  await expect(page.getByLabel('户名')).toHaveValue('孙有田');
  await page.getByLabel('开户银行').fill('中国农业银行无锡分行');
  await page.getByLabel('银行卡号或存折账号').fill('6228480000001234567');
  await page.getByRole('button', { name: '保存并继续' }).click();

  await expect(page.getByRole('button', { name: '提交申请并打印回执' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('counter-tasks.png'), fullPage: true });
  await expectAccessible(page);
  await page.getByLabel('材料类型').selectOption('pledge');
  await page.getByLabel('扫描件（JPG、PNG 或 PDF）').setInputFiles({ name: '承诺书扫描.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await page.getByRole('button', { name: '上传扫描件' }).click();
  await expect(page.getByText('已上传 1 个文件。')).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: '提交申请并打印回执' }).click();
  await expect(page).toHaveURL(/\/admin\/counter\/receipt\/WX-\d{4}-\d{6}$/);
  const ref = (await page.getByTestId('application-ref').textContent())!;
  await expect(page.getByText('申请人：孙*田')).toBeVisible();
  await expect(page.getByTestId('receipt-qr').locator('svg')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('receipt.png'), fullPage: true });
  await expectAccessible(page);
  // Printed: one page with the reference and the QR code; the buttons are not printed.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '打印或保存为 PDF' })).toBeHidden();
  await expect(page.getByTestId('application-ref')).toHaveText(ref);
  const printed = await page.pdf({ format: 'A4' });
  expect(printed.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
  // It is in the queue like any other case, filed at the counter.
  await page.goto(`/admin/applications/${ref}`);
  await expect(page.getByText('已提交，等待受理').first()).toBeVisible();
});
