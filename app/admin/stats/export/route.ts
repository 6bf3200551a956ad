// One statistics table as CSV, for staff of the region (the same rows as the page).
import { regionStats, statsCsv } from '@/lib/dal/stats';
import { todayInShanghai } from '@/lib/format';
import { currentUser } from '@/lib/auth/session';
import { periodOf } from '../period';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export async function GET(request: Request) {
  const user = await currentUser();
  if (!user || user.role === 'resident') return text('请先以工作人员身份登录。', 401);
  const url = new URL(request.url);
  const { period, errors } = periodOf({ from: url.searchParams.get('from') ?? undefined, to: url.searchParams.get('to') ?? undefined }, todayInShanghai());
  if (Object.keys(errors).length) return text(Object.values(errors).join('；'), 400);
  const r = await regionStats(user, user.region ?? '', period);
  if (!r.ok) return text(r.message, r.code === 'not_found' ? 404 : 400);
  const key = url.searchParams.get('table') ?? '';
  const csv = statsCsv(r.stats, key);
  if (csv === null) return text('没有这张表。', 404);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="stats-${r.stats.region}-${key}-${period.from}-${period.to}.csv"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
