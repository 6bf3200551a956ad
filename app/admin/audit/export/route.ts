// The filtered audit log as CSV; a POST from this site (the export is itself written to the log).
import { fromThisSite } from '@/lib/http/same-origin';
import { requestAddress } from '@/lib/http/client-address';
import { exportAudit } from '@/lib/dal/audit-search';
import { currentUser } from '@/lib/auth/session';
import { filtersFrom } from '../filters';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export async function POST(request: Request) {
  if (!fromThisSite(request)) return text('请从本站页面导出。', 403);
  const user = await currentUser();
  if (!user) return text('请先登录。', 401);
  const form = await request.formData();
  const f = filtersFrom(Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string')));
  if (f.noPerson) return text('没有找到这个身份证号对应的人员，没有可导出的记录。', 404);
  const r = await exportAudit(user, f, { ip: await requestAddress() });
  if (!r.ok) return text(r.message, 403);
  const stamp = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  return new Response(r.csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-${stamp}.csv"; filename*=UTF-8''${encodeURIComponent(`审计日志_${stamp}.csv`)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
