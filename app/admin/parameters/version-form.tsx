'use client';
import { useActionState } from 'react';
import { ErrorSummary, Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import { versionAction, type VersionState } from './actions';

export type ParamChoice = { name: string; descriptionZh: string; unit: 'fen' | 'percent' | 'workdays'; source: string; current: string | null };

export function VersionForm({ choices, preset }: { choices: ParamChoice[]; preset?: string }) {
  const [state, action] = useActionState(versionAction, { ok: true } as VersionState);
  const v = (k: string) => {
    const x = state.values?.[k];
    return typeof x === 'string' ? x : undefined;
  };
  const err = state.fieldErrors ?? {};
  const selected = v('name') ?? preset ?? choices[0]?.name;
  return (
    <form action={action} className="space-y-1" noValidate>
      {state.ok && state.message ? (
        <p role="status" className="border-l-4 border-ok bg-green-50 p-4 font-semibold text-ok mb-5">
          {state.message}
        </p>
      ) : null}
      {!state.ok ? <ErrorSummary message={state.message} fieldErrors={err} /> : null}
      <div className="mb-5">
        <label htmlFor="f-name" className="block font-semibold mb-1">
          参数
        </label>
        {err.name ? (
          <p id="f-name-error" className="text-bad font-semibold mb-1">
            {err.name}
          </p>
        ) : null}
        <select id="f-name" name="name" className="input" defaultValue={selected} key={`name-${selected}`} aria-invalid={err.name ? true : undefined} aria-describedby={err.name ? 'f-name-error' : undefined}>
          {choices.map((c) => (
            <option key={c.name} value={c.name}>
              {c.descriptionZh.split('（')[0]}（{c.unit === 'fen' ? '元' : c.unit === 'workdays' ? '工作日' : '%'}，{c.source}）{c.current ? '' : ' · 未设定'}
            </option>
          ))}
        </select>
      </div>
      <Field name="value" label="数值" hint="金额填元（可以写 8万 或 80000.00，精确到分）；比例填 0–100 的整数；办理时限填工作日天数（1–250 的整数）。" defaultValue={v('value')} key={`value-${v('value')}`} error={err.value} inputMode="decimal" autoComplete="off" />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="effectiveFrom" label="开始日期" hint="例如 2026-01-01" defaultValue={v('effectiveFrom')} key={`from-${v('effectiveFrom')}`} error={err.effectiveFrom} type="date" />
        <Field name="effectiveTo" label="截止日期（可不填）" hint="不填表示一直有效，直到下一个版本" defaultValue={v('effectiveTo')} key={`to-${v('effectiveTo')}`} error={err.effectiveTo} type="date" />
      </div>
      <Field name="source" label="依据（文件文号或通知）" hint="例如 沪医保规〔2026〕1号；发布时必填" defaultValue={v('source')} key={`source-${v('source')}`} error={err.source} autoComplete="off" />
      <div className="mb-5">
        {err.closePrevious ? (
          <p id="f-closePrevious-error" className="text-bad font-semibold mb-1">
            {err.closePrevious}
          </p>
        ) : null}
        <label className="flex items-start gap-3 min-h-11">
          <input id="f-closePrevious" type="checkbox" name="closePrevious" className="mt-1 size-6" defaultChecked={v('closePrevious') === 'on'} key={`close-${v('closePrevious')}`} />
          <span>
            结束现行版本：把开始日期当天仍在执行的版本的截止日期设为新版本开始的前一天。
            <span className="block text-sm text-muted">不勾选时，与现行版本日期重叠的新版本会被拒绝，已有数值不会被覆盖。</span>
          </span>
        </label>
      </div>
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="intent" value="preview" pendingText="正在重新计算…" className="btn btn-secondary w-full sm:w-auto">
          先预览变化（不发布）
        </SubmitButton>
        <SubmitButton name="intent" value="publish" pendingText="正在发布…">
          发布新版本
        </SubmitButton>
      </div>
    </form>
  );
}
