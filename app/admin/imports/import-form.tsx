'use client';
import { useActionState } from 'react';
import { Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import { LineErrors } from '@/app/admin/_components/line-errors';
import { importSettlementsAction, type ImportState } from './actions';

export function SettlementImportForm({ header, defaults }: { header: string; defaults: { from: string; to: string } }) {
  const [state, action] = useActionState(importSettlementsAction, { ok: true } as ImportState);
  const v = state.values ?? {};
  const fileError = state.fieldErrors?.file;
  return (
    <form action={action} className="space-y-3" noValidate>
      {!state.ok ? (
        <LineErrors message={state.message} lines={state.lines} label="文件中的问题" more={state.errorCount && state.lines ? state.errorCount - state.lines.length : 0} />
      ) : null}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="from" label="起始日期" type="date" defaultValue={v.from ?? defaults.from} error={state.fieldErrors?.from} hint="本次导入的结算记录就医日期从哪天起" />
        <Field name="to" label="截止日期" type="date" defaultValue={v.to ?? defaults.to} error={state.fieldErrors?.to} hint="到哪天为止（不能晚于今天）" />
      </div>
      <div>
        <label htmlFor="f-file" className="block font-semibold">
          结算记录文件（CSV）
        </label>
        <p id="f-file-hint" className="text-sm text-muted break-all">
          第一行是表头，须有：结算单号、身份证号、就医日期、就医类型（住院／普通门急诊／门诊慢特病）、总费用（分）、政策范围内费用（分）、基本医保支付（分）、医疗救助支付（分，医院“一站式”结算时已付的救助，没有填 0）；可以有：出院日期、医院名称、医院等级、就医地（本市／省内／外地）、按规定转诊、异地就医备案、特殊疾病（是／否）、大病保险支付（分）、其他补充保障支付（分）。金额以分为单位。完整表头：{header}
        </p>
        {fileError ? (
          <p id="f-file-error" className="text-bad font-semibold">
            {fileError}
          </p>
        ) : null}
        <input id="f-file" name="file" type="file" accept=".csv,text/csv" className="input" aria-describedby={fileError ? 'f-file-hint f-file-error' : 'f-file-hint'} aria-invalid={fileError ? true : undefined} />
      </div>
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" name="goodOnly" value="yes" defaultChecked={v.goodOnly === 'yes'} className="h-6 w-6" />
        <span>只导入没有问题的行（有问题的行跳过，结果里会写明跳过了几行）</span>
      </label>
      <SubmitButton pendingText="正在检查每一行…">检查并导入</SubmitButton>
    </form>
  );
}
