// The bank batch file for every approved-unpaid case of the staff member's region. A POST (it writes an audit
// row), from this site only; the file name carries the batch number and a masked name, never a full one.
import { fromThisSite } from '@/lib/http/same-origin';
import { requestAddress } from '@/lib/http/client-address';
import { exportBankBatch } from '@/lib/dal/payment-batches';
import { currentUser } from '@/lib/auth/session';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export async function POST(request: Request) {
  if (!fromThisSite(request)) return text('请从本站页面导出。', 403);
  const user = await currentUser();
  if (!user || user.role === 'resident') return text('请先以工作人员身份登录。', 401);
  const r = await exportBankBatch(user, { ip: await requestAddress() });
  if (!r.ok) return text(r.message, r.code === 'forbidden' ? 403 : 409);
  return new Response(r.csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${r.asciiName}"; filename*=UTF-8''${encodeURIComponent(r.fileName)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
