// Money paid once (issue 18), on the real pages: an import row whose hospital already paid assistance at 一站式
// settlement pays only the difference; a visit a resident applied for (with its 结算单号) and had approved is not
// paid again by an import of the same visit, and the job page says why; a Chongqing row with a blank 按规定转诊
// waits as 待核实 for a Chongqing clerk, who fills it and it is awarded; a transfer the bank returned leads the
// resident to ask for a new account, a clerk who did not approve the payment verifies it, and the resident sees it.
// Every person here is fresh (no demo person's year is shared), and each import holds only this spec's rows.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { SETTLEMENT_HEADER } from '../../lib/office/settlement-file';
import { fillApplicant, fillRest, startWuxiApplication } from './support/apply-steps';
import { actAsStaff, createStaff, DEMO_PASSWORD, expectAccessible, freshIdNumber, freshPhone, keepScreenshot, residentApplication, signInResident, signInStaff } from './helpers';

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const year = today.slice(0, 4);
const stamp = Date.now().toString(36).toUpperCase();

/** A fresh person certified in a category (tests/e2e/support/certified-person.ts). */
function certifiedPerson(idNumber: string, name: string, region: string, code: string): void {
  const env = JSON.parse(readFileSync(process.env.E2E_ENV_FILE ?? 'test-results/e2e-server.env.json', 'utf8')) as Record<string, string>;
  execFileSync('npx', ['tsx', '--conditions=react-server', 'tests/e2e/support/certified-person.ts', idNumber, name, region, code], { env: { ...process.env, ...env, NODE_ENV: 'production' }, stdio: 'pipe' });
}

type Cells = { no: string; id: string; date?: string; end?: string; hospital?: string; level?: string; place?: string; referred?: string; total: number; policy: number; basic: number; critical?: number; paid?: number };
/** One settlement row in the file's column order (lib/office/settlement-file.ts), amounts in 分. */
const row = (c: Cells) =>
  [c.no, c.id, c.date ?? today, c.end ?? '', '住院', c.hospital ?? '无锡市人民医院', c.level ?? '3', c.place ?? '本市', c.referred ?? '是', '否', '否', c.total, c.policy, c.basic, c.critical ?? 0, 0, c.paid ?? 0].join(',');
const file = (rows: string[]) => ({ name: 'jiesuan.csv', mimeType: 'text/csv', buffer: Buffer.from([SETTLEMENT_HEADER, ...rows].join('\n') + '\n', 'utf8') });

async function importFile(page: Page, rows: string[], from = `${year}-01-01`) {
  await page.goto('/admin/imports');
  await page.getByLabel('起始日期').fill(from);
  await page.getByLabel('截止日期').fill(today);
  await page.getByLabel('结算记录文件（CSV）').setInputFiles(file(rows));
  await page.getByRole('button', { name: '检查并导入' }).click();
  await page.waitForURL(/\/admin\/jobs\//);
  await expect(page.getByTestId('job-progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  return page.getByTestId('import-summary');
}

/** The staff case page's 年度救助台账 section. */
const ledgerOf = (page: Page) => page.locator('section', { has: page.getByRole('heading', { name: /年度救助台账/ }) });

test.beforeEach(async ({ page }) => {
  // Each support script (a person, a staff step) is its own tsx process: on the shared 2-core machine a test that
  // runs five of them needs more than the default minute.
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 360, height: 780 });
});

test('医院结算时已支付医疗救助的结算记录，导入后只支付差额', async ({ page }) => {
  const id = freshIdNumber();
  certifiedPerson(id, '孙已付', 'wuxi', 'dibao');
  await signInStaff(page, 'wuxi.clerk', '/admin/imports');
  // 总费用 12,000 元, 政策范围内 10,000 元, 基本医保 6,000 元 → 政策范围内自付 4,000 元; 低保 85% (001 四(六)) × 4,000 = 3,400 元
  // due for the year; the hospital's 一站式 settlement already paid 医疗救助 1,000 元 (003 七(十二)) → 3,400 − 1,000 = 2,400 元.
  const summary = await importFile(page, [row({ no: `MO-${stamp}-1`, id, total: 1_200_000, policy: 1_000_000, basic: 600_000, paid: 100_000 })]);
  await expect(summary).toContainText('新导入：1 条');
  await expect(summary).toContainText('直接办理（免申即享）：1 件，合计 ¥2,400.00');
  const cases = page.getByRole('list', { name: '直接办理的案件' }).getByRole('listitem');
  await expect(cases).toHaveCount(1);
  await expect(cases.first()).toContainText('¥2,400.00');
  await expectAccessible(page);
  await cases.first().getByRole('link').click();
  await page.waitForURL(/\/admin\/applications\//);
  await expect(page.getByText('已批准，等待发放').first()).toBeVisible();
  await expect(ledgerOf(page)).toContainText('¥2,400.00');
  await expectAccessible(page);
});

test('居民填了结算单号申请并已批准的同一次就医，再导入结算记录不再支付，导入结果写明原因', async ({ page }) => {
  const id = freshIdNumber();
  const no = `MO-${stamp}-2`;
  // The application's one stay (tests/e2e/support/resident-app.ts), its 结算单号 typed from the receipt: 无锡市人民医院,
  // 2026-03-02 至 2026-03-10, 总费用 50,000 元, 政策范围内 40,000 元, 基本医保 25,000 元, 大病保险 5,000 元 → 自付 10,000 元;
  // 低保 85% → 8,500 元, approved as such.
  const ref = residentApplication(freshPhone(), id, '周一次', 'wuxi', no);
  // The 民政 data certifies the person the application created (a record without an account cannot be claimed online).
  certifiedPerson(id, '周一次', 'wuxi', 'dibao');
  actAsStaff('wuxi.clerk', ref, 'accept');
  actAsStaff('wuxi.reviewer', ref, 'start_review');
  actAsStaff('wuxi.reviewer', ref, 'approve', { amountFen: 850_000, reason: '按测算核定' });

  await signInStaff(page, 'wuxi.clerk', '/admin/imports');
  // The same stay from the 医保 file under the same 结算单号: the year's total is still 8,500 元, all of it approved → nothing new.
  const summary = await importFile(page, [row({ no, id, date: '2026-03-02', end: '2026-03-10', total: 5_000_000, policy: 4_000_000, basic: 2_500_000, critical: 500_000 })], '2026-01-01');
  await expect(summary).toContainText('新导入：1 条');
  await expect(summary).toContainText('本年度没有新增救助金额：1 人次');
  await expect(summary).toContainText('直接办理（免申即享）：0 件');
  await expect(page.getByTestId('no-amount-why')).toContainText(`结算单 ${no}：按规定计算本年度没有新增的救助金额（全年应救助 ¥8,500.00，医院结算时已支付 ¥0.00，此前已办理 ¥8,500.00）`);
  await expectAccessible(page);

  // The person-year still owes 8,500 元, once; the case page shows the visit found in the import.
  await page.goto(`/admin/applications/${encodeURIComponent(ref)}`);
  const ledger = ledgerOf(page);
  await expect(ledger.getByRole('listitem')).toHaveCount(1);
  await expect(ledger).toContainText('¥8,500.00');
  await expect(ledger).toContainText('待发放合计 ¥8,500.00');
  const dup = page.getByTestId('possible-duplicate');
  await expect(dup).toHaveCount(1);
  await expect(dup).toContainText('与已导入的医保结算记录是同一次就医');
  await expectAccessible(page);
});

test('居民按结算单填了医院结算时医疗救助已付 3,000 元：检查页预计还可获得 5,500 元，批准后核定 5,500 元', async ({ page }) => {
  const phone = freshPhone();
  await signInResident(page, phone);
  await startWuxiApplication(page);
  await fillApplicant(page, '郑已减', freshIdNumber(), phone);
  // The example stay: 政策范围内 40,000 − 基本医保 25,000 − 大病保险 5,000 = 10,000 元 × 85% (001 四(六)) = 8,500 元 due;
  // the receipt shows 医疗救助 3,000 元 paid at discharge (一站式, 003 七(十二)) → 8,500 − 3,000 = 5,500 元 still to pay.
  await fillRest(page, '郑已减', { assistancePaid: '3000' });
  await page.getByRole('link', { name: '检查并提交' }).click();
  await expect(page.getByTestId('estimate-assistance')).toHaveText('¥8,500.00');
  const rest = page.getByTestId('after-hospital-paid');
  await expect(rest).toContainText('医院结算时医疗救助已付 ¥3,000.00');
  await expect(rest).toContainText('预计还可获得 ¥5,500.00');
  await expect(rest).toContainText('《国务院办公厅意见》第七部分（十二）');
  await expectAccessible(page);
  await rest.scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'issue18-review-hospital-paid-360');
  await page.getByRole('button', { name: '确认提交申请' }).click();
  await expect(page).toHaveURL(/\/applications\/WX-\d{4}-\d{6}\/confirmation$/);
  const ref = (await page.getByTestId('application-ref').textContent())!;

  actAsStaff('wuxi.clerk', ref, 'accept');
  actAsStaff('wuxi.reviewer', ref, 'start_review');
  // The reviewer confirms the calculation's 8,500 元; the approval keeps back what the hospital already paid.
  actAsStaff('wuxi.reviewer', ref, 'approve', { amountFen: 850_000, reason: '' });
  await page.goto(`/applications/${encodeURIComponent(ref)}`);
  await expect(page.getByText('核定救助金额：¥5,500.00')).toBeVisible();
  await expect(page.getByText(/医院结算时医疗救助已付 ¥3,000.00（不重复发放）/)).toBeVisible();
  await expectAccessible(page);
});

test('重庆沙坪坝：没有填写按规定转诊的结算记录待核实，重庆受理员补填后直接办理', async ({ page }) => {
  const id = freshIdNumber();
  const no = `MO-${stamp}-3`;
  certifiedPerson(id, '钱待核', 'chongqing-shapingba', 'dibao');
  // No demo Chongqing clerk exists: this spec's own (tests/e2e/support/create-staff.ts).
  const clerk = `cq.clerk.${stamp.toLowerCase()}`;
  createStaff(clerk, 'clerk', DEMO_PASSWORD, 'chongqing-shapingba');
  await signInStaff(page, clerk, '/admin/imports');
  // A stay at a level-3 hospital outside Chongqing, 按规定转诊 blank: 总费用 = 政策范围内 50,000 元, 基本医保 30,000 元.
  const summary = await importFile(page, [row({ no, id, hospital: '四川大学华西医院', place: '外地', referred: '', total: 5_000_000, policy: 5_000_000, basic: 3_000_000 })]);
  await expect(summary).toContainText('新导入：1 条');
  await expect(summary).toContainText('待核实（规则要用到的项目没有填写，没有按最有利的情况猜测）：1 条');
  await expect(summary).toContainText('直接办理（免申即享）：0 件');
  await expectAccessible(page);

  await page.goto('/admin/imports');
  const held = page.getByTestId('held-rows').getByRole('listitem').filter({ hasText: no });
  await expect(held).toContainText('待核实：按规定转诊没有填写');
  await expect(held).toContainText('医院等级 三级');
  await expectAccessible(page);
  // Filled 是: 004 二(六) referred care outside the city follows Shapingba's rules; one stay at level ≥ 2 with 政策范围内
  // 50,000 > 30,000 元 is 大额费用救助 (004 二(三)2) at 低保's 80% (004 二(三)1): (50,000 − 30,000) × 80% = 16,000 元.
  // No tilt: it is for care inside Chongqing only (004 二(三)3).
  await held.getByRole('group', { name: '是否按规定转诊' }).getByLabel('是').check();
  await held.getByRole('button', { name: '核实并办理' }).click();
  const done = page.getByTestId('held-resolved');
  await expect(done).toContainText(`结算单 ${no} 已核实`);
  await expect(done).toContainText('核定救助金额 ¥16,000.00');
  await expect(page.getByTestId('held-rows').getByRole('listitem').filter({ hasText: no })).toHaveCount(0);
  await expectAccessible(page);
  await done.getByRole('link').click();
  await page.waitForURL(/\/admin\/applications\/CQ-/);
  await expect(page.getByText('已批准，等待发放').first()).toBeVisible();
  await expect(page.getByText(/免申即享/).first()).toBeVisible();
});

test('银行退回后居民申请更换收款账户，未批准这笔钱的受理员核实，居民看到已核实', async ({ page }) => {
  const phone = freshPhone();
  const ref = residentApplication(phone, freshIdNumber(), '吴换卡');
  actAsStaff('wuxi.clerk', ref, 'accept');
  actAsStaff('wuxi.reviewer', ref, 'start_review');
  actAsStaff('wuxi.reviewer', ref, 'approve', { amountFen: 850_000, reason: '按测算核定' });
  // The bank returned the transfer: the account was closed.
  actAsStaff('wuxi.clerk', ref, 'record_payment_failure', { message: '账户已销户' });

  await signInResident(page, phone, `/applications/${ref}`);
  await page.goto(`/applications/${ref}`);
  await expect(page.getByTestId('payment-failed')).toContainText('救助金发放没有成功：账户已销户');
  await expectAccessible(page);
  await page.getByRole('link', { name: '更换收款账户' }).click();
  await page.waitForURL(/\/bank$/);
  await expect(page.getByTestId('payment-failed')).toContainText('账户已销户');
  await page.getByLabel('开户银行').fill('中国建设银行无锡分行');
  await page.getByLabel('户名').fill('吴换卡');
  await page.getByLabel('新的银行卡号或存折账号').fill('6217000000009876');
  await page.getByRole('button', { name: '提交更换申请' }).click();
  await expect(page.getByRole('status')).toContainText('更换申请已提交');
  await expect(page.getByTestId('bank-changes')).toContainText('中国建设银行无锡分行');
  await expect(page.getByTestId('bank-changes')).toContainText('等待工作人员核实');
  await expect(page.getByText('6217000000009876')).toHaveCount(0);
  await expectAccessible(page);

  // The reviewer approved the payment, so the reviewer may not verify its account (four eyes); the clerk may.
  const staff = await page.context().browser()!.newContext({ viewport: { width: 360, height: 780 } });
  const desk = await staff.newPage();
  await signInStaff(desk, 'wuxi.reviewer', '/admin/payments');
  await desk.goto('/admin/payments');
  let change = desk.getByTestId('bank-changes').getByRole('listitem').filter({ hasText: ref });
  await expect(change).toContainText('（上次发放被银行退回）');
  await change.getByLabel('核实无误，更换').check();
  await change.getByRole('button', { name: '保存核实结果' }).click();
  await expect(change.getByRole('alert')).toContainText('批准这笔救助金的工作人员不能核实它的收款账户');
  await desk.context().clearCookies();
  await signInStaff(desk, 'wuxi.clerk', '/admin/payments');
  await desk.goto('/admin/payments');
  change = desk.getByTestId('bank-changes').getByRole('listitem').filter({ hasText: ref });
  await expect(change).toContainText('→ 中国建设银行无锡分行');
  await expectAccessible(desk);
  await change.getByLabel('核实无误，更换').check();
  await change.getByRole('button', { name: '保存核实结果' }).click();
  await expect(desk.getByTestId('bank-changes').getByRole('listitem').filter({ hasText: ref })).toHaveCount(0);
  // The case waits for the next batch with the new account.
  await expect(desk.getByRole('list', { name: '待发放的申请' }).getByRole('listitem').filter({ hasText: ref })).toContainText('中国建设银行无锡分行 尾号 9876');
  await staff.close();

  await page.goto(`/applications/${ref}/bank`);
  await expect(page.getByTestId('bank-changes')).toContainText('已核实，下一批发放起使用新账户');
  await expect(page.getByText(/现在的收款账户：中国建设银行无锡分行/)).toBeVisible();
  await expectAccessible(page);
});
