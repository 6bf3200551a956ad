'use client';
import { useActionState } from 'react';
import { ErrorSummary, Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import type { ActionState } from '@/lib/action';
import { changePasswordAction } from '../actions';

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, { ok: false } as ActionState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="card" noValidate>
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} />
      <Field name="current" label="当前密码" type="password" autoComplete="current-password" error={e.current} />
      <Field name="next" label="新密码" hint="至少 12 个字符。可以用一句好记的话，空格和汉字都可以；不要用常见密码或用户名。" type="password" autoComplete="new-password" error={e.next} />
      <Field name="confirm" label="再输入一次新密码" type="password" autoComplete="new-password" error={e.confirm} />
      <SubmitButton pendingText="正在修改…">修改密码</SubmitButton>
    </form>
  );
}
