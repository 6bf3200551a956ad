// The 委托书 template, filled with the two names typed on /proxy/request, as a PDF download. A POST from
// this site (the names are personal data: never in an address or a log line).
import { z } from 'zod';
import { authorityLetterPdf } from '@/lib/pdf/authority-letter';
import { GRANTABLE_SCOPES } from '@/lib/authority/states';
import { pdfAvailable } from '@/lib/pdf/setup';
import { fromThisSite } from '@/lib/http/same-origin';
import { currentUser } from '@/lib/auth/session';

const input = z.object({
  name: z.string().trim().min(2).max(30),
  proxyName: z.string().trim().min(2).max(30),
  scope: z.array(z.enum(GRANTABLE_SCOPES)).min(1),
  validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export async function POST(request: Request) {
  if (!fromThisSite(request)) return text('请求来源不正确。', 403);
  const user = await currentUser();
  if (!user || user.role !== 'resident') return text('请先登录。', 401);
  const form = await request.formData().catch(() => null);
  const parsed = input.safeParse(form ? { name: form.get('name'), proxyName: form.get('proxyName'), scope: form.getAll('scope'), validFrom: form.get('validFrom'), validTo: form.get('validTo') } : {});
  if (!parsed.success) return text('请先填写委托人姓名、您的姓名、委托事项和期限，再下载委托书。', 400);
  if (!pdfAvailable()) return text('暂时无法生成 PDF，请到经办窗口领取纸质委托书。', 503);
  const pdf = await authorityLetterPdf({ grantorName: parsed.data.name, proxyName: parsed.data.proxyName, scope: parsed.data.scope, validFrom: parsed.data.validFrom, validTo: parsed.data.validTo });
  return new Response(new Uint8Array(pdf), {
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('授权委托书.pdf')}`, 'cache-control': 'private, no-store' },
  });
}
