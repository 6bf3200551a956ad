import type { Metadata } from 'next';
import Link from 'next/link';
import { allComplete } from '@/lib/applications/draft';
import { regionInfo, type RegionCode } from '@/lib/calculator';
import { estimateFor, prepareSubmission } from '@/lib/dal/applications';
import { DOCUMENT_KINDS, listDraftDocuments, type DocumentKind } from '@/lib/dal/documents';
import { maskBankAccount, maskIdNumber, maskPhone, formatMoney } from '@/lib/format';
import { EPISODE_KINDS } from '@/lib/validation/episode-form';
import { EstimateSummary } from '@/app/_components/estimate-summary';
import { afterHospitalPaid } from '@/lib/estimate/hospital-paid';
import { citeClause } from '@/lib/texts/citation';
import { submitAction } from '../../actions';
import { DraftHeader } from '../../draft-header';
import { loadDraftPage } from '../load';
import { SubmitForm } from './submit-form';

export const metadata: Metadata = { title: '检查并提交' };

function Row({ label, value, href }: { label: string; value: React.ReactNode; href: string }) {
  return (
    <div className="py-3 grid grid-cols-[1fr_auto] gap-x-3">
      <dt className="text-muted text-sm col-span-2">{label}</dt>
      <dd className="font-semibold break-all">{value}</dd>
      <dd>
        <Link href={href} className="link">
          修改<span className="sr-only">{label}</span>
        </Link>
      </dd>
    </div>
  );
}

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, draft, forName, region } = await loadDraftPage(id);
  const info = regionInfo(region as RegionCode);
  const prepared = prepareSubmission(region as RegionCode, draft);
  if (!allComplete(draft) || !prepared.ok) {
    return (
      <>
        <DraftHeader id={id} title="检查并提交" forName={forName} />
        <div className="card space-y-2" role="alert">
          <p className="font-bold">还不能提交：</p>
          <ul className="list-disc pl-5">
            {(prepared.ok ? [] : prepared.problems).map((p) => (
              <li key={p.section + p.message}>
                <Link className="link" href={`/apply/${id}/${p.section}`}>
                  {p.message}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </>
    );
  }
  const { applicant, identity, bank, episodes, year } = prepared;
  const snapshot = await estimateFor(region as RegionCode, year, identity.categories, episodes);
  const atHospital = afterHospitalPaid(snapshot.result, episodes);
  const categoryName = (code: string) => info.categories.find((c) => c.code === code)?.nameZh ?? code;
  const documents = await listDraftDocuments(user, id);
  // Which visit (by its place in the list, as the 就医记录 step numbers them) or which kind of material.
  const uploadFor = (d: (typeof documents)[number]) =>
    d.episodeSeq !== null
      ? `第 ${d.episodeSeq + 1} 次就医${episodes[d.episodeSeq]?.hospitalName ? `（${episodes[d.episodeSeq]!.hospitalName}）` : ''}的${DOCUMENT_KINDS[d.kind as DocumentKind] ?? '材料'}`
      : (DOCUMENT_KINDS[d.kind as DocumentKind] ?? '材料');
  const uploadHref = (d: (typeof documents)[number]) => (d.episodeSeq !== null ? `/apply/${id}/episodes/${d.episodeSeq}#uploads` : `/apply/${id}/identity`);
  return (
    <>
      <DraftHeader id={id} title="检查并提交" forName={forName} intro="请核对下面的内容，需要改的点“修改”。确认无误后提交。" />
      <section className="card mb-6" aria-labelledby="s-applicant">
        <h2 id="s-applicant" className="text-lg font-bold">申请人</h2>
        <dl className="divide-y divide-gray-200">
          <Row label="姓名" value={applicant.name} href={`/apply/${id}/applicant`} />
          <Row label="身份证号" value={maskIdNumber(applicant.idNumber)} href={`/apply/${id}/applicant`} />
          <Row label="联系电话" value={applicant.phone ? maskPhone(applicant.phone) : '没有手机'} href={`/apply/${id}/applicant`} />
          <Row label="户口、医保在本地" value={`户口${applicant.hukouLocal ? '在' : '不在'}本地，医保${applicant.insuredLocal ? '在' : '不在'}本地`} href={`/apply/${id}/applicant`} />
          <Row label="救助身份" value={identity.categories.map(categoryName).join('、')} href={`/apply/${id}/identity`} />
          <Row label="收款账户" value={`${bank.bankName} ${maskBankAccount(bank.account)}`} href={`/apply/${id}/bank`} />
        </dl>
      </section>
      <section className="card mb-6" aria-labelledby="s-episodes">
        <h2 id="s-episodes" className="text-lg font-bold">就医记录（{year} 年）</h2>
        <dl className="divide-y divide-gray-200">
          {episodes.map((e, i) => (
            <Row
              key={i}
              label={`第 ${i + 1} 次：${e.hospitalName}，${EPISODE_KINDS.find((k) => k.value === e.kind)?.label}`}
              value={`${e.date}${e.endDate ? ` 至 ${e.endDate}` : ''}，总费用 ${formatMoney(e.totalFen)}，政策范围内 ${formatMoney(e.policyFen)}${e.assistancePaidFen ? `，医院结算时医疗救助已付 ${formatMoney(e.assistancePaidFen)}` : ''}`}
              href={`/apply/${id}/episodes/${i}`}
            />
          ))}
        </dl>
      </section>
      <section className="card mb-6" aria-labelledby="s-uploads">
        <h2 id="s-uploads" className="text-lg font-bold">上传的材料（{documents.length} 个）</h2>
        {documents.length === 0 ? (
          <p className="text-muted py-3">还没有上传材料。可以先提交，经办人员需要时会通知{forName ? '' : '您'}补充。</p>
        ) : (
          <dl className="divide-y divide-gray-200" data-testid="review-uploads">
            {documents.map((d) => (
              <Row key={d.id} label={uploadFor(d)} value={d.originalName} href={uploadHref(d)} />
            ))}
          </dl>
        )}
      </section>
      <section className="card mb-6" aria-labelledby="s-estimate">
        <h2 id="s-estimate" className="text-lg font-bold">预计救助金额</h2>
        <EstimateSummary result={snapshot.result} />
        {atHospital.hospitalPaidFen > 0 && snapshot.result.computable ? (
          <p className="mt-2 border-l-4 border-brand bg-blue-50 p-3" data-testid="after-hospital-paid">
            您填写的医院结算时医疗救助已付 {formatMoney(atHospital.hospitalPaidFen)}，出院结算时已经减免，不重复发放（{citeClause('003 七(十二)')}：低保对象、特困人员直接纳入“一站式”结算）。预计还可获得 <strong>{formatMoney(atHospital.restFen)}</strong>。
          </p>
        ) : null}
        <p className="text-sm text-muted mt-2">这是按政策估算的结果，提交后会和申请一起保存，实际金额以经办部门核定为准。</p>
      </section>
      <SubmitForm draftId={id} submit={submitAction.bind(null, id)} />
    </>
  );
}
