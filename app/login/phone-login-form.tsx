'use client';
import { useActionState, useEffect, useState } from 'react';
import { ErrorSummary, Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import { sendCodeAction, verifyCodeAction, type LoginState } from './actions';

export function PhoneLoginForm({ next }: { next: string }) {
  const [sent, send] = useActionState(sendCodeAction, { step: 'phone' } as LoginState);
  const [verified, verify] = useActionState(verifyCodeAction, { step: 'code' } as LoginState);
  const codeStep = sent.step === 'code';
  const demoCode = verified.demoCode ?? sent.demoCode;
  const left = useCountdown(sent);
  return (
    <div className="card">
      <ErrorSummary message={sent.message} />
      <form action={send} noValidate>
        <Field
          name="phone"
          label="手机号"
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={20}
          defaultValue={sent.phone ?? ''}
          error={sent.fieldErrors?.phone}
          readOnly={codeStep && !sent.message}
        />
        {left > 0 ? (
          <p className="mt-2 font-semibold" role="timer" aria-live="off" data-testid="resend-countdown">
            {left} 秒后可以重新获取验证码
          </p>
        ) : (
          <SubmitButton className={codeStep ? 'btn btn-secondary w-full sm:w-auto' : undefined} pendingText="正在发送…">
            {codeStep ? '重新获取验证码' : '获取验证码'}
          </SubmitButton>
        )}
      </form>
      {sent.notice ? (
        <p role="status" className="mt-4 text-ok font-semibold">
          {sent.notice}
        </p>
      ) : null}
      {demoCode ? (
        <p className="mt-2 p-3 bg-yellow-50 border border-yellow-400 rounded" data-testid="demo-code">
          演示环境不发送短信，您的验证码是 <strong className="text-xl tracking-widest">{demoCode}</strong>
        </p>
      ) : null}
      {codeStep ? (
        <form action={verify} className="mt-6" noValidate>
          <input type="hidden" name="phone" value={sent.phone ?? ''} />
          <input type="hidden" name="next" value={next} />
          <Field
            name="code"
            label="验证码"
            hint="短信里的 6 位数字"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            error={verified.fieldErrors?.code}
          />
          <SubmitButton pendingText="正在登录…">登录</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

/** Seconds left of a resend cooldown, ticking once a second (without JavaScript the message gives the clock time). */
function useCountdown(sent: LoginState): number {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (!sent.waitSeconds) return;
    const until = Date.now() + sent.waitSeconds * 1000;
    const tick = () => setLeft(Math.max(0, Math.ceil((until - Date.now()) / 1000)));
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [sent]);
  return left;
}
