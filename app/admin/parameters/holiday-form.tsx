'use client';
import { useActionState } from 'react';
import { ChoiceList } from '@/app/_components/choice-list';
import { ErrorSummary, Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import type { ActionState } from '@/lib/http/action';
import { holidayAction, removeHolidayAction } from './actions';

function Status({ state }: { state: ActionState }) {
  if (state.ok && state.message) {
    return (
      <p role="status" className="border-l-4 border-ok bg-green-50 p-4 font-semibold text-ok mb-5">
        {state.message}
      </p>
    );
  }
  return !state.ok ? <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} idPrefix="h-" /> : null;
}

/** Adds a day to the calendar, or changes a day already listed. */
export function HolidayForm({ year }: { year: number }) {
  const [state, action] = useActionState(holidayAction, { ok: true } as ActionState);
  const v = (k: string) => (typeof state.values?.[k] === 'string' ? (state.values[k] as string) : undefined);
  const err = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-1" noValidate>
      <Status state={state} />
      <Field name="date" id="h-date" label="日期" hint={`例如 ${year}-10-01；已列出的日期会被改成新填写的内容`} type="date" defaultValue={v('date')} key={`d-${v('date')}`} error={err.date} />
      <ChoiceList
        name="kind"
        idPrefix="h-"
        legend="这一天"
        error={err.kind}
        defaultValue={v('kind') ?? 'holiday'}
        key={`k-${v('kind')}`}
        options={[
          { value: 'holiday', label: '放假（法定节假日，不计工作日）' },
          { value: 'workday', label: '调休上班（周末上班，计为工作日）' },
        ]}
      />
      <Field name="name" id="h-name" label="节日名称" hint="例如 春节" defaultValue={v('name')} key={`n-${v('name')}`} error={err.name} autoComplete="off" />
      <Field name="source" id="h-source" label="依据" hint="例如 国务院办公厅关于2026年部分节假日安排的通知" defaultValue={v('source')} key={`s-${v('source')}`} error={err.source} autoComplete="off" />
      <SubmitButton pendingText="正在保存…">保存这一天</SubmitButton>
    </form>
  );
}

export function RemoveHoliday({ id, label }: { id: string; label: string }) {
  const [state, action] = useActionState(removeHolidayAction, { ok: true } as ActionState);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <SubmitButton className="btn btn-secondary" pendingText="正在删除…">
        <span>
          删除<span className="sr-only">{label}</span>
        </span>
      </SubmitButton>
      {!state.ok ? <span role="alert" className="ml-2 text-bad font-semibold">{state.message}</span> : null}
    </form>
  );
}
