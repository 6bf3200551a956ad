'use client';
import { useActionState } from 'react';
import { ErrorSummary, Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import type { ActionState } from '@/lib/http/action';

export function BankChangeForm({ action }: { action: (prev: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, formAction] = useActionState(action, { ok: true } as ActionState);
  const v = (state.values ?? {}) as Record<string, string>;
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="card space-y-1" noValidate>
      <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={state.fieldErrors} />
      <Field name="bankName" label="开户银行" hint="例如“中国工商银行无锡分行”" defaultValue={v.bankName ?? ''} error={e.bankName} autoComplete="off" />
      <Field name="accountName" label="户名" hint="必须是申请人本人" defaultValue={v.accountName ?? ''} error={e.accountName} autoComplete="off" />
      <Field name="account" label="新的银行卡号或存折账号" hint="12 到 30 位数字；提交后只显示后四位" inputMode="numeric" defaultValue="" error={e.account} autoComplete="off" />
      <SubmitButton pendingText="正在提交…">提交更换申请</SubmitButton>
    </form>
  );
}
