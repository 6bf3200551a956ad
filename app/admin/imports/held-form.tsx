'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/submit-button';
import type { ActionState } from '@/lib/http/action';
import type { HeldField } from '@/lib/office/settlement-file';
import { ActionMessage } from '@/app/_components/action-message';

const CHOICES: Record<HeldField, { legend: string; options: { value: string; label: string }[] }> = {
  referred: { legend: '是否按规定转诊', options: [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }] },
  hospitalLevel: { legend: '医院等级', options: [{ value: '1', label: '一级' }, { value: '2', label: '二级' }, { value: '3', label: '三级' }] },
  location: { legend: '就医地', options: [{ value: 'local', label: '本市' }, { value: 'province', label: '省内' }, { value: 'elsewhere', label: '外地（省外）' }] },
};

/** One held row's missing cells, asked as radio groups; nothing is preselected (unknown is not yes). */
export function HeldForm({ id, fields, action }: { id: string; fields: HeldField[]; action: (prev: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, formAction] = useActionState(action, { ok: true } as ActionState);
  const v = state.ok ? {} : (state.values ?? {});
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <ActionMessage state={state} />
      {fields.map((f) => {
        const errId = `${f}-${id}-error`;
        return (
          <fieldset key={f} aria-describedby={err[f] ? errId : undefined}>
            <legend className="font-semibold mb-1">{CHOICES[f].legend}</legend>
            {err[f] ? <p id={errId} className="text-bad font-semibold">{err[f]}</p> : null}
            <div className="flex flex-wrap gap-x-4">
              {CHOICES[f].options.map((o) => (
                <label key={o.value} className="flex min-h-11 items-center gap-2">
                  <input type="radio" name={f} value={o.value} defaultChecked={v[f] === o.value} className="h-5 w-5" />
                  {o.label}
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <SubmitButton pendingText="正在核实…" className="btn btn-secondary">核实并办理</SubmitButton>
    </form>
  );
}
