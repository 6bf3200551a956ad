'use client';
import { useActionState } from 'react';
import type { RevealState } from './actions';

/** Shows the masked value; "显示完整" asks the server, which writes an audit row before answering. */
// The action comes bound from the server page: a `.bind()` made here would be a new reference on every render,
// and the no-JavaScript refusal path (React re-rendering against the returned state) would never finish.
export function RevealButton({ action: bound, field, label, masked }: { action: (prev: RevealState, formData: FormData) => Promise<RevealState>; field: string; label: string; masked: string }) {
  const [state, action, pending] = useActionState(bound, { ok: true } as RevealState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <span data-testid={`value-${field}`} className="font-mono">{state.value ?? masked}</span>
      {state.value ? (
        <span className="text-sm text-muted">（已显示完整{label}，本次查看已记录）</span>
      ) : (
        <button type="submit" className="btn btn-secondary" disabled={pending} aria-label={`显示完整${label}（会记录查看）`}>
          显示完整
        </button>
      )}
      {!state.ok && state.message ? <span className="text-bad" role="alert">{state.message}</span> : null}
    </form>
  );
}
