'use client';
import { useActionState } from 'react';
import { ErrorSummary, Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import { staffLoginAction, type StaffLoginState } from './actions';

export function StaffLoginForm({ next }: { next: string }) {
  const [state, action] = useActionState(staffLoginAction, {} as StaffLoginState);
  if (state.step === 'code' && state.ticket) {
    return (
      <form action={action} className="card" noValidate>
        <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} />
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="ticket" value={state.ticket} />
        <input type="hidden" name="username" value={state.username ?? ''} />
        <p className="mb-4">密码正确。这个账号开启了两步验证，请打开手机上的身份验证器（如“腾讯身份验证器”、Google Authenticator），输入现在显示的 6 位数字。</p>
        <Field
          name="code"
          label="动态验证码"
          hint="6 位数字，每 30 秒换一次"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\d{6}"
          maxLength={6}
          error={state.fieldErrors?.code}
          autoFocus
        />
        <SubmitButton pendingText="正在登录…">登录</SubmitButton>
      </form>
    );
  }
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
