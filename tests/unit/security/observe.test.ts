// What an operator gets: JSON log lines with the request id and no personal data, route patterns instead of
// paths, /api/metrics only with the token or from a trusted proxy's own address, and the figures it reports.
import '../helpers/test-db';
import { describe, expect, it } from 'vitest';
import { operationalFigures } from '@/lib/dal/health';
import { requestStore } from '@/lib/observe/context';
import { routeOf } from '@/lib/observe/http';
import { logLine, scrub } from '@/lib/observe/log';
import { metricsAllowed } from '@/lib/observe/metrics-access';
import { observeRequest, renderMetrics } from '@/lib/observe/metrics';
import { q, schema } from '@/lib/store/db';
// @ts-expect-error -- a plain .mjs script without type declarations
import { scanLog } from '../../../scripts/check-logs.mjs';

const headers = (h: Record<string, string>) => new Headers(h);
const TOKEN = 'x'.repeat(40);

describe('运维：结构化日志', () => {
  it('一行一个 JSON：时间、级别、消息、请求编号；手机号、身份证号、银行账号按屏幕上的样子遮住', () => {
    const line = requestStore.run({ id: 'req-12345678', peer: null }, () =>
      logLine('error', '短信发送失败 13800000001', { error: new Error('账号 6222020000001234567，身份证 32020219800101002X') }, new Date('2026-12-07T08:00:00.000Z')),
    );
    const parsed = JSON.parse(line);
    // Masks: phone keeps 3 + 4 digits (138****0001), 身份证号 4 + 4 (3202**********002X), account the last 4.
    expect(parsed).toMatchObject({ time: '2026-12-07T08:00:00.000Z', level: 'error', requestId: 'req-12345678', msg: '短信发送失败 138****0001' });
    expect(parsed.error.message).toBe('账号 ****4567，身份证 3202**********002X');
    // The log scan of `npm test` finds nothing in it (it would in the unscrubbed text: three findings and more).
    expect(scanLog(line, { demo: false })).toEqual([]);
    expect(scanLog('短信发送失败 13800000001 账号 6222020000001234567', { demo: false }).length).toBeGreaterThan(1);
    // Outside a request there is no id; times in milliseconds and short numbers stay as they are.
    expect(JSON.parse(logLine('info', 'at 1764547200000 ms, 42 rows'))).not.toHaveProperty('requestId');
    expect(scrub('at 1764547200000 ms, 42 rows')).toBe('at 1764547200000 ms, 42 rows');
  });

  it('日志和指标里的地址是路由模式，不带查询参数和案件编号', () => {
    const list = [
      { page: '/applications/[ref]', re: /^\/applications\/([^/]+?)(?:\/)?$/ },
      { page: '/login', re: /^\/login(?:\/)?$/ },
    ];
    expect(routeOf('/applications/WX-2026-000123?x=1', list)).toBe('/applications/[ref]');
    expect(routeOf('/login?phone=13800000001', list)).toBe('/login');
    expect(routeOf('/_next/static/chunks/a.js', list)).toBe('/_next/static');
    expect(routeOf('/no/such/page', list)).toBe('other');
  });
});

describe('运维：/api/metrics 的访问', () => {
  const config = { token: TOKEN, trustedProxies: '10.0.0.0/8' };
  it('带对的令牌可以读；没有令牌、令牌不对、没有配置令牌时都不行', () => {
    expect(metricsAllowed(headers({ authorization: `Bearer ${TOKEN}` }), '203.0.113.9', config)).toBe(true);
    expect(metricsAllowed(headers({}), '203.0.113.9', config)).toBe(false);
    expect(metricsAllowed(headers({ authorization: `Bearer ${TOKEN}y` }), '203.0.113.9', config)).toBe(false);
    expect(metricsAllowed(headers({ authorization: 'Bearer ' }), '203.0.113.9', { trustedProxies: '' })).toBe(false);
  });
  it('受信任代理自己的地址可以读；经代理转来的外部访问者、没有配置代理时都不行', () => {
    // Prometheus at 10.1.2.3 on the proxies' network, no forwarding header: the client is 10.1.2.3, trusted.
    expect(metricsAllowed(headers({}), '10.1.2.3', config)).toBe(true);
    // A visitor through nginx (10.0.0.2): X-Forwarded-For names 203.0.113.9, who is not a proxy.
    expect(metricsAllowed(headers({ 'x-forwarded-for': '203.0.113.9' }), '10.0.0.2', config)).toBe(false);
    // Straight from outside, even claiming to be a proxy.
    expect(metricsAllowed(headers({ 'x-forwarded-for': '10.0.0.5' }), '203.0.113.9', config)).toBe(false);
    expect(metricsAllowed(headers({}), '127.0.0.1', { trustedProxies: '' })).toBe(false);
    expect(metricsAllowed(headers({}), null, config)).toBe(false);
  });
});

describe('运维：指标内容', () => {
  it('按路由和状态计请求数和耗时，按状态报队列，报等待和失败的任务、数据库连接', async () => {
    const [filer] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: '指标' }).returning());
    for (const [i, status] of (['submitted', 'submitted', 'in_review'] as const).entries()) {
      await q((db) => db.insert(schema.applications).values({ ref: `WX-2026-81000${i}`, filedByUserId: filer!.id, region: 'wuxi', year: 2026, status, submittedAt: '2026-07-01T00:00:00.000Z' }));
    }
    await q((db) => db.insert(schema.jobs).values([
      { kind: 'settlement_import', region: 'wuxi', title: 'a', status: 'queued' },
      { kind: 'settlement_import', region: 'wuxi', title: 'b', status: 'failed' },
      { kind: 'settlement_import', region: 'wuxi', title: 'c', status: 'done' },
    ]));
    observeRequest('GET', '/api/health', 200, 0.004);
    observeRequest('GET', '/api/health', 200, 0.2);
    observeRequest('POST', '/login', 303, 0.03);
    const text = await renderMetrics(await operationalFigures());
    // Two health checks of 200; durations 0.004 s and 0.2 s: one in the 5 ms bucket, both by 250 ms, sum 0.204.
    expect(text).toContain('portal_http_requests_total{method="GET",route="/api/health",status="200"} 2');
    expect(text).toContain('portal_http_requests_total{method="POST",route="/login",status="303"} 1');
    expect(text).toContain('portal_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/health"} 1');
    expect(text).toContain('portal_http_request_duration_seconds_bucket{le="0.25",method="GET",route="/api/health"} 2');
    expect(text).toMatch(/portal_http_request_duration_seconds_sum\{method="GET",route="\/api\/health"\} 0\.204/);
    // The counts table the triggers keep: 2 submitted, 1 in review; the done job is not reported.
    expect(text).toContain('portal_applications{region="wuxi",status="submitted"} 2');
    expect(text).toContain('portal_applications{region="wuxi",status="in_review"} 1');
    expect(text).toContain('portal_jobs{kind="settlement_import",status="queued"} 1');
    expect(text).toContain('portal_jobs{kind="settlement_import",status="failed"} 1');
    expect(text).not.toContain('status="done"');
    expect(text).toMatch(/portal_db_pool_connections\{dialect="(sqlite|postgres)",state="max"\} \d+/);
  });
});
