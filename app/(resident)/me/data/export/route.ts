// 我的数据 as a file: ?format=json (machine-readable) or ?format=pdf (readable). Only for the resident themself.
import { exportMyData } from '@/lib/dal/my-data';
import { pdfAvailable } from '@/lib/pdf/setup';
import { myDataPdf } from '@/lib/pdf/my-data';
import { todayInShanghai } from '@/lib/format';
import { currentUser } from '@/lib/auth/session';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export async function GET(request: Request) {
  const user = await currentUser();
  if (!user) return text('请先登录。', 401);
  if (user.role !== 'resident') return text('没有找到这条记录，或您无权查看。', 404);
  const format = new URL(request.url).searchParams.get('format') ?? 'json';
  if (format !== 'json' && format !== 'pdf') return text('format 只能是 json 或 pdf。', 400);
  if (format === 'pdf' && !pdfAvailable()) return text('暂时无法生成 PDF，请下载 JSON 文件。', 503);
  const data = await exportMyData(user, format);
  if (!data) return text('没有找到这条记录，或您无权查看。', 404);
  const name = `我的数据-${todayInShanghai()}.${format}`;
  const headers = { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' };
  if (format === 'json') return new Response(JSON.stringify(data, null, 2), { headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
  return new Response(new Uint8Array(await myDataPdf(data)), { headers: { ...headers, 'content-type': 'application/pdf' } });
}
