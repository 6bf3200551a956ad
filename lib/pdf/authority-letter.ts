import 'server-only';
// The 授权委托书 template as a PDF with both names filled in, made like every PDF of the portal
// (./setup.ts). The applicant signs it by hand; the proxy uploads a photo of
// it with both 身份证 and a clerk verifies it (/admin/authorities). The 身份证号 lines are left blank to
// be written by hand: the numbers are never printed from the portal.
import { SCOPE_TEXT } from '@/lib/authority/states';
import { renderPdf } from '@/lib/pdf/setup';
import type { AuthorityScope } from '@/db/schema-shared';

export type LetterInput = { grantorName: string; proxyName: string; scope: AuthorityScope[]; validFrom: string; validTo: string };

export function authorityLetterPdf(l: LetterInput): Promise<Buffer> {
  return renderPdf({ title: '医疗救助授权委托书', author: '医疗救助服务平台', margin: 64 }, (doc) => {
    doc.fontSize(20).text('授权委托书', { align: 'center' }).moveDown(1.2);
    doc.fontSize(12);
    doc.text(`委托人（申请人）：${l.grantorName}`).text('身份证号码：__________________________（请手写）').moveDown(0.6);
    doc.text(`受托人（代办人）：${l.proxyName}`).text('身份证号码：__________________________（请手写）').text('与委托人的关系：____________').moveDown(0.8);
    doc.text('本人因年老、患病或住院等原因不便亲自办理，现委托上述受托人代为办理本人的重特大疾病医疗救助事务，委托事项如下（已勾选）：').moveDown(0.4);
    for (const s of ['apply', 'view', 'respond', 'notify'] as const) doc.text(`${l.scope.includes(s) ? '☑' : '☐'} ${SCOPE_TEXT[s]}`, { indent: 16 });
    doc.moveDown(0.6);
    doc.text(`委托期限：${l.validFrom} 至 ${l.validTo}。`);
    doc.text('受托人不得变更收款银行账户；救助金只发放到委托人本人的银行账户。');
    doc.text('委托人可以随时在网上或到经办窗口撤销本委托，撤销即时生效。');
    doc.text('受托人在委托范围内所做的一切，委托人都可以在网上查看。').moveDown(2);
    doc.text('委托人签字（或按手印）：________________        日期：____年__月__日').moveDown(1.2);
    doc.text('受托人签字：________________        日期：____年__月__日').moveDown(2);
    doc.fontSize(10).fillColor('#444').text('使用方法：委托人本人签字后，受托人登录网站，在“委托代办 → 上传委托书”中上传本委托书和双方身份证照片，经办窗口核验通过后生效。也可以带上本委托书和双方身份证到街道（乡镇）社区事务受理服务中心办理。');
  });
}
