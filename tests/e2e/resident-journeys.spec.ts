// Resident journeys as a new user walks them (360 px, the config's viewport): the 身份证号 checked where it is
// typed, what /estimate found carried into /apply, 补正 asking for what it needs, a printable confirmation,
// old draft links and the address bar after sign-in.
import { expect, test, type Page } from '@playwright/test';
import { agreeIfAsked, actAsStaff, expectAccessible, freshIdNumber, freshPhone, PNG_1X1, residentApplication, signInResident } from './helpers';
import { fillApplicant, fillRest, startWuxiApplication } from './support/apply-steps';

/** Types the code the demo sender shows, on the sign-in page already open. */
async function signInHere(page: Page, phone: string) {
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  const code = (await page.getByTestId('demo-code').locator('strong').textContent())?.trim() ?? '';
  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

test('已有登记信息的居民：姓名和身份证号自动填好，号码只显示部分、不能修改', async ({ page }) => {
  // 张三明 (scripts/seed/demo-data.ts): 320202195803150012 on record.
  await signInResident(page, '13800000001');
  await startWuxiApplication(page);
  await page.getByRole('link', { name: /申请人信息/ }).click();
  await expect(page.getByLabel('申请人姓名')).toHaveValue('张三明');
  // Masked: first 3 and last 4 of 18, so 11 stars.
  await expect(page.getByTestId('id-on-record')).toContainText('320***********0012');
  await expect(page.getByTestId('id-on-record')).toContainText('如需更正，请到窗口办理');
  await expect(page.getByRole('textbox', { name: '申请人身份证号' })).toHaveCount(0);
  expect(await page.content()).not.toContain('320202195803150012');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/shots/applicant-on-record-360.png', fullPage: true });

  // A forged field cannot change it: the server keeps the number on record.
  await page.locator('form.card').evaluate((form) => {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'idNumber';
    input.value = '110105194912310021';
    form.appendChild(input);
  });
  await page.getByLabel('联系电话').fill('13800000001');
  await page.getByRole('group', { name: '申请人的户口在本地吗？' }).getByLabel('是').check();
  await page.getByRole('group', { name: /本地参加基本医疗保险/ }).getByLabel('是').check();
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByRole('link', { name: /申请人信息/ })).toContainText('已完成');
  await page.getByRole('link', { name: /申请人信息/ }).click();
  await expect(page.getByTestId('id-on-record')).toContainText('320***********0012');
});

test('代办时填的身份证号和被代办人的登记不一致：在身份证号旁边提示，不透露登记的号码', async ({ page }) => {
  // 王芳's demo phone is shared with the ledger spec: a sign-in may wait out the other's resend cooldown.
  test.setTimeout(150_000);
  // 王芳 holds an authority for 赵大年 (320202194409090037 on record).
  await signInResident(page, '13800000003');
  await page.goto('/apply');
  await page.getByRole('radio', { name: /代办/ }).check();
  await page.getByLabel('申请地区（医保参保地）').selectOption('wuxi');
  await agreeIfAsked(page);
  await page.getByRole('button', { name: '开始申请' }).click();
  await page.getByRole('link', { name: /申请人信息/ }).click();
  await expect(page.getByLabel('申请人姓名')).toHaveValue('赵大年');
  await page.getByLabel('申请人身份证号').fill(freshIdNumber());
  await page.getByLabel('联系电话').fill('13800000003');
  await page.getByRole('group', { name: '申请人的户口在本地吗？' }).getByLabel('是').check();
  await page.getByRole('group', { name: /本地参加基本医疗保险/ }).getByLabel('是').check();
  await page.getByRole('button', { name: '保存并继续' }).click();
  const error = page.locator('#f-idNumber-error');
  await expect(error).toContainText('与申请人的登记信息不一致');
  await expect(error).toContainText('到窗口更正');
  await expect(error).not.toContainText('0037');
  // Next to the field: the error is described by the input itself.
  await expect(page.getByLabel('申请人身份证号')).toHaveAttribute('aria-describedby', /f-idNumber-error/);
  await page.screenshot({ path: 'test-results/shots/applicant-id-differs-360.png', fullPage: true });

  await page.getByLabel('申请人身份证号').fill('320202194409090037');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.getByRole('link', { name: /申请人信息/ })).toContainText('已完成');
});

test('没有登记信息的人填了别人的身份证号：在这一步就拒绝', async ({ page }) => {
  await signInResident(page, freshPhone());
  await startWuxiApplication(page);
  // 李秀英's number (demo data) belongs to another person record.
  await fillApplicantExpectingError(page, '李秀英', '310104196207201223');
  await expect(page.locator('#f-idNumber-error')).toContainText('已经登记在其他账号或窗口办理的记录中');
});

async function fillApplicantExpectingError(page: Page, name: string, id: string) {
  await page.getByRole('link', { name: /申请人信息/ }).click();
  await page.getByLabel('申请人姓名').fill(name);
  await page.getByLabel('申请人身份证号').fill(id);
  await page.getByLabel('联系电话').fill('13700009999');
  await page.getByRole('group', { name: '申请人的户口在本地吗？' }).getByLabel('是').check();
  await page.getByRole('group', { name: /本地参加基本医疗保险/ }).getByLabel('是').check();
  await page.getByRole('button', { name: '保存并继续' }).click();
}

async function addStay(page: Page, date: string, end: string, total: string) {
  await page.getByLabel('住院', { exact: true }).check();
  await page.getByLabel('入院日期（门诊填看病日期）').fill(date);
  await page.getByLabel('出院日期（住院才填）').fill(end);
  await page.getByLabel('三级医院').check();
  await page.getByLabel('本市（本地）', { exact: true }).check();
  await page.getByRole('group', { name: /转诊/ }).getByLabel('是', { exact: true }).check();
  await page.getByLabel('① 总费用').fill(total);
  await page.getByLabel('② 政策范围内费用').fill(String(Number(total) - 1000));
  await page.getByLabel('③ 基本医保支付').fill('1000');
  await page.getByLabel('④ 大病保险支付').fill('0');
  await page.getByRole('button', { name: '保存这次就医' }).click();
  await expect(page).toHaveURL(/\/estimate$/);
}

test('估算里填的三次住院和救助身份都带到申请里；未登录时先到登录页，地址栏跟着走', async ({ page }) => {
  await page.goto('/estimate');
  await page.getByRole('link', { name: '开始：选择地区' }).click();
  await page.getByLabel('无锡市', { exact: true }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByLabel('低保证（最低生活保障证）', { exact: true }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await addStay(page, '2026-01-05', '2026-01-12', '11000');
  await page.getByRole('link', { name: '再添加一次' }).click();
  await addStay(page, '2026-02-05', '2026-02-12', '22000');
  await page.getByRole('link', { name: '再添加一次' }).click();
  await addStay(page, '2026-03-05', '2026-03-12', '33000');
  await page.getByRole('link', { name: '计算能报多少' }).click();
  await page.getByRole('button', { name: '申请救助' }).click();

  // The address bar shows the sign-in page that is displayed, and where it goes afterwards.
  await expect(page).toHaveURL(/\/login\?next=%2Fapply$/);
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await signInHere(page, freshPhone());
  await expect(page).toHaveURL(/\/apply$/);
  await expect(page.getByRole('heading', { name: '申请医疗救助' })).toBeVisible();
  await expect(page.getByTestId('prefill-note')).toContainText('救助身份和 3 次就医记录');
  await page.screenshot({ path: 'test-results/shots/apply-prefill-360.png', fullPage: true });
  await agreeIfAsked(page);
  await page.getByRole('button', { name: '开始申请' }).click();
  await expect(page).toHaveURL(/\/apply\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('link', { name: /救助身份/ })).toContainText('已完成');
  await page.getByRole('link', { name: /就医记录/ }).click();
  // ¥11,000.00, ¥22,000.00, ¥33,000.00: all three, in order.
  const items = page.getByRole('listitem').filter({ hasText: /第 \d 次/ });
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('2026-01-05');
  await expect(items.nth(0)).toContainText('¥11,000.00');
  await expect(items.nth(1)).toContainText('¥22,000.00');
  await expect(items.nth(2)).toContainText('¥33,000.00');
});

test('登录页之后地址栏就是显示的页面', async ({ page }) => {
  await page.goto('/me');
  await expect(page).toHaveURL(/\/login\?next=%2Fme$/);
  await signInHere(page, freshPhone());
  await expect(page).toHaveURL(/\/me$/);
});

test('提交：检查页列出上传的材料，回执一页可打印，旧草稿链接到申请页；补正缺文件被拒，带文件一步提交', async ({ page }) => {
  test.setTimeout(120_000);
  const phone = freshPhone();
  await signInResident(page, phone);
  const draftId = await startWuxiApplication(page);
  await fillApplicant(page, '郑补正', freshIdNumber(), phone);
  await fillRest(page, '郑补正');
  await page.getByRole('link', { name: '检查并提交' }).click();
  const uploads = page.getByTestId('review-uploads');
  await expect(uploads).toContainText('第 1 次就医（无锡市人民医院）的结算单、发票');
  await expect(uploads).toContainText('结算单.png');
  await page.screenshot({ path: 'test-results/shots/review-uploads-360.png', fullPage: true });
  await page.getByRole('button', { name: '确认提交申请' }).click();
  await expect(page).toHaveURL(/\/applications\/WX-\d{4}-\d{6}\/confirmation$/);
  const ref = (await page.getByTestId('application-ref').textContent())!;
  await expect(page.getByRole('button', { name: '打印或保存为 PDF' })).toBeVisible();
  await page.screenshot({ path: 'test-results/shots/confirmation-360.png', fullPage: true });

  // Printed: reference, QR code and what happens next, no site header or buttons, on one A4 page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText(/医疗救助申请回执 · 无锡市 · 打印日期：\d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expect(page.getByTestId('application-ref')).toBeVisible();
  await expect(page.getByTestId('confirmation').locator('svg')).toBeVisible();
  await expect(page.getByRole('heading', { name: '接下来会怎样' })).toBeVisible();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印或保存为 PDF' })).toBeHidden();
  await expect(page.getByRole('link', { name: '查看办理进度' })).toBeHidden();
  await page.screenshot({ path: 'test-results/shots/confirmation-print-360.png', fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length).toBe(1);
  await page.emulateMedia({ media: 'screen' });

  // An old link to any page of the draft goes to the submitted application.
  for (const sub of ['', '/applicant', '/episodes', '/episodes/0', '/review']) {
    await page.goto(`/apply/${draftId}${sub}`);
    await expect(page).toHaveURL(new RegExp(`/applications/${ref}$`));
  }
  await expect(page.getByRole('heading', { name: `申请 ${ref}` })).toBeVisible();

  actAsStaff('wuxi.clerk', ref, 'accept');
  actAsStaff('wuxi.clerk', ref, 'request_info', { message: '请上传出院小结', requireDocuments: true });
  await page.goto(`/applications/${ref}`);
  await expect(page.getByTestId('requested')).toContainText('需要上传的材料：');
  await expect(page.getByTestId('requested')).toContainText('请上传出院小结');
  await expect(page.getByText('补正材料（必须上传）')).toBeVisible();
  await expect(page.getByText('还没有选择文件')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '上传', exact: true })).toHaveCount(0);

  // A note alone is refused: the message sits by the file field.
  await page.getByLabel('补充说明（选填）').fill('出院小结在路上');
  await page.getByRole('button', { name: '提交补正' }).click();
  await expect(page.locator('#f-file-error')).toContainText('请选择要上传的补正材料');
  await expect(page.getByLabel('补充说明（选填）')).toHaveValue('出院小结在路上');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/shots/respond-refused-360.png', fullPage: true });

  // Choose the file and send: one action.
  await page.getByLabel('从相册或文件中选择').setInputFiles({ name: '出院小结.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await expect(page.getByText('将随补正提交：出院小结.png')).toBeVisible();
  await page.getByRole('button', { name: '提交补正' }).click();
  await expect(page.getByText('补正材料已提交，申请回到审核中。')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/applications/${ref}\\?answered=1$`));
  await page.screenshot({ path: 'test-results/shots/respond-done-360.png', fullPage: true });
  await expect(page.getByText('审核中').first()).toBeVisible();
  await expect(page.getByRole('region', { name: '办理进度' }).getByRole('link', { name: '出院小结.png' })).toBeVisible();
  await expect(page.getByRole('region', { name: '我提交的材料' }).getByRole('link', { name: '出院小结.png' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '需要您补充' })).toHaveCount(0);
});

// Without JavaScript the page is plain HTML forms: 补正 posts the note and the files in one multipart form to
// the server action; a refusal comes back as the same page with the error by the field.
test.describe('不开 JavaScript 也能补正、撤回', () => {
  test.use({ javaScriptEnabled: false });

  test('补正要求上传材料：没选文件被拒（提示在文件旁，说明保留），带文件一次提交说明和文件', async ({ page }) => {
    test.setTimeout(120_000);
    const phone = freshPhone();
    const ref = residentApplication(phone, freshIdNumber(), '冯无脚本');
    actAsStaff('wuxi.clerk', ref, 'accept');
    actAsStaff('wuxi.clerk', ref, 'request_info', { message: '请上传诊断证明', requireDocuments: true });
    const posts: { url: string; type: string }[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push({ url: new URL(r.url()).pathname, type: r.headers()['content-type'] ?? '' });
    });
    await signInResident(page, phone, `/applications/${ref}`);
    await expect(page).toHaveURL(new RegExp(`/applications/${ref}$`));
    await expect(page.getByText('补正材料（必须上传）')).toBeVisible();

    // A note alone is refused; the page comes back with the message by the file field and the note kept.
    posts.length = 0;
    await page.getByLabel('补充说明（选填）').fill('诊断证明在路上');
    await page.getByRole('button', { name: '提交补正' }).click();
    await expect(page.locator('#f-file-error')).toContainText('请选择要上传的补正材料');
    await expect(page.getByLabel('从相册或文件中选择')).toHaveAttribute('aria-describedby', /f-file-error/);
    await expect(page.getByLabel('补充说明（选填）')).toHaveValue('诊断证明在路上');
    await expect(page.getByText('需要补正材料').first()).toBeVisible();
    expect(posts.map((p) => p.url)).toEqual([`/applications/${ref}`]);

    // With the file: one multipart post to the page carries note and file (nothing goes to /api/uploads); the
    // file listed afterwards can only have come in that post.
    posts.length = 0;
    await page.getByLabel('从相册或文件中选择').setInputFiles({ name: '诊断证明.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await page.getByRole('button', { name: '提交补正' }).click();
    await expect(page).toHaveURL(new RegExp(`/applications/${ref}\\?answered=1$`));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.url).toBe(`/applications/${ref}`);
    expect(posts[0]!.type).toMatch(/^multipart\/form-data; boundary=/);
    await expect(page.getByText('补正材料已提交，申请回到审核中。')).toBeVisible();
    await expect(page.getByText('审核中').first()).toBeVisible();
    await expect(page.getByRole('region', { name: '办理进度' }).getByRole('link', { name: '诊断证明.png' })).toBeVisible();
    await expect(page.getByRole('region', { name: '我提交的材料' }).getByRole('link', { name: '诊断证明.png' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '需要您补充' })).toHaveCount(0);
    await expect(page.getByText('诊断证明在路上')).toBeVisible();
  });

  test('撤回：没勾选确认被拒，提示在勾选框旁；勾选后撤回', async ({ page }) => {
    const phone = freshPhone();
    const ref = residentApplication(phone, freshIdNumber(), '卫无脚本');
    await signInResident(page, phone, `/applications/${ref}/withdraw`);
    await expect(page.getByRole('heading', { name: `撤回申请 ${ref}` })).toBeVisible();
    await page.getByRole('button', { name: '撤回申请' }).click();
    await expect(page.locator('#f-confirm-error')).toContainText('请勾选“我确认撤回这份申请”。');
    await page.getByLabel('我确认撤回这份申请').check();
    await page.getByRole('button', { name: '撤回申请' }).click();
    await expect(page).toHaveURL(new RegExp(`/applications/${ref}\\?withdrawn=1$`));
    await expect(page.getByText('申请已撤回。')).toBeVisible();
    await expect(page.getByText('已撤回').first()).toBeVisible();
  });
});
