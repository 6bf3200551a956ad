import 'server-only';
// "我的数据" as a readable PDF (lib/pdf/setup.ts).
import { renderPdf } from '@/lib/pdf/setup';
import { formatDateTime, formatMoney } from '@/lib/format';
import { REQUEST_KIND_TEXT, REQUEST_STATUS_TEXT, type MyData } from '@/lib/dal/my-data';
import { SCOPE_TEXT } from '@/lib/authority/states';
import { NOTICE_TITLE } from '@/lib/texts/privacy-notice';

const AUTHORITY_STATUS: Record<string, string> = { pending: '待确认', active: '有效', revoked: '已撤销', expired: '已到期', rejected: '未通过', cancelled: '已取消', locked: '已锁定' };
const CONSENT_TEXT: Record<string, string> = { sensitive: '同意处理敏感个人信息', sms: '短信通知' };

export function myDataPdf(d: MyData): Promise<Buffer> {
  return renderPdf({ title: '我的数据', author: '医疗救助服务' }, (doc) => {
    const h = (t: string) => doc.moveDown(0.6).fontSize(13).text(t).fontSize(10);
    const line = (t: string) => doc.fontSize(10).text(t, { indent: 12 });
    const none = (list: unknown[]) => (list.length === 0 ? line('无') : null);
    doc.fontSize(18).text('我的数据', { align: 'center' });
    doc.fontSize(10).text(`生成于 ${formatDateTime(d.generatedAt)} · 依据《${NOTICE_TITLE}》版本 ${d.noticeVersion}`, { align: 'center' });
    h('一、账号');
    line(`手机号：${d.account.phone ?? '—'}；开通于 ${d.account.createdAt ? formatDateTime(d.account.createdAt) : '—'}`);
    if (d.person) line(`姓名：${d.person.name}；身份证号：${d.person.idNumber ?? '—'}；联系电话：${d.person.phone ?? '—'}`);
    h('二、申请和草稿');
    none(d.applications);
    for (const a of d.applications) {
      line(`${a.ref ?? '草稿'} · ${a.statusText} · ${a.year} 年就医 · ${a.submittedAt ? `提交于 ${formatDateTime(a.submittedAt)}` : `开始于 ${formatDateTime(a.createdAt)}`}`);
      if (a.decidedAmountFen !== null) line(`核定金额 ${formatMoney(a.decidedAmountFen)}`);
      else if (a.estimatedFen !== null) line(`估算金额 ${formatMoney(a.estimatedFen)}`);
      if (a.bankAccount) line(`收款账户：${a.bankName ?? ''} ${a.bankAccount}`);
      a.visits.forEach((v, i) => line(`就医 ${i + 1}：${v.hospitalName ?? ''} ${v.date ?? ''}${v.endDate ? ` 至 ${v.endDate}` : ''}，总费用 ${formatMoney(v.totalFen)}`));
      a.documents.forEach((f) => line(`材料：${f.name}（${f.mime}，${f.sizeBytes} 字节，${formatDateTime(f.uploadedAt)}）`));
    }
    if (d.bankChanges.length) line('更换收款账户的申请：');
    for (const b of d.bankChanges) line(`${b.ref ?? ''} ${b.bankName} ${b.accountMasked}：${b.statusText}，提交于 ${formatDateTime(b.createdAt)}${b.answer ? `，说明：${b.answer}` : ''}`);
    h('三、委托');
    none([...d.authoritiesGranted, ...d.authoritiesHeld]);
    for (const g of d.authoritiesGranted) line(`您委托 ${g.proxyPhone ?? '—'}（${g.relationship}）：${g.scope.map((s) => SCOPE_TEXT[s]).join('、')}，${g.validFrom} 至 ${g.validTo}，${AUTHORITY_STATUS[g.status] ?? g.status}`);
    for (const g of d.authoritiesHeld) line(`${g.grantor} 委托您（${g.relationship}）：${g.scope.map((s) => SCOPE_TEXT[s]).join('、')}，${g.validFrom} 至 ${g.validTo}，${AUTHORITY_STATUS[g.status] ?? g.status}`);
    for (const w of d.communityWorker) line(`经办部门于 ${formatDateTime(w.verifiedAt)} 核实您为基层工作人员：${w.organisation}`);
    h('四、消息通知');
    none(d.notices);
    for (const n of d.notices) line(`${formatDateTime(n.at)} ${n.title}：${n.body}`);
    h('五、同意记录和您提出的申请');
    for (const c of d.consents) line(`${CONSENT_TEXT[c.kind] ?? c.kind}（版本 ${c.noticeVersion}）：${c.withdrawnAt ? `撤回于 ${formatDateTime(c.withdrawnAt)}` : `同意于 ${formatDateTime(c.givenAt)}`}`);
    for (const r of d.requests) line(`${r.ref} ${REQUEST_KIND_TEXT[r.kind]}：${REQUEST_STATUS_TEXT[r.status]}${r.answer ? `，${r.answer}` : ''}`);
    h('六、查看过您申请的工作人员（岗位和机构）');
    none(d.staffViews);
    for (const v of d.staffViews) line(`${formatDateTime(v.at)} ${v.office} ${v.role}${v.action === 'application.reveal' ? ' 查看了完整号码' : ' 查看了申请'}${v.ref ? `（${v.ref}）` : ''}`);
  });
}
