// Runs once when the server starts: a misconfigured environment stops it here with a message naming the
// variable, instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { env } = await import('./lib/env');
    env();
  }
}
