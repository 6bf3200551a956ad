'use client';
// One form per action the case allows now. Each asks for a ticked confirmation (works without JS) and
// shows the server's Chinese reason when it refuses (four eyes, a state changed meanwhile, a bad amount).
import { useActionState } from 'react';
import { ErrorSummary, Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import type { CaseActionState } from './actions';

export type VerbName = 'accept' | 'request_info' | 'start_review' | 'transfer' | 'approve' | 'reject' | 'record_payment' | 'record_payment_failure' | 'correct_amount';

const TITLE: Record<VerbName, string> = {
  accept: '受理', request_info: '要求补正', start_review: '开始审核', transfer: '转办', approve: '批准', reject: '不予救助', record_payment: '登记发放', record_payment_failure: '发放失败', correct_amount: '更正核定金额',
};
const CONFIRM: Record<VerbName, string> = {
  accept: '我已核对材料齐全，确认受理',
  request_info: '确认要求申请人补正，申请人会收到通知',
  start_review: '确认开始审核',
  transfer: '确认转办，转办后本地区不再办理',
  approve: '我已核对金额和依据，确认批准',
  reject: '我已核对原因和依据条款，确认不予救助',
  record_payment: '确认银行已付款到账',
  record_payment_failure: '确认银行退回了这笔款项',
  correct_amount: '我已核对更正的金额和原因，确认更正（原批准记录保留，差额另记一笔）',
};

type Props = { action: (prev: CaseActionState, formData: FormData) => Promise<CaseActionState>; verb: VerbName; defaultAmountYuan?: string; estimatedYuan?: string; reasons?: { code: string; label: string; clause: string | null }[]; defaultDueDate?: string };

function TextArea({ name, label, hint, error, defaultValue, rows = 3 }: { name: string; label: string; hint?: string; error?: string; defaultValue?: string; rows?: number }) {
  const id = `f-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="mb-5">
      <label htmlFor={id} className="block font-semibold mb-1">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-muted mb-1">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="text-bad font-semibold mb-1"><span className="sr-only">错误：</span>{error}</p> : null}
      <textarea id={id} name={name} rows={rows} className="input" defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={described} />
    </div>
  );
}

/** `action` is bound on the server page (see reveal-button.tsx for why not here). */
export function ActionForm({ action: bound, verb, defaultAmountYuan, estimatedYuan, reasons, defaultDueDate }: Props) {
  const [state, action] = useActionState(bound, { ok: true } as CaseActionState);
  const v = (k: string) => {
    const x = state.values?.[k];
    return Array.isArray(x) ? x[0] : x;
  };
  const fe = state.fieldErrors ?? {};
  const danger = verb === 'reject' || verb === 'record_payment_failure';
  return (
    <details className="card" open={!state.ok || undefined} data-testid={`action-${verb}`}>
      <summary className="cursor-pointer text-lg font-bold text-brand">{TITLE[verb]}</summary>
      <form action={action} className="mt-4" noValidate>
        <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={fe.confirm ? undefined : Object.fromEntries(Object.entries(fe).filter(([k]) => k !== 'confirm'))} />
        {verb === 'request_info' ? (
          <>
            <TextArea name="message" label="需要申请人补充什么" error={fe.message} defaultValue={v('message')} />
            <TextArea name="documents" label="必须上传的材料（每行一种，可不填）" hint="填写后，申请人不上传材料就不能提交补正。例如：出院小结" error={fe.documents} defaultValue={v('documents')} />
            <Field name="dueDate" type="date" label="补正期限" hint="不能早于今天" error={fe.dueDate} defaultValue={v('dueDate') ?? defaultDueDate} />
          </>
        ) : null}
        {verb === 'transfer' ? (
          <>
            <Field name="transferredTo" label="转给哪个地区或部门" error={fe.transferredTo} defaultValue={v('transferredTo')} />
            <TextArea name="message" label="转办说明" error={fe.message} defaultValue={v('message')} />
          </>
        ) : null}
        {verb === 'approve' ? (
          <>
            <Field name="amountYuan" label="核定救助金额（元）" inputMode="decimal" hint={estimatedYuan ? `默认为提交时的计算结果 ${estimatedYuan} 元；改动金额须写明原因` : undefined} error={fe.amountYuan} defaultValue={v('amountYuan') ?? defaultAmountYuan} />
            <TextArea name="reason" label="金额调整的原因（金额与计算结果不同时必填）" error={fe.reason} defaultValue={v('reason')} />
            <TextArea name="message" label="给申请人的说明（可不填）" error={fe.message} defaultValue={v('message')} />
          </>
        ) : null}
        {verb === 'reject' ? (
          <>
            <fieldset className="mb-5" aria-describedby={fe.reasonCode ? 'f-reasonCode-error' : undefined}>
              <legend className="font-semibold mb-1">不予救助的原因</legend>
              {fe.reasonCode ? <p id="f-reasonCode-error" className="text-bad font-semibold mb-1">{fe.reasonCode}</p> : null}
              <div className="space-y-2">
                {(reasons ?? []).map((r, i) => (
                  <label key={r.code} className="choice" id={i === 0 ? 'f-reasonCode' : undefined}>
                    <input type="radio" name="reasonCode" value={r.code} defaultChecked={v('reasonCode') === r.code} />
                    <span>
                      {r.label}
                      {r.clause ? <span className="block text-sm text-muted">依据：{r.clause}</span> : null}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            <TextArea name="reason" label="具体说明" hint="写给申请人看的具体情况；选“其他原因”时必填" error={fe.reason} defaultValue={v('reason')} />
            <Field name="clause" label="依据的条款（仅“其他原因”时填写）" error={fe.clause} defaultValue={v('clause')} />
          </>
        ) : null}
        {verb === 'correct_amount' ? (
          <>
            <Field name="amountYuan" label="更正后的核定金额（元）" inputMode="decimal" hint={defaultAmountYuan ? `现在的核定金额为 ${defaultAmountYuan} 元` : undefined} error={fe.amountYuan} defaultValue={v('amountYuan') ?? defaultAmountYuan} />
            <TextArea name="reason" label="更正的原因" hint="会写入决定书并告知申请人" error={fe.reason} defaultValue={v('reason')} />
          </>
        ) : null}
        {verb === 'record_payment' ? <Field name="message" label="银行批次号" hint="银行回单上的批次或流水号" error={fe.message} defaultValue={v('message')} /> : null}
        {verb === 'record_payment_failure' ? <TextArea name="message" label="银行退回的原因" hint="例如：账户已销户" error={fe.message} defaultValue={v('message')} /> : null}
        {verb === 'accept' || verb === 'start_review' ? <TextArea name="message" label="备注（可不填）" error={fe.message} defaultValue={v('message')} rows={2} /> : null}
        <div className="mb-4">
          {fe.confirm ? <p id="f-confirm-error" className="text-bad font-semibold mb-1">{fe.confirm}</p> : null}
          <label className="choice" id="f-confirm">
            <input type="checkbox" name="confirm" value="yes" aria-describedby={fe.confirm ? 'f-confirm-error' : undefined} />
            <span>{CONFIRM[verb]}</span>
          </label>
        </div>
        <SubmitButton className={`btn ${danger ? 'btn-danger' : 'btn-primary'} w-full sm:w-auto`} pendingText="正在提交…">
          确认{TITLE[verb]}
        </SubmitButton>
      </form>
    </details>
  );
}
