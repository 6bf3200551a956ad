import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import QRCode from 'qrcode';
import { PrintButton } from '@/app/estimate/_components/print-button';
import { regionInfo, type RegionCode } from '@/lib/calculator';
import { counterReceipt } from '@/lib/dal/counter';
import { promisedBy, regionSettings } from '@/lib/dal/region-settings';
import { formatDate, formatDateTime, formatMoney, todayInShanghai } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: '窗口代录回执' };

/** The paper the person takes home: reference, QR code (SVG made on the server), what happens next. */
export default async function CounterReceiptPage({ params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params;
  const user = await requireUser(['clerk'], `/admin/counter/receipt/${ref}`);
  const r = /^[A-Z]{2}-\d{4}-\d{6}$/.test(ref) ? await counterReceipt(user, ref) : null;
  if (!r) notFound();
  const settings = await regionSettings(r.region);
  const qr = await QRCode.toString(r.ref, { type: 'svg', margin: 1, width: 160, errorCorrectionLevel: 'M' });
  return (
    <div className="space-y-6 print:space-y-3 print:text-[12px] print:leading-snug" data-testid="receipt">
      <p className="text-sm">医疗救助申请回执（窗口办理） · {regionInfo(r.region as RegionCode).nameZh} · 打印日期：{todayInShanghai()}</p>
      <div className="rounded-lg border-2 border-black p-6 text-center space-y-2 print:p-3 print:space-y-1">
        <h1 className="text-2xl font-bold print:text-xl">申请已提交</h1>
        <p>申请人：{r.name}</p>
        <p>申请编号</p>
        <p className="text-2xl sm:text-3xl font-bold whitespace-nowrap" data-testid="application-ref">{r.ref}</p>
        {r.submittedAt ? <p className="text-sm">提交时间：{formatDateTime(r.submittedAt)}</p> : null}
      </div>
      <div className="card flex flex-col items-center gap-2 print:gap-1">
        <div aria-hidden="true" className="w-40 h-40" data-testid="receipt-qr" dangerouslySetInnerHTML={{ __html: qr }} />
        <p className="text-center">请保管好这张回执。到窗口查询时出示二维码或申请编号即可。</p>
      </div>
      <section className="card space-y-2 print:space-y-1">
        <h2 className="text-xl font-bold print:text-base">接下来会怎样</h2>
        <ol className="list-decimal pl-5 space-y-1">
          <li>受理：工作人员检查材料是否齐全。缺材料会电话或短信通知，也可以到窗口询问。</li>
          <li>审核：核对救助身份和费用，计算救助金额。</li>
          <li>发放：救助金打到申请人本人的银行账户。</li>
        </ol>
        {settings.decideWithinWorkingDays && r.submittedAt ? (
          <p>一般在 {settings.decideWithinWorkingDays} 个工作日内作出决定，大约 {formatDate(promisedBy(settings, r.submittedAt)!)} 前（已按本地区的节假日安排顺延）。</p>
        ) : null}
        {r.estimatedFen !== null ? <p>提交时估算的救助金额：{formatMoney(r.estimatedFen)}（以核定为准）。</p> : null}
        <p>以后想在网上查看：用手机号登录网站后，带身份证到窗口，工作人员可以把账号关联到这份申请。</p>
      </section>
      <div className="flex flex-wrap gap-3 print:hidden">
        <PrintButton />
        <Link href={`/admin/applications/${r.ref}`} className="btn btn-secondary">查看这份申请</Link>
        <Link href="/admin/counter" className="btn btn-secondary">再录一份</Link>
      </div>
    </div>
  );
}
