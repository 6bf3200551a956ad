// What an operator gets: /api/metrics in Prometheus format with the token (refused without it), a request id on
// every answer, and the server's JSON log line for that request, with its route pattern and no personal data.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const serverEnv = () => JSON.parse(readFileSync(process.env.E2E_ENV_FILE ?? 'test-results/e2e-server.env.json', 'utf8')) as Record<string, string>;
const logFile = () => process.env.E2E_LOG ?? 'test-results/e2e-server.log';

test('运行指标：没有令牌或令牌不对时拒绝，带令牌时给出 Prometheus 文本', async ({ request }) => {
  const none = await request.get('/api/metrics');
  expect(none.status()).toBe(401);
  expect(none.headers()['www-authenticate']).toContain('Bearer');
  expect((await none.json()).message).toContain('METRICS_TOKEN');
  expect((await request.get('/api/metrics', { headers: { authorization: 'Bearer not-the-token-at-all-not-the-token' } })).status()).toBe(401);

  // Two health checks first: the counter for that route and status is at least 2 afterwards.
  for (let i = 0; i < 2; i++) expect((await request.get('/api/health')).status()).toBe(200);
  const res = await request.get('/api/metrics', { headers: { authorization: `Bearer ${serverEnv().METRICS_TOKEN}` } });
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/plain');
  const text = await res.text();
  const health = /portal_http_requests_total\{method="GET",route="\/api\/health",status="200"\} (\d+)/.exec(text);
  expect(Number(health?.[1])).toBeGreaterThanOrEqual(2);
  expect(text).toMatch(/portal_http_request_duration_seconds_count\{method="GET",route="\/api\/health"\} \d+/);
  // The seeded demo applications (张三明's submitted one among them) are in the queue figures; jobs and pool too.
  expect(text).toMatch(/portal_applications\{region="wuxi",status="submitted"\} [1-9]\d*/);
  expect(text).toContain('# TYPE portal_jobs gauge');
  expect(text).toMatch(/portal_db_pool_connections\{dialect="(sqlite|postgres)",state="max"\} [1-9]\d*/);
  // Counts only: none of the demo residents' phone numbers (13800000001…3), no case reference. (Not every
  // 11-digit number: process metrics such as memory in bytes are that long.)
  expect(text).not.toContain('1380000000');
  expect(text).not.toMatch(/[A-Z]{2}-\d{4}-\d{6}/);
});

test('每个回答都有请求编号，服务器日志里有同一编号的一行 JSON：路由模式，不带查询参数', async ({ request }) => {
  const res = await request.get('/login?next=%2Fme&phone=13800000001');
  expect(res.status()).toBe(200);
  const id = res.headers()['x-request-id'] ?? '';
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  // The line is written when the answer is done; give the log a moment.
  await expect
    .poll(() => readFileSync(logFile(), 'utf8').split('\n').filter((l) => l.includes(id)).length, { timeout: 5_000 })
    .toBeGreaterThan(0);
  const line = readFileSync(logFile(), 'utf8').split('\n').find((l) => l.includes(id) && l.includes('"msg":"request"'))!;
  expect(JSON.parse(line)).toMatchObject({ level: 'info', msg: 'request', requestId: id, method: 'GET', route: '/login', status: 200 });
  expect(line).not.toContain('13800000001');
  expect(line).not.toContain('next=');
});
