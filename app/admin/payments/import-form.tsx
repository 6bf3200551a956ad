'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/submit-button';
import { LineErrors } from '@/app/admin/_components/line-errors';
import { importResultAction, type ImportState } from './actions';

export function ImportForm() {
  const [state, action] = useActionState(importResultAction, { ok: true } as ImportState);
  const error = state.fieldErrors?.file;
  return (
    <form action={action} className="space-y-3" noValidate>
      {!state.ok ? (
        <LineErrors message={state.message} lines={state.lines} label="结果文件中的问题" />
      ) : state.message ? (
        <p role="status" className="border-l-4 border-ok bg-green-50 p-4 font-semibold text-ok">
          {state.message}
        </p>
      ) : null}
      <label htmlFor="f-file" className="block font-semibold">
        银行结果文件（CSV）
      </label>
      <p id="f-file-hint" className="text-sm text-muted">
        表头须有：批次号、申请编号、金额（分）、结果（成功／失败）；失败的行在“说明”一列写明银行给出的原因。可以把导出的批次文件加上“结果”“说明”两列交给银行。
      </p>
      {error ? (
        <p id="f-file-error" className="text-bad font-semibold">
          {error}
        </p>
      ) : null}
      <input id="f-file" name="file" type="file" accept=".csv,text/csv" className="input" aria-describedby={error ? 'f-file-hint f-file-error' : 'f-file-hint'} aria-invalid={error ? true : undefined} />
      <SubmitButton pendingText="正在检查每一行…">检查并登记</SubmitButton>
    </form>
  );
}
