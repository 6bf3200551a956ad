/** What a form's action answered, above or beside the form: read out politely when it worked, at once when not. */
export function ActionMessage({ state, className = 'font-semibold' }: { state: { ok: boolean; message?: string }; className?: string }) {
  if (!state.message) return null;
  return (
    <p role={state.ok ? 'status' : 'alert'} className={`${state.ok ? 'text-ok' : 'text-bad'} ${className}`}>
      {state.message}
    </p>
  );
}
