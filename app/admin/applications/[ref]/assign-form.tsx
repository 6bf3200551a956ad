'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/submit-button';
import type { CaseActionState } from './actions';
import { ActionMessage } from '@/app/_components/action-message';

/** `action` is bound on the server page (see reveal-button.tsx for why not here). */
export function AssignForm({ action: bound, colleagues, current, meId }: { action: (prev: CaseActionState, formData: FormData) => Promise<CaseActionState>; colleagues: { id: string; displayName: string }[]; current: string | null; meId: string }) {
  const [state, action] = useActionState(bound, { ok: true } as CaseActionState);
  return (
    <form action={action} className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div>
        <label htmlFor="f-assignee" className="block font-semibold">经办人</label>
        <select id="f-assignee" name="assignee" className="input" defaultValue={current ?? ''}>
          <option value="">（不分派）</option>
          {colleagues.map((c) => (
            <option key={c.id} value={c.id}>{c.displayName}{c.id === meId ? '（我）' : ''}</option>
          ))}
        </select>
      </div>
      <SubmitButton className="btn btn-secondary" pendingText="正在保存…">保存分派</SubmitButton>
      {current !== meId ? <SubmitButton className="btn btn-secondary" name="assignee" value="me" pendingText="正在保存…">分派给我</SubmitButton> : null}
      <ActionMessage state={state} />
    </form>
  );
}
