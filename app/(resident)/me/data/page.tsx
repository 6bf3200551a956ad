import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { closurePreview, correctableApplications, myRequests, REQUEST_KIND_TEXT, REQUEST_STATUS_TEXT, smsWithdrawn } from '@/lib/dal/my-data';
import { formatDate } from '@/lib/format';
import { ANSWER_WITHIN_WORKING_DAYS, NOTICE_TITLE, NOTICE_VERSION } from '@/lib/texts/privacy-notice';
import { SubmitButton } from '@/app/_components/submit-button';
import { closeAccountAction, correctionAction, smsConsentAction } from './actions';
import { CorrectionForm } from './correction-form';

export const metadata: Metadata = { title: '我的数据' };

export default async function MyDataPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser(['resident'], '/me/data');
  const params = await searchParams;
  const [apps, requests, preview, smsOff] = await Promise.all([correctableApplications(user), myRequests(user), closurePreview(user), smsWithdrawn(user.id)]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">我的数据</h1>
      <p>
        这里可以查看和下载本网站保存的关于您的全部信息，申请更正，撤回短信通知的同意，或注销账号。每项申请都有编号，{ANSWER_WITHIN_WORKING_DAYS} 个工作日内答复。
        处理规则见<Link href="/privacy" className="link">《{NOTICE_TITLE}》</Link>（版本 {NOTICE_VERSION}）。
      </p>

      <section aria-labelledby="download-title" className="card space-y-3">
        <h2 id="download-title" className="text-xl font-bold">下载我的数据</h2>
        <p>包括：申请和草稿、就医记录、上传材料清单、委托（您委托别人的和别人委托您的）、消息通知、同意记录，以及哪些岗位、哪个机构的工作人员查看过您的申请（不显示姓名）。文件里有完整的身份证号码和银行账号，请妥善保存。</p>
        <div className="flex flex-wrap gap-3">
          <a href="/me/data/export?format=pdf" className="btn btn-primary">下载 PDF（便于阅读）</a>
          <a href="/me/data/export?format=json" className="btn btn-secondary">下载 JSON（便于导入其他系统）</a>
        </div>
      </section>

      <section aria-labelledby="correct-title" className="card space-y-3">
        <h2 id="correct-title" className="text-xl font-bold">申请更正</h2>
        <p>信息不准确的，写明哪一项、应当是什么。经办窗口核实后答复：已更正，或不予更正并说明理由。</p>
        <CorrectionForm action={correctionAction} applications={apps} />
      </section>

      <section id="sms" aria-labelledby="sms-title" className="card space-y-3">
        <h2 id="sms-title" className="text-xl font-bold">短信通知</h2>
        {params.sms ? <p role="status" className="text-ok font-semibold">{params.sms === 'off' ? '已停止发送短信通知。' : '已恢复短信通知。'}</p> : null}
        <p data-testid="sms-state">{smsOff ? '您已撤回短信通知的同意：办理进展只在“我的”消息通知里显示（登录验证码仍会发送）。' : '办理进展会用短信通知您，同时在“我的”消息通知里显示。'}</p>
        <form action={smsConsentAction}>
          <input type="hidden" name="wanted" value={smsOff ? 'yes' : 'no'} />
          <SubmitButton pendingText="正在保存…" className="btn btn-secondary">{smsOff ? '恢复短信通知' : '撤回同意，不再发短信通知'}</SubmitButton>
        </form>
      </section>

      <section aria-labelledby="requests-title" className="space-y-3">
        <h2 id="requests-title" className="text-xl font-bold">我提出的申请</h2>
        {requests.length === 0 ? (
          <p className="card">还没有提出过申请。</p>
        ) : (
          <ul className="card divide-y divide-gray-200 p-0" aria-labelledby="requests-title">
            {requests.map((r) => (
              <li key={r.ref} className="px-4 py-3">
                <p className="font-semibold">
                  {REQUEST_KIND_TEXT[r.kind]} · {r.ref} · <span data-testid={`request-status-${r.ref}`}>{REQUEST_STATUS_TEXT[r.status]}</span>
                </p>
                <p className="text-sm text-muted">提出于 {formatDate(r.createdAt)}{r.status === 'open' ? `，${r.dueDate} 前答复` : ''}</p>
                {r.answer ? <p>答复：{r.answer}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section id="close" aria-labelledby="close-title" className="card space-y-3 border-l-4 border-bad">
        <h2 id="close-title" className="text-xl font-bold">注销账号</h2>
        <p>注销后：</p>
        <ul className="list-disc pl-5 space-y-1">
          <li>删除：未提交的草稿 {preview.drafts} 份及其上传的材料、从估算带来的待填信息。</li>
          <li>终止：您委托别人和别人委托您的委托 {preview.authorities} 份，即时生效。</li>
          <li>
            保留：已提交的申请 {preview.kept.length} 份{preview.kept.length ? `（${preview.kept.map((k) => `${k.ref} ${k.statusText}`).join('；')}）` : ''}。
            已作出决定的救助是公共资金的档案，由经办机构按当地规定的期限保存；还在办理中的申请继续办理，结果可到窗口查询。
          </li>
          {preview.bankChanges.length ? (
            <li data-testid="closure-bank-changes">
              保留：更换收款账户的申请 {preview.bankChanges.length} 个（{preview.bankChanges.map((b) => `${b.ref} ${b.bankName} ${b.accountMasked} ${b.statusText}`).join('；')}），随所属申请保存；等待核实的仍会核实。
            </li>
          ) : null}
          <li>所有设备上的登录立即退出。用这个手机号再次登录，会开通一个新的空账号。</li>
        </ul>
        <form action={closeAccountAction} className="space-y-3">
          {params.error === 'confirm' ? (
            <p id="f-confirm-error" role="alert" className="text-bad font-semibold">请先勾选确认。</p>
          ) : params.error === 'close' ? (
            <p role="alert" className="text-bad font-semibold">暂时无法注销，请稍后再试。</p>
          ) : null}
          <label className="choice">
            <input type="checkbox" name="confirm" value="yes" aria-describedby={params.error === 'confirm' ? 'f-confirm-error' : undefined} />
            <span>我已了解以上内容，确认注销账号</span>
          </label>
          <SubmitButton pendingText="正在注销…" className="btn btn-secondary">注销账号</SubmitButton>
        </form>
      </section>
    </div>
  );
}
