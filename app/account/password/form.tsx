'use client';
import { startTransition, useActionState } from 'react';
import { ErrorSummary, Field } from '@/app/_components/field';
import type { ActionState } from '@/lib/http/action';
import { changePasswordAction } from '../actions';

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction as (prev: ActionState, formData: FormData) => Promise<ActionState>, { ok: false } as ActionState);
  const e = state.fieldErrors ?? {};
  return (
    <form
      className="card"
      noValidate
      // Submitted by hand so a refused attempt keeps what was typed (a form action would clear the fields, and
      // echoing passwords back in the answer is worse).
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} />
      <Field name="current" label="当前密码" type="password" autoComplete="current-password" error={e.current} />
      <Field name="next" label="新密码" hint="至少 12 个字符。可以用一句好记的话，空格和汉字都可以；不要用常见密码或用户名。" type="password" autoComplete="new-password" error={e.next} />
      <Field name="confirm" label="再输入一次新密码" type="password" autoComplete="new-password" error={e.confirm} />
      <button type="submit" className="btn btn-primary w-full sm:w-auto" disabled={pending} aria-disabled={pending}>
        {pending ? '正在修改…' : '修改密码'}
      </button>
    </form>
  );
}
