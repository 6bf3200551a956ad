'use client';
// Try a value for a figure staff have not set yet. The result then says which numbers were assumed.
import { useActionState } from 'react';
import { ErrorSummary, Field } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';

export type WhatIfParam = { name: string; descriptionZh: string; unit: 'fen' | 'percent'; source: string; value: string };
export type WhatIfState = { fieldErrors?: Record<string, string>; values?: Record<string, string> };

export function WhatIfForm({ action, params }: { action: (prev: WhatIfState, formData: FormData) => Promise<WhatIfState>; params: readonly WhatIfParam[] }) {
  const [state, formAction] = useActionState(action, {} as WhatIfState);
  return (
    <form action={formAction} noValidate className="space-y-2">
      <ErrorSummary fieldErrors={state.fieldErrors} />
      {params.map((p) => (
        <Field
          key={p.name}
          name={`p:${p.name}`}
          label={p.descriptionZh}
          hint={`${p.unit === 'percent' ? '填百分数，例如 60' : '单位：元，例如 80000'}。依据：${p.source}。空着表示不假设。`}
          inputMode="decimal"
          autoComplete="off"
          maxLength={20}
          defaultValue={state.values?.[p.name] ?? p.value}
          error={state.fieldErrors?.[`p:${p.name}`]}
        />
      ))}
      <SubmitButton className="btn btn-secondary w-full sm:w-auto" pendingText="正在试算…">
        用这些数试算
      </SubmitButton>
    </form>
  );
}
