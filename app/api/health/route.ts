import { healthStatus } from '@/lib/dal/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const status = await healthStatus();
  const healthy = status.db === 'ok' && status.migrations === 'current';
  return Response.json(status, { status: healthy ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
