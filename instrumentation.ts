// Runs once when the server starts: a misconfigured environment stops it here with a message naming the
// variable, instead of failing on the first request. Then logs become JSON lines (lib/observe/log.ts) and
// every request gets an id, a log line and its place in /api/metrics (lib/observe/http.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { env } = await import('./lib/env');
    const e = env();
    const { routeConsole } = await import('./lib/observe/log');
    routeConsole();
    const { installRequestObserver } = await import('./lib/observe/http');
    installRequestObserver(e.TRUSTED_PROXIES);
  }
}
