'use client';
import { useActionState } from 'react';
import { ErrorSummary, Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import { staffLoginAction, type StaffLoginState } from './actions';

export function StaffLoginForm({ next }: { next: string }) {
  const [state, action] = useActionState(staffLoginAction, {} as StaffLoginState);
  return (
    <form action={action} className="card" noValidate>
      <ErrorSummary message={state.message} />
      <input type="hidden" name="next" value={next} />
      <Field name="username" label="用户名" autoComplete="username" defaultValue={state.username ?? ''} />
      <Field name="password" label="密码" type="password" autoComplete="current-password" />
      <SubmitButton pendingText="正在登录…">登录</SubmitButton>
    </form>
  );
}
