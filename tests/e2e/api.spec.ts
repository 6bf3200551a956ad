import { expect, test } from '@playwright/test';

// The JSON API as a hospital's settlement desk calls it (docs/api.md): real HTTP against the production build.
const body = {
  region: 'wuxi',
  year: 2024,
  person: { categories: ['dibao'] },
  episodes: [{ id: 'e1', date: '2024-03-02', endDate: '2024-03-10', kind: 'inpatient', hospitalLevel: 3, totalFen: 5000000, policyFen: 4000000, basicPaidFen: 2500000, criticalPaidFen: 500000 }],
  parameters: {},
};

test('估算接口按无锡低保 85% 计算并返回 docs/api.md 的字段', async ({ request }) => {
  const res = await request.post('/api/v1/estimate', { data: body });
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toContain('no-store');
  const json = await res.json();
  expect(Object.keys(json)).toEqual(['region', 'year', 'category', 'computable', 'episodes', 'totals', 'pools', 'missingParameters', 'missingFacts', 'trace']);
  // 001 四(六): (40,000 − 25,000 − 5,000) × 85% = 8,500 元 = 850,000 分; out of pocket 50,000 − 30,000 − 8,500 = 11,500 元
  expect(json.totals).toMatchObject({ selfPayPolicyFen: 1000000, assistanceFen: 850000, assistanceMaxFen: 850000, tiltFen: 0, outOfPocketFen: 1150000 });
  expect(json.pools).toContainEqual({ pool: 'inpatient', limitFen: 30000000, usedFen: 850000, remainingFen: 29150000 });
});

test('错误的请求一次列出所有问题，中文说明并指明字段', async ({ request }) => {
  const bad = { ...body, extra: 1, episodes: [{ ...body.episodes[0], policyFen: 6000000, totalFen: -1 }] };
  const res = await request.post('/api/v1/estimate', { data: bad });
  expect(res.status()).toBe(400);
  const json = await res.json();
  expect(json.error).toBe('invalid_request');
  const paths = json.issues.map((i: { path: string }) => i.path);
  expect(paths).toEqual(expect.arrayContaining(['episodes.0.totalFen']));
  expect(json.issues.length).toBeGreaterThanOrEqual(2);
  for (const issue of json.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
});

test('不是 JSON 的请求得到 415，超过 256 KiB 得到 413，坏 JSON 得到 400', async ({ request }) => {
  const form = await request.post('/api/v1/estimate', { headers: { 'content-type': 'text/plain' }, data: 'hello' });
  expect(form.status()).toBe(415);
  const big = await request.post('/api/v1/estimate', { headers: { 'content-type': 'application/json' }, data: `{"pad":"${'x'.repeat(300 * 1024)}"}` });
  expect(big.status()).toBe(413);
  const broken = await request.post('/api/v1/eligibility', { headers: { 'content-type': 'application/json' }, data: '{"region":' });
  expect(broken.status()).toBe(400);
});

test('资格接口：上海低收入家庭 65 岁，定额资助参保，免申即享', async ({ request }) => {
  const res = await request.post('/api/v1/eligibility', {
    data: { region: 'shanghai', date: '2024-05-01', facts: { hukouLocal: true, insuredLocal: true, age: 65, certifications: ['low_income'] }, parameters: {} },
  });
  expect(res.status()).toBe(200);
  const json = await res.json();
  expect(json.eligible).toBe(true);
  expect(json.primary).toBe('low_income');
  expect(json.premiumSubsidy.kind).toBe('fixed');
});

test('地区列表接口给出地区、身份和参数名', async ({ request }) => {
  const res = await request.get('/api/v1/regions');
  const json = await res.json();
  expect(json.regions.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['wuxi', 'shanghai', 'national', 'chongqing-shapingba', 'shanghai-mutual-aid']));
});
