import type { Metadata } from 'next';
import { applicantOnRecord } from '@/lib/dal/persons';
import { ApplicantForm } from '../../forms';
import { saveStepAction } from '../../actions';
import { DraftHeader } from '../../draft-header';
import { loadDraftPage } from '../load';

export const metadata: Metadata = { title: '申请人信息' };

export default async function ApplicantStep({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, draft, forName } = await loadDraftPage(id);
  const record = await applicantOnRecord(user, id);
  // The resident's own record prefills the step; its 身份证号 stays on the server (only the masked form is sent).
  const own = record?.self && record.idNumber ? record : null;
  const typed = draft.applicant?.values;
  const saved = typed
    ? own ? withoutIdNumber(typed) : typed
    : own ? { name: own.name, ...(own.phone ? { phone: own.phone } : {}) } : forName ? { name: forName } : undefined;
  return (
    <>
      <DraftHeader id={id} title="申请人信息" forName={forName} intro="申请人是生病就医的人。信息加密保存，页面上只显示部分号码。" />
      <ApplicantForm action={saveStepAction.bind(null, id, 'applicant')} saved={saved} idOnRecord={own?.idNumberMasked ?? undefined} />
    </>
  );
}

function withoutIdNumber<T extends Record<string, unknown>>(values: T): Omit<T, 'idNumber'> {
  const { idNumber: _, ...rest } = values;
  return rest;
}
