// Prometheus metrics of this instance (prom-client): requests by route, method and status, their durations,
// plus what the database says at scrape time (the queue by status, jobs waiting and failed) and this
// instance's database connections. One registry per process, on globalThis (the instrumentation bundle counts
// requests, the /api/metrics route renders them).
import client from 'prom-client';

type Metrics = {
  registry: client.Registry;
  requests: client.Counter<'method' | 'route' | 'status'>;
  duration: client.Histogram<'method' | 'route'>;
  applications: client.Gauge<'region' | 'status'>;
  jobs: client.Gauge<'kind' | 'status'>;
  pool: client.Gauge<'dialect' | 'state'>;
};

const holder = globalThis as { __portalMetrics?: Metrics };

export function metrics(): Metrics {
  if (holder.__portalMetrics) return holder.__portalMetrics;
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'portal_' });
  const m: Metrics = {
    registry,
    requests: new client.Counter({ name: 'portal_http_requests_total', help: 'HTTP requests answered, by route pattern, method and status', labelNames: ['method', 'route', 'status'], registers: [registry] }),
    duration: new client.Histogram({
      name: 'portal_http_request_duration_seconds', help: 'Time to answer an HTTP request, by route pattern and method', labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
    }),
    applications: new client.Gauge({ name: 'portal_applications', help: 'Applications in each state (never drafts), by region: the staff queue', labelNames: ['region', 'status'], registers: [registry] }),
    jobs: new client.Gauge({ name: 'portal_jobs', help: 'Jobs waiting (queued), running and failed, by kind', labelNames: ['kind', 'status'], registers: [registry] }),
    pool: new client.Gauge({ name: 'portal_db_pool_connections', help: "This instance's database connections: total open, idle, callers waiting, the pool size", labelNames: ['dialect', 'state'], registers: [registry] }),
  };
  holder.__portalMetrics = m;
  return m;
}

export function observeRequest(method: string, route: string, status: number, seconds: number): void {
  const m = metrics();
  m.requests.inc({ method, route, status: String(status) });
  m.duration.observe({ method, route }, seconds);
}

export type DatabaseFigures = {
  applications: { region: string; status: string; n: number }[];
  jobs: { kind: string; status: string; n: number }[];
  pool: { dialect: string; total: number; idle: number; waiting: number; max: number } | null;
};

/** The text a scrape gets, with the database figures of this moment. */
export async function renderMetrics(figures: DatabaseFigures): Promise<string> {
  const m = metrics();
  m.applications.reset();
  for (const r of figures.applications) m.applications.set({ region: r.region, status: r.status }, r.n);
  m.jobs.reset();
  for (const j of figures.jobs) m.jobs.set({ kind: j.kind, status: j.status }, j.n);
  m.pool.reset();
  if (figures.pool) for (const state of ['total', 'idle', 'waiting', 'max'] as const) m.pool.set({ dialect: figures.pool.dialect, state }, figures.pool[state]);
  return m.registry.metrics();
}

export const METRICS_CONTENT_TYPE = client.Registry.PROMETHEUS_CONTENT_TYPE;
