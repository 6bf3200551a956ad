// Issue 22: the privacy notice and the separate consent, 我的数据 (download, correction, closure) and the
// retention job, end to end against the e2e server (its worker runs the jobs).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, freshIdNumber, freshPhone, myDataFact, residentApplication, signInResident, signInStaff } from './helpers';

// The notice version in lib/texts/privacy-notice.ts (the date the notice text was last changed).
const VERSION = '2026-12-07';
const CONSENT_BOX = '我已阅读告知，同意为办理医疗救助处理上述敏感个人信息';

type Facts = { phone: string | null; applications: { ref: string | null; status: string; bankAccount: string | null }[]; consents: { kind: string; noticeVersion: string }[] };

async function staffPage(browser: Browser, username: string, next: string): Promise<Page> {
  const staff = await (await browser.newContext()).newPage();
  await signInStaff(staff, username, next);
  return staff;
}

test('告知链接在登录页和页脚，带版本；开始申请前单独同意；告知换了新版本再问一次', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByTestId('login-notice')).toContainText(`版本 ${VERSION}`);
  await expect(page.getByRole('contentinfo').getByRole('link', { name: `个人信息处理告知（版本 ${VERSION}）` })).toBeVisible();
  await page.getByTestId('login-notice').getByRole('link', { name: '《个人信息处理告知》' }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.getByTestId('notice-version')).toHaveText(`版本：${VERSION}`);
  await expectAccessible(page);

  const phone = freshPhone();
  await signInResident(page, phone, '/apply');
  await page.goto('/apply');
  // Without the box ticked nothing starts and the reason is said next to the form.
  await page.getByRole('button', { name: '开始申请' }).click();
  await expect(page).toHaveURL(/error=consent/);
  await expect(page.getByText('请勾选同意后再开始申请。')).toBeVisible();
  expect(myDataFact<Facts>('facts', phone).applications).toEqual([]);
  await page.getByLabel(CONSENT_BOX).check();
  await page.getByRole('button', { name: '开始申请' }).click();
  await page.waitForURL(/\/apply\/[0-9a-f-]{36}$/);
  const draftPath = new URL(page.url()).pathname;
  // One consent row, under the current version.
  expect(myDataFact<Facts>('facts', phone).consents).toEqual([{ kind: 'sensitive', noticeVersion: VERSION }]);

  // The consent now dates from an older notice: the draft's next step asks again first.
  myDataFact('age-consent', phone);
  await page.goto(draftPath);
  await expect(page).toHaveURL(/\/apply\/consent\?next=/);
  await expect(page.getByText('个人信息处理告知有了新版本')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: '同意并继续' }).click();
  await expect(page.getByText('请勾选同意后再开始申请。')).toBeVisible();
  await page.getByLabel(CONSENT_BOX).check();
  await page.getByRole('button', { name: '同意并继续' }).click();
  await page.waitForURL((url) => url.pathname === draftPath);
  expect(myDataFact<Facts>('facts', phone).consents.map((c) => c.noticeVersion).sort()).toEqual(['2000-01-01', VERSION]);
});

test('下载我的数据：JSON 与数据库一致，查看记录只写岗位和机构；PDF 可下载', async ({ page, browser }) => {
  const phone = freshPhone();
  const id = freshIdNumber();
  const ref = residentApplication(phone, id, '数据甲');
  // A clerk opens the case: the download lists that view by role and office, not by the clerk's name.
  const clerk = await staffPage(browser, 'wuxi.clerk', `/admin/applications/${ref}`);
  await clerk.goto(`/admin/applications/${ref}`);
  await expect(clerk.getByText(ref).first()).toBeVisible();

  await signInResident(page, phone, '/me');
  await page.getByRole('link', { name: '查看和管理我的数据' }).click();
  await expect(page).toHaveURL(/\/me\/data$/);
  await expectAccessible(page);

  const res = await page.request.get('/me/data/export?format=json');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/json');
  const body = await res.text();
  const data = JSON.parse(body) as {
    account: { phone: string };
    person: { idNumber: string; name: string };
    applications: { ref: string; status: string; bankAccount: string; visits: { hospitalName: string }[]; documents: { name: string }[] }[];
    staffViews: { ref: string; role: string; office: string }[];
  };
  // What tests/e2e/support/resident-app.ts filed: one submitted application, account 6222020000001234567,
  // one stay at 无锡市人民医院 with its 结算单.png; and the same rows read straight from the database.
  const facts = myDataFact<Facts>('facts', phone);
  expect(data.applications.map((a) => ({ ref: a.ref, status: a.status, bankAccount: a.bankAccount }))).toEqual(facts.applications);
  expect(facts.applications).toEqual([{ ref, status: 'submitted', bankAccount: '6222020000001234567' }]);
  // The support script's account stores only the phone's lookup hash, so the download's phone is what the database holds.
  expect(data.account.phone).toBe(facts.phone);
  expect(data.person).toMatchObject({ idNumber: id, name: '数据甲' });
  expect(data.applications[0]!.visits.map((v) => v.hospitalName)).toEqual(['无锡市人民医院']);
  expect(data.applications[0]!.documents.map((d) => d.name)).toEqual(['结算单.png']);
  expect(data.staffViews).toContainEqual(expect.objectContaining({ ref, role: '受理员', office: '无锡市医疗救助经办机构' }));
  expect(body).not.toContain('无锡受理员');

  const pdf = await page.request.get('/me/data/export?format=pdf');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  // Staff are no data subject here.
  expect((await clerk.request.get('/me/data/export?format=json')).status()).toBe(404);
  await clerk.context().close();
});

test('更正申请：到本地区受理员的队列，答复后居民看到结果', async ({ page, browser }) => {
  const phone = freshPhone();
  const ref = residentApplication(phone, freshIdNumber(), '更正乙');
  await signInResident(page, phone, '/me/data');
  await page.goto('/me/data');
  await page.getByLabel('涉及哪份申请').selectOption(ref);
  await page.getByLabel('哪一项不对，应当是什么').fill('出院日期应为 3 月 11 日');
  await page.getByRole('button', { name: '提交更正申请' }).click();
  const receipt = page.getByRole('status').filter({ hasText: '已收到您的更正申请' });
  await expect(receipt).toBeVisible();
  const requestRef = /编号 (\S+)，/.exec((await receipt.textContent()) ?? '')?.[1] ?? '';
  expect(requestRef).not.toBe('');

  const clerk = await staffPage(browser, 'wuxi.clerk', '/admin/requests');
  await clerk.goto('/admin/requests');
  const card = clerk.getByTestId(`correction-${requestRef}`);
  await expect(card).toContainText('出院日期应为 3 月 11 日');
  await expect(card).toContainText(`申请 ${ref}`);
  await expectAccessible(clerk);
  await card.getByLabel('已更正').check();
  await card.getByLabel('给居民的答复（改了什么，或不改的理由）').fill('已核对出院小结，改为 3 月 11 日');
  await card.getByRole('button', { name: '答复' }).click();
  // The answered request leaves the open list: its card now shows the answer instead of the form.
  await expect(card).toContainText('答复：已核对出院小结，改为 3 月 11 日');
  await expect(card.getByRole('button', { name: '答复' })).toHaveCount(0);
  await clerk.context().close();

  await page.goto('/me/data');
  await expect(page.getByTestId(`request-status-${requestRef}`)).toHaveText('已办结');
  await expect(page.getByText('答复：已核对出院小结，改为 3 月 11 日')).toBeVisible();
});

test('注销账号：先说清删什么留什么；草稿删除，已提交的申请在工作人员一侧仍在', async ({ page, browser }) => {
  const phone = freshPhone();
  const ref = residentApplication(phone, freshIdNumber(), '注销丙');
  const draft = myDataFact<{ id: string }>('draft', phone).id;
  await signInResident(page, phone, '/me/data');
  await page.goto('/me/data');
  const close = page.locator('#close');
  await expect(close).toContainText('未提交的草稿 1 份');
  await expect(close).toContainText(`已提交的申请 1 份（${ref}`);
  await close.getByRole('button', { name: '注销账号' }).click();
  await expect(page.getByText('请先勾选确认。')).toBeVisible();
  expect(myDataFact<{ exists: boolean }>('exists', draft).exists).toBe(true);
  await page.locator('#close').getByLabel('我已了解以上内容，确认注销账号').check();
  await page.locator('#close').getByRole('button', { name: '注销账号' }).click();
  await expect(page.getByTestId('account-closed')).toBeVisible();
  expect(myDataFact<{ exists: boolean }>('exists', draft).exists).toBe(false);
  // The session ended with the account.
  await page.goto('/me');
  await expect(page).toHaveURL(/\/login/);

  const clerk = await staffPage(browser, 'wuxi.clerk', `/admin/applications/${ref}`);
  const res = await clerk.goto(`/admin/applications/${ref}`);
  expect(res?.status()).toBe(200);
  await expect(clerk.getByText(ref).first()).toBeVisible();
  await clerk.context().close();
});

test('保存期限任务：180 天没改的草稿删除、新草稿保留，结果在任务页；再运行一次什么也不删', async ({ page, browser }) => {
  const phone = freshPhone();
  await signInResident(page, phone, '/me');
  const old = myDataFact<{ id: string }>('old-draft', phone).id;
  const fresh = myDataFact<{ id: string }>('draft', phone).id;
  const clerk = await staffPage(browser, 'wuxi.clerk', '/admin');
  const summaryOf = async (job: string) => {
    await expect(async () => {
      await clerk.goto(`/admin/jobs/${job}`);
      await expect(clerk.getByTestId('retention-summary')).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    return clerk.getByTestId('retention-summary');
  };
  // Only this test backdates drafts, and the worker's nightly run at start found none: exactly one goes.
  const first = await summaryOf(myDataFact<{ id: string }>('retention').id);
  await expect(first).toContainText('超过 180 天未修改的草稿：1 份');
  await expect(first).toContainText('已作出决定的救助档案保存 30 年（演示）');
  await expectAccessible(clerk);
  expect(myDataFact<{ exists: boolean }>('exists', old).exists).toBe(false);
  expect(myDataFact<{ exists: boolean }>('exists', fresh).exists).toBe(true);
  const second = await summaryOf(myDataFact<{ id: string }>('retention').id);
  await expect(second).toContainText('超过 180 天未修改的草稿：0 份');
  await clerk.context().close();
});
