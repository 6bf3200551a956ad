// The calculator's trace: every step in plain words with the clause behind it, cited by document title, and
// amounts in the pages' one money format.
import type { TraceRow } from '@/lib/calculator';
import { citeClause, citeInText } from '@/lib/texts/citation';
import { residentText } from '@/lib/format';

export function TraceList({ rows, className }: { rows: readonly TraceRow[]; className?: string }) {
  return (
    <ol className={className ?? 'list-decimal pl-5 space-y-1'}>
      {rows.map((t, i) => (
        <li key={i}>
          {residentText(citeInText(t.text))}
          {t.source ? <span className="text-muted">（{citeClause(t.source)}）</span> : null}
        </li>
      ))}
    </ol>
  );
}
