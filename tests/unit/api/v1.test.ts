// The public JSON API (docs/api.md): error classes, every problem at once in Chinese with dot paths, what-if parameters, no 500s.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { handleEligibilityRequest, handleEstimateRequest, handleRegionsRequest } from '@/lib/api/v1';
import type { ParamSet } from '@/lib/calculator';

const URL_ = 'http://localhost/api/v1/estimate';
const post = (body: BodyInit | null, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  new Request(URL_, { method: 'POST', headers, body });
const json = (v: unknown) => post(JSON.stringify(v));
const none = (): ParamSet => ({});

const valid = {
  region: 'wuxi',
  year: 2024,
  person: { categories: ['dibao'] },
  episodes: [{ id: 'e1', date: '2024-03-02', kind: 'inpatient', totalFen: 5_000_000, policyFen: 4_000_000, basicPaidFen: 2_500_000, criticalPaidFen: 500_000 }],
  parameters: {},
};

async function issues(res: Response) {
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: string; issues: { path: string; message: string }[] };
  expect(body.error).toBe('invalid_request');
  return body.issues;
}

describe('POST /api/v1/estimate 正常请求', () => {
  it('返回与 docs/api.md 一致的估算结果，且不缓存、不带跨域头', async () => {
    const res = await handleEstimateRequest(json(valid), none);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const body = await res.json();
    expect(body.totals).toMatchObject({ selfPayPolicyFen: 1_000_000, assistanceFen: 850_000, outOfPocketFen: 1_150_000 }); // 1,000,000 × 85%
  });
  it('请求中的参数作为假设值覆盖经办部门设定的参数，并注明来源', async () => {
    const loaded: ParamSet = { 'annualLimitFen.inpatient': { value: 100, source: '沪医保 2024' } };
    const body = { ...valid, region: 'shanghai', episodes: [{ date: '2024-03-02', kind: 'inpatient', totalFen: 1_000_000, policyFen: 1_000_000 }], parameters: { 'annualLimitFen.inpatient': 500_000 } };
    const res = await handleEstimateRequest(json(body), () => loaded);
    const out = await res.json();
    expect(out.totals.assistanceFen).toBe(500_000); // 1,000,000 × 90% = 900,000 capped by the what-if limit 500,000
    expect(out.trace.some((t: { source: string }) => t.source.includes('请求中的假设值 (what-if)'))).toBe(true);
  });
  it('Content-Type 可以带 charset', async () => {
    const res = await handleEstimateRequest(post(JSON.stringify(valid), { 'content-type': 'Application/JSON; charset=utf-8' }), none);
    expect(res.status).toBe(200);
  });
});

describe('POST /api/v1/estimate 错误', () => {
  it('请求体不是 JSON 类型时返回 415', async () => {
    const res = await handleEstimateRequest(post(JSON.stringify(valid), { 'content-type': 'text/plain' }), none);
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: 'unsupported_media_type', message: '请求体必须是 JSON（Content-Type: application/json）' });
  });
  it('没有 Content-Type 时返回 415', async () => {
    expect((await handleEstimateRequest(new Request(URL_, { method: 'POST', body: new Uint8Array([123, 125]) }), none)).status).toBe(415);
  });
  it('Content-Length 声明超过 256 KiB 时直接返回 413', async () => {
    const res = await handleEstimateRequest(post('{}', { 'content-type': 'application/json', 'content-length': String(256 * 1024 + 1) }), none);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe('payload_too_large');
  });
  it('实际读到的内容超过 256 KiB（未声明长度）时返回 413', async () => {
    const big = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 300; i++) c.enqueue(new Uint8Array(1024).fill(32));
        c.close();
      },
    });
    const req = new Request(URL_, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big, duplex: 'half' } as RequestInit);
    expect((await handleEstimateRequest(req, none)).status).toBe(413);
  });
  it('正好 256 KiB 的请求体不算超限', async () => {
    const text = JSON.stringify(valid);
    const res = await handleEstimateRequest(post(text + ' '.repeat(256 * 1024 - text.length)), none);
    expect(res.status).toBe(200);
  });
  it('JSON 写错时返回 400 并说明', async () => {
    expect(await issues(await handleEstimateRequest(post('{"region": "wuxi",'), none))).toEqual([{ path: '', message: '请求体不是有效的 JSON' }]);
  });
  it('空请求体返回 400', async () => {
    expect((await handleEstimateRequest(post(''), none)).status).toBe(400);
  });
  it('请求体是数组而不是对象时返回 400', async () => {
    expect(await issues(await handleEstimateRequest(json([1, 2]), none))).toEqual([{ path: '', message: '请求体必须是一个 JSON 对象' }]);
  });
  it('不认识的字段返回 400，并指出字段位置', async () => {
    const list = await issues(await handleEstimateRequest(json({ ...valid, episodes: [{ ...valid.episodes[0], foo: 1 }], __proto__x: 1 }), none));
    expect(list).toEqual([
      { path: 'episodes.0.foo', message: '不支持的字段“foo”，请删除' },
      { path: '__proto__x', message: '不支持的字段“__proto__x”，请删除' },
    ]);
  });
  it('一次列出所有问题，中文说明并用点号路径指明位置', async () => {
    const body = {
      region: 'wuxi',
      year: 2024,
      person: { categories: ['dibao', 'martian'] },
      episodes: [
        { date: '2024-03-02', kind: 'inpatient', totalFen: 100, policyFen: 200 },
        { date: '2024-02-30', kind: 'visit', totalFen: -1, policyFen: 1.5 },
        { date: '2023-12-31', endDate: '2023-12-01', kind: 'outpatient', totalFen: 100, policyFen: 100, basicPaidFen: 80, criticalPaidFen: 30 },
      ],
    };
    const list = await issues(await handleEstimateRequest(json(body), none));
    expect(list).toEqual(
      expect.arrayContaining([
        { path: 'person.categories.1.code', message: '不认识的救助对象类别“martian”' },
        { path: 'episodes.0.policyFen', message: '政策范围内费用不能大于总费用' },
        { path: 'episodes.1.date', message: '就医（入院）日期不是有效的日期（格式为 YYYY-MM-DD，例如 2024-03-02）' },
        { path: 'episodes.1.kind', message: '就医类型只能是 inpatient（住院）、outpatient（普通门急诊）或 outpatient_special（门诊慢特病）' },
        { path: 'episodes.1.totalFen', message: '总费用必须是不小于0的整数（单位：分）' },
        { path: 'episodes.1.policyFen', message: '政策范围内费用必须是不小于0的整数（单位：分）' },
        { path: 'episodes.2.endDate', message: '出院日期不能早于入院日期' },
        { path: 'episodes.2.basicPaidFen', message: '基本医保、大病保险和其他补充保障支付的合计不能大于政策范围内费用' },
        { path: 'episodes.2.date', message: '就医日期必须在所选年度（2024年）内' },
      ]),
    );
    expect(list).toHaveLength(9);
  });
  it('缺少必填项时说明缺什么', async () => {
    const list = await issues(await handleEstimateRequest(json({ region: 'wuxi', year: 2024, person: { categories: [] }, episodes: [{ date: '2024-01-01', kind: 'outpatient' }] }), none));
    expect(list).toEqual([
      { path: 'episodes.0.totalFen', message: '请填写总费用（单位：分）' },
      { path: 'episodes.0.policyFen', message: '请填写政策范围内费用（单位：分）' },
    ]);
  });
  it('地区不认识时返回 400 并列出可选地区', async () => {
    const list = await issues(await handleEstimateRequest(json({ ...valid, region: 'beijing' }), none));
    expect(list).toHaveLength(1);
    expect(list[0]!.path).toBe('region');
    expect(list[0]!.message).toContain('不认识的地区“beijing”');
  });
  it('参数名不是该地区定义的参数时返回 400', async () => {
    const list = await issues(await handleEstimateRequest(json({ ...valid, region: 'chongqing-shapingba', parameters: { monitoringStandardFen: 100, tiltRatioPercent: 50 } }), none));
    expect(list).toEqual([{ path: 'parameters.tiltRatioPercent', message: '“tiltRatioPercent”不是重庆市沙坪坝区可以设定的参数（可以设定的参数：monitoringStandardFen）' }]);
  });
  it('百分比参数超过100时返回 400', async () => {
    const list = await issues(await handleEstimateRequest(json({ ...valid, region: 'national', parameters: { tiltRatioPercent: 120 } }), none));
    expect(list[0]).toMatchObject({ path: 'parameters.tiltRatioPercent' });
    expect(list[0]!.message).toContain('0 到 100');
  });
  it('互助帮困有外省市职工医保却没填当地起付标准时返回 400', async () => {
    const body = { region: 'shanghai-mutual-aid', year: 2024, person: { categories: ['returnee'], hasEmployeeInsuranceElsewhere: true }, episodes: [{ date: '2024-03-01', kind: 'inpatient', totalFen: 1000, policyFen: 1000 }] };
    expect((await issues(await handleEstimateRequest(json(body), none)))[0]!.path).toBe('person.homeDeductibleFen');
  });
  it('读取参数失败是服务器的问题：返回平静的中文说明和编号，不暴露细节', async () => {
    // The stack goes to the server log (silenced here, but checked), never to the caller.
    const logged = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const res = await handleEstimateRequest(json(valid), () => {
      throw new Error('database is locked');
    });
    expect(res.status).toBe(500);
    const body = await res.json();
    // One JSON log line with the same id the caller was given, and the error's message.
    const line = JSON.parse(String(logged.mock.calls.at(-1)![0]));
    logged.mockRestore();
    expect(line).toMatchObject({ level: 'error', requestId: body.requestId, error: { message: 'database is locked' } });
    expect(body.message).toContain('请稍后再试');
    expect(JSON.stringify(body)).not.toContain('database');
  });
});

describe('POST /api/v1/eligibility', () => {
  it('返回资格判断结果', async () => {
    const req = new Request('http://localhost/api/v1/eligibility', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ region: 'wuxi', date: '2024-05-01', facts: { hukouLocal: true, insuredLocal: true, certifications: ['dibao'] } }),
    });
    const res = await handleEligibilityRequest(req, none);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ region: 'wuxi', eligible: true, primary: 'dibao' });
  });
  it('一次列出所有问题', async () => {
    const req = new Request('http://localhost/api/v1/eligibility', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ region: 'shanghai', date: '2024-13-01', facts: { age: -1, household: { size: 0, extra: 1 }, disability: { grade: 5 } }, parameters: { monitoringStandardFen: 1 } }),
    });
    const list = await issues(await handleEligibilityRequest(req, none));
    expect(list.map((i) => i.path).sort()).toEqual(['date', 'facts.age', 'facts.disability.grade', 'facts.household.extra', 'facts.household.size', 'parameters.monitoringStandardFen']);
  });
  it('互助帮困：接受“是否有外省市职工医保”这一情况；参加了上海医保的不适用本计划', async () => {
    const body = (facts: object) =>
      new Request('http://localhost/api/v1/eligibility', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ region: 'shanghai-mutual-aid', date: '2024-05-01', facts }) });
    const ok = await handleEligibilityRequest(body({ hukouLocal: true, insuredLocal: false, returnee: true, hasEmployeeInsuranceElsewhere: true }), none);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ eligible: true, primary: 'returnee', missingFacts: [] });
    const insured = await (await handleEligibilityRequest(body({ hukouLocal: true, insuredLocal: true, returnee: true }), none)).json();
    expect(insured).toMatchObject({ eligible: false, primary: null });
    const unknown = await (await handleEligibilityRequest(body({ hukouLocal: true, insuredLocal: false, returnee: true }), none)).json();
    expect(unknown.missingFacts).toEqual(['hasEmployeeInsuranceElsewhere']);
  });
  it('不是 JSON 类型时返回 415', async () => {
    const req = new Request('http://localhost/api/v1/eligibility', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect((await handleEligibilityRequest(req, none)).status).toBe(415);
  });
});

describe('GET /api/v1/regions', () => {
  it('列出五个地区和项目，含文件、类别、资金池和参数', async () => {
    const res = handleRegionsRequest();
    const body = await res.json();
    expect(body.regions.map((r: { code: string }) => r.code)).toEqual(['national', 'shanghai', 'wuxi', 'chongqing-shapingba', 'shanghai-mutual-aid']);
    expect(body.regions.find((r: { code: string }) => r.code === 'wuxi').pools).toEqual([
      { pool: 'outpatient', nameZh: '普通门诊', limitFen: 1_000_000 },
      { pool: 'inpatient', nameZh: '住院（含门诊慢特病）', limitFen: 30_000_000 },
    ]);
  });
  it('上海列出按类别设定的年度限额参数（000 二(二)4 分类设定），含单位和依据', async () => {
    const sh = (await handleRegionsRequest().json()).regions.find((r: { code: string }) => r.code === 'shanghai');
    const param = sh.parameters.find((p: { name: string }) => p.name === 'annualLimitFen.inpatient.dibao');
    expect(param).toMatchObject({ unit: 'fen', source: '000 二(二)4' });
    expect(sh.parameters.find((p: { name: string }) => p.name === 'annualLimitFen.outpatient.low_income')).toMatchObject({ unit: 'fen', source: '000 二(二)4' });
    // No outpatient ratio for expenditure-poverty families, so no outpatient limit of their own.
    expect(sh.parameters.some((p: { name: string }) => p.name === 'annualLimitFen.outpatient.expenditure_poverty_1')).toBe(false);
    const inpatient = sh.pools.find((p: { pool: string }) => p.pool === 'inpatient');
    expect(inpatient).toMatchObject({ limitParam: 'annualLimitFen.inpatient', limitFen: null });
    expect(inpatient.categoryLimitParams).toContain('annualLimitFen.inpatient.expenditure_poverty_2');
  });
  it('按类别设定的限额可以作为假设值传入', async () => {
    // dibao, self-pay 1,000,000 × 90% = 900,000, capped at the what-if 300,000
    const body = { ...valid, region: 'shanghai', episodes: [{ date: '2024-03-02', kind: 'inpatient', totalFen: 1_000_000, policyFen: 1_000_000 }], parameters: { 'annualLimitFen.inpatient.dibao': 300_000 } };
    const res = await handleEstimateRequest(json(body), none);
    expect(res.status).toBe(200);
    expect((await res.json()).totals.assistanceFen).toBe(300_000);
  });
});

describe('任何输入都不会得到 500', () => {
  const sane = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom('wuxi', 'shanghai', 'national', 'chongqing-shapingba', 'shanghai-mutual-aid', 'dibao', 'inpatient', '2024-03-01', 2024, -1, 0, 1e308, 1.5, true, null),
      fc.integer(),
      fc.string(),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom('region', 'year', 'person', 'categories', 'episodes', 'parameters', 'date', 'kind', 'totalFen', 'policyFen', 'facts', 'code', 'from', 'to', 'x'), tie('value'), { maxKeys: 6 }),
    ),
  })).value;

  it('随机 JSON 请求体只会得到 200 或 400（估算）', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), sane.map((v) => JSON.stringify(v))), async (text) => {
        const res = await handleEstimateRequest(post(text), none);
        expect([200, 400]).toContain(res.status);
      }),
      { numRuns: 500 },
    );
  });
  it('随机 JSON 请求体只会得到 200 或 400（资格）', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), sane.map((v) => JSON.stringify(v))), async (text) => {
        const req = new Request('http://localhost/api/v1/eligibility', { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
        expect([200, 400]).toContain((await handleEligibilityRequest(req, none)).status);
      }),
      { numRuns: 500 },
    );
  });
  it('形状正确的随机估算请求都得到 200', async () => {
    const episode = fc.record({
      date: fc.integer({ min: 0, max: 365 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10)),
      kind: fc.constantFrom('inpatient', 'outpatient', 'outpatient_special'),
      totalFen: fc.nat(10_000_000),
      referred: fc.boolean(),
      location: fc.constantFrom('local', 'province', 'elsewhere'),
    }).map((e) => ({ ...e, policyFen: Math.floor(e.totalFen / 2), basicPaidFen: Math.floor(e.totalFen / 5) }));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('wuxi', 'shanghai', 'national', 'chongqing-shapingba'),
        fc.subarray(['tekun', 'dibao', 'low_income', 'dibao_edge', 'illness_poverty', 'orphan', 'special_relief']),
        fc.array(episode, { maxLength: 12 }),
        async (region, categories, episodes) => {
          const res = await handleEstimateRequest(json({ region, year: 2024, person: { categories }, episodes }), none);
          expect(res.status).toBe(200);
        },
      ),
      { numRuns: 200 },
    );
  });
});
