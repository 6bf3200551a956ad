// The calculator's trace: every step in plain words with the clause behind it, cited by document title.
import type { TraceRow } from '@/lib/calculator';
import { citeClause, citeInText } from '@/lib/check/citation';

export function TraceList({ rows, className }: { rows: readonly TraceRow[]; className?: string }) {
  return (
    <ol className={className ?? 'list-decimal pl-5 space-y-1'}>
      {rows.map((t, i) => (
        <li key={i}>
          {citeInText(t.text)}
          {t.source ? <span className="text-muted">（{citeClause(t.source)}）</span> : null}
        </li>
      ))}
    </ol>
  );
}
