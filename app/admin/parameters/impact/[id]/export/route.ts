// The tables of one impact run as CSV, for staff of the run's region.
import { impactCsv, impactRun } from '@/lib/dal/impact';
import { currentUser } from '@/lib/auth/session';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user || user.role === 'resident') return text('请先以工作人员身份登录。', 401);
  const r = await impactRun(user, (await params).id);
  if (!r.ok) return text(r.message, 404);
  if (!r.run.result) return text('这次预览还没有算完。', 409);
  const name = `impact-${r.run.region}-${r.run.year}-${r.run.id.slice(0, 8)}.csv`;
  return new Response(impactCsv(r.run.result), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' },
  });
}
