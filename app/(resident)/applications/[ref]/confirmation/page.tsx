import type { Metadata } from 'next';
import Link from 'next/link';
import QRCode from 'qrcode';
import { promisedBy, regionSettings } from '@/lib/dal/region-settings';
import { PrintButton } from '@/app/estimate/_components/print-button';
import { regionInfo, type RegionCode } from '@/lib/calculator';
import { formatDate, formatDateTime, formatMoney, nameForProxy, todayInShanghai } from '@/lib/format';
import { loadApplicationPage } from '../load';

export const metadata: Metadata = { title: '申请已提交' };

/** Shown only for an application the database already holds as submitted (the page reads it back). */
export default async function ConfirmationPage({ params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params;
  const { app, isProxy, personName } = await loadApplicationPage(ref);
  // A proxy is told about the applicant: their application, their bank account.
  const who = isProxy && personName ? nameForProxy(personName, ['view']) : null; // reaching this page took 查看进度
  const settings = await regionSettings(app.region);
  const qr = await QRCode.toString(ref, { type: 'svg', margin: 1, width: 160, errorCorrectionLevel: 'M' });
  return (
    // Printed (or saved as PDF) it is one page: reference, QR code, what happens next (print: classes, app/globals.css).
    <div className="space-y-6 print:space-y-3 print:text-[12px] print:leading-snug" data-testid="confirmation">
      <p className="hidden print:block text-sm">
        医疗救助申请回执 · {regionInfo(app.region as RegionCode).nameZh} · 打印日期：{todayInShanghai()}
      </p>
      {who ? <p className="bg-brand-light p-3 rounded font-semibold print:hidden" data-testid="acting-for">您正在为 {who} 代办</p> : null}
      <div className="bg-ok text-white rounded-lg p-6 text-center space-y-2 print:bg-white print:text-black print:border-2 print:border-black print:p-3 print:space-y-1">
        <h1 className="text-2xl font-bold print:text-xl">申请已提交</h1>
        <p>申请编号</p>
        <p className="text-2xl sm:text-3xl font-bold whitespace-nowrap" data-testid="application-ref">{ref}</p>
        {app.submittedAt ? <p className="text-sm">提交时间：{formatDateTime(app.submittedAt)}</p> : null}
      </div>
      <div className="card flex flex-col items-center gap-2 print:gap-1">
        <div aria-hidden="true" className="w-40 h-40" dangerouslySetInnerHTML={{ __html: qr }} />
        <p className="text-sm text-muted text-center print:text-black">到窗口咨询时出示这个二维码或申请编号，工作人员可以直接查到{who ? ` ${who} 的` : '您的'}申请。</p>
      </div>
      <section className="card space-y-2 print:space-y-1">
        <h2 className="text-xl font-bold print:text-base">接下来会怎样</h2>
        <ol className="list-decimal pl-5 space-y-1">
          <li>受理：工作人员检查材料是否齐全。缺材料会通知{who ? '' : '您'}补正。</li>
          <li>审核：核对救助身份和费用，计算救助金额。</li>
          <li>公示和审批：部分地区会公示几天（姓名会隐去部分）。</li>
          <li>发放：救助金打到{who ? ` ${who} 本人的` : '您填写的'}银行账户。</li>
        </ol>
        {settings.limits.decide && app.submittedAt ? (
          <p data-testid="promise">
            一般在 <strong>{settings.limits.decide.days} 个工作日</strong>内作出决定，也就是大约
            <strong> {formatDate(promisedBy(settings, app.submittedAt)!)} </strong>
            前（已按本地区的节假日安排顺延）。
            {settings.limits.decide.demo ? <span className="text-sm text-muted">（演示数据：常见做法示例，以当地经办机构承诺为准）</span> : null}
          </p>
        ) : null}
        {app.estimatedFen !== null ? <p>提交时估算的救助金额：{formatMoney(app.estimatedFen)}（以核定为准）。</p> : null}
        <p>{who ? `每一步都会在 ${who} 的“我的”页面通知；委托包括“接收通知”的，也会通知您。` : '每一步都会发短信，并在“我的”页面通知您。'}</p>
      </section>
      <div className="print:hidden">
        <PrintButton />
      </div>
      <div className="flex flex-wrap gap-3 print:hidden">
        <Link href={`/applications/${ref}`} className="btn btn-primary">
          查看办理进度
        </Link>
        <Link href="/me" className="btn btn-secondary">
          回到我的
        </Link>
      </div>
    </div>
  );
}
