// Prometheus metrics for operators (docs/operations.md, "Watching the portal"): only with the bearer token
// METRICS_TOKEN or from a trusted proxy's own address; anybody else gets 401. Counts only, no personal data.
import { operationalFigures } from '@/lib/dal/health';
import { env } from '@/lib/env';
import { currentRequest } from '@/lib/observe/context';
import { metricsAllowed } from '@/lib/observe/metrics-access';
import { METRICS_CONTENT_TYPE, renderMetrics } from '@/lib/observe/metrics';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const e = env();
  if (!metricsAllowed(request.headers, currentRequest()?.peer ?? null, { token: e.METRICS_TOKEN, trustedProxies: e.TRUSTED_PROXIES })) {
    return Response.json(
      { error: 'unauthorized', message: '运行指标只提供给监控系统：请在 Authorization 头中带上 METRICS_TOKEN，或从受信任的代理地址访问。' },
      { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="metrics"', 'Cache-Control': 'no-store' } },
    );
  }
  const body = await renderMetrics(await operationalFigures());
  return new Response(body, { status: 200, headers: { 'Content-Type': METRICS_CONTENT_TYPE, 'Cache-Control': 'no-store' } });
}
