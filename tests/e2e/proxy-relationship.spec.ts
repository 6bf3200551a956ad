// Who the proxy is to the person, end to end: a 监护人 recorded at the counter signs in and acts for the person;
// a 基层工作人员 shows 待核实 until a clerk of the region verifies the account.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, freshIdNumber, freshPhone, PNG_1X1, residentApplication, signInResident, signInStaff } from './helpers';

async function signedIn(browser: Browser, phone: string, next: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true });
  const page = await context.newPage();
  await signInResident(page, phone, next);
  return page;
}

test('受理员在窗口登记监护人（上传监护证明），监护人用手机号登录后看到被监护人并可以为其办理', async ({ browser, page }) => {
  const guardianPhone = freshPhone();
  await signInStaff(page, 'wuxi.clerk', '/admin/counter');
  await page.getByRole('link', { name: '登记监护人：为无法自己表示同意的人' }).click();
  await page.getByLabel('被监护人姓名（对照身份证）').fill('蒋阿婆');
  await page.getByLabel('被监护人身份证号码').fill(freshIdNumber());
  await page.getByLabel('监护人姓名（对照身份证）', { exact: true }).fill('蒋卫东');
  await page.getByLabel('监护人身份证号码', { exact: true }).fill(freshIdNumber());
  await page.getByLabel('监护人手机号', { exact: true }).fill(guardianPhone);
  await page.getByLabel('我已当面核对双方身份证原件和监护证明原件').check();
  // Without the proof it is refused, and what was typed stays.
  await page.getByRole('button', { name: '登记监护人' }).click();
  await expect(page.getByText('没有监护证明不能登记监护人').first()).toBeVisible();
  await expect(page.getByLabel('监护人手机号', { exact: true })).toHaveValue(guardianPhone);
  await expectAccessible(page);
  await page.getByLabel('监护证明', { exact: true }).setInputFiles({ name: '监护证明.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await page.getByLabel('我已当面核对双方身份证原件和监护证明原件').check();
  await page.getByRole('button', { name: '登记监护人' }).click();
  await expect(page.getByText('监护人已登记，委托即时生效')).toBeVisible();
  await expect(page.getByTestId('relationship')).toHaveText('监护人');
  await expect(page.getByRole('img', { name: '监护证明' })).toBeVisible();
  await expectAccessible(page);

  const guardian = await signedIn(browser, guardianPhone, '/proxy');
  const held = guardian.getByTestId('held').filter({ hasText: '为 蒋*婆 代办' });
  await expect(held).toContainText('生效中');
  await expect(held.getByTestId('relationship')).toHaveText('监护人');
  await expectAccessible(guardian);
  await held.getByRole('link', { name: '为 蒋*婆 办理' }).click();
  await expect(guardian.getByTestId('acting-for')).toContainText('代办');
});

test('申请人邀请基层工作人员：接受后显示“待经办部门核实身份”，本地区受理员核实单位后显示已核实', async ({ browser, page }) => {
  const elderPhone = freshPhone();
  const elderId = freshIdNumber();
  const workerPhone = freshPhone();
  residentApplication(elderPhone, elderId, '韩德福');

  const elder = await signedIn(browser, elderPhone, '/proxy');
  await elder.getByLabel('代办人的手机号').fill(workerPhone);
  await elder.getByLabel('基层工作人员', { exact: true }).check();
  await elder.getByRole('button', { name: '发送邀请' }).click();
  await expect(elder.getByText('邀请已发出')).toBeVisible();

  const worker = await signedIn(browser, workerPhone, '/proxy');
  const invitation = worker.getByTestId('invitation');
  await expect(invitation).toContainText('您的身份：基层工作人员');
  await invitation.getByLabel('委托人身份证号码的最后 4 位').fill(elderId.slice(-4));
  await invitation.getByRole('button', { name: '确认并接受委托' }).click();
  await expect(worker.getByText('您已接受委托')).toBeVisible();
  await expect(worker.getByTestId('held').first().getByTestId('relationship')).toHaveText('基层工作人员（待经办部门核实身份）');

  await elder.reload();
  const granted = elder.getByTestId('granted').first();
  await expect(granted.getByTestId('relationship')).toHaveText('基层工作人员（待经办部门核实身份）');
  await expectAccessible(elder);

  await signInStaff(page, 'wuxi.clerk', '/admin/authorities');
  const row = page.getByTestId('workers').getByRole('listitem').filter({ hasText: `手机尾号 ${workerPhone.slice(-4)}` }).filter({ hasText: '韩*福' });
  await row.getByRole('link', { name: '核实' }).click();
  await expect(page.getByTestId('relationship')).toHaveText('基层工作人员（待经办部门核实身份）');
  await page.getByLabel('代办人所在单位').fill('梁溪区崇安寺街道健康社区居委会');
  await page.getByLabel('我已核对代办人的工作证或单位证明，确认是本地区的基层工作人员').check();
  await page.getByRole('button', { name: '核实为基层工作人员' }).click();
  await expect(page.getByText('已核实为基层工作人员')).toBeVisible();
  await expectAccessible(page);

  await elder.reload();
  await expect(elder.getByTestId('granted').first().getByTestId('relationship')).toHaveText('基层工作人员（经办部门已核实）');
  await worker.reload();
  await expect(worker.getByTestId('held').first().getByTestId('relationship')).toHaveText('基层工作人员（经办部门已核实）');
});
