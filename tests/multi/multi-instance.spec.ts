// Two instances on one PostgreSQL behind nginx serve one resident without them noticing
// (scripts/multi-instance-e2e.sh starts them). Cookies are per host, not per port, so one browser context
// is signed in on both instances and on nginx at once, which lets each step pick its instance.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { freshIdNumber, freshPhone, PNG_1X1, signInResident } from '../e2e/helpers';
import { fillApplicant, fillRest, startWuxiApplication } from '../e2e/support/apply-steps';

const A = process.env.INSTANCE_A!;
const B = process.env.INSTANCE_B!;

async function requestCode(page: Page, base: string, phone: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('手机号').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
}

test('一台实例发的验证码，另一台实例能登录；同一手机号的发送间隔两台一起算', async ({ browser }) => {
  const phone = freshPhone();
  const first = await browser.newContext();
  const onA = await first.newPage();
  await requestCode(onA, A, phone);
  const code = (await onA.getByTestId('demo-code').locator('strong').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{6}$/);

  const second = await browser.newContext();
  const onB = await second.newPage();
  await requestCode(onB, B, phone);
  // The per-phone limit lives in the database: B knows A sent a code moments ago.
  await expect(onB.getByText(/短信里的验证码发出后 5 分钟内有效，可以直接填写。没有收到的话，请 \d+ 秒后再重新获取/)).toBeVisible();
  await expect(onB.getByTestId('demo-code')).toHaveCount(0);
  await onB.getByLabel('验证码').fill(code);
  await onB.getByRole('button', { name: '登录' }).click();
  await onB.waitForURL(`${B}/me`);
  await expect(onB.getByRole('heading', { level: 1 })).toBeVisible();
  await first.close();
  await second.close();
});

test('通过负载均衡从头到尾申请：一台上传的材料另一台能下载，换一台重试提交也只有一份申请', async ({ page }) => {
  const phone = freshPhone();
  await signInResident(page, phone);
  const draftId = await startWuxiApplication(page);
  await fillApplicant(page, '孙多福', freshIdNumber(), phone);
  await fillRest(page, '孙多福');

  // A certificate uploaded straight to instance A …
  const upload = await page.request.post(`${A}/api/uploads`, {
    multipart: { applicationId: draftId, kind: 'certificate', file: { name: '低保证.png', mimeType: 'image/png', buffer: PNG_1X1 } },
  });
  expect(upload.status()).toBe(200);
  const { id } = (await upload.json()) as { id: string };
  // … is served by instance B, byte for byte what A stored (the database holds the encrypted contents).
  const uploadedViaA = await page.request.get(`${A}/applications/draft/documents/${id}`);
  const download = await page.request.get(`${B}/applications/draft/documents/${id}`);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('image/png');
  expect(Buffer.compare(await download.body(), await uploadedViaA.body())).toBe(0);

  await page.getByRole('link', { name: '检查并提交' }).click();
  const submitPost = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await page.getByRole('button', { name: '确认提交申请' }).click();
  const request = await submitPost;
  await expect(page).toHaveURL(/\/applications\/WX-\d{4}-\d{6}\/confirmation$/);
  const ref = (await page.getByTestId('application-ref').textContent())!.trim();

  // The browser timed out and the same submit is sent again, once to each instance.
  const path = new URL(request.url()).pathname;
  const headers = { ...request.headers() };
  delete headers['content-length'];
  for (const base of [A, B]) {
    const replay = await page.request.fetch(`${base}${path}`, { method: 'POST', headers: { ...headers, origin: base }, data: request.postDataBuffer() ?? undefined, maxRedirects: 0 });
    // Answered as the first submit was: a redirect to the same application's confirmation.
    expect(replay.status()).toBeLessThan(400);
    expect(replay.headers()['x-action-redirect'] ?? '').toContain(`/applications/${ref}/confirmation`);
  }
  await page.goto('/me');
  const cards = page.getByRole('link', { name: /WX-\d{4}-\d{6}/ });
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(ref);

  // nginx really spread this resident's requests over both instances.
  const log = readFileSync(process.env.NGINX_LOG!, 'utf8');
  for (const base of [A, B]) expect(log).toContain(`upstream=${new URL(base).host}`);
});
