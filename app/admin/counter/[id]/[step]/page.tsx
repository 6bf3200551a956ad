import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/app/_components/back-link';
import { ApplicantForm, BankForm, IdentityForm } from '@/app/(resident)/apply/forms';
import { groupCategories } from '@/lib/applications/category-groups';
import { regionInfo, type RegionCode } from '@/lib/calculator';
import { maskIdNumber, maskName } from '@/lib/format';
import { validateApplicant } from '@/lib/validation/apply';
import { counterStepAction } from '../../actions';
import { loadCounterDraft } from '../load';

export const metadata: Metadata = { title: '窗口代录' };

const TITLES = { applicant: '申请人信息', identity: '救助身份', bank: '收款账户' } as const;

export default async function CounterStep({ params }: { params: Promise<{ id: string; step: string }> }) {
  const { id, step } = await params;
  if (!(step in TITLES)) notFound();
  const key = step as keyof typeof TITLES;
  const { draft, forName, region } = await loadCounterDraft(id);
  const applicantValues = draft.applicant?.values ?? {};
  const applicant = validateApplicant(applicantValues);
  const idNumber = typeof applicantValues.idNumber === 'string' ? applicantValues.idNumber : '';
  const action = counterStepAction.bind(null, id, key);
  return (
    <div className="space-y-4">
      <BackLink href={`/admin/counter/${id}`}>代录任务清单</BackLink>
      <p className="bg-brand-light p-3 rounded font-semibold">您正在为 {forName ? maskName(forName) : '申请人'} 窗口代录</p>
      <h1 className="text-2xl font-bold">{TITLES[key]}</h1>
      {key === 'applicant' ? <ApplicantForm action={action} saved={draft.applicant?.values} idOnRecord={idNumber ? maskIdNumber(idNumber) : undefined} recordHint="开始代录时已对照身份证录入，这里不能修改。" /> : null}
      {key === 'identity' ? <IdentityForm action={action} saved={draft.identity?.values} groups={groupCategories(regionInfo(region as RegionCode).categories)} /> : null}
      {key === 'bank' ? <BankForm action={action} saved={draft.bank?.values} applicantName={applicant.ok ? applicant.data.name : (forName ?? null)} /> : null}
    </div>
  );
}
