// The year's bills as one bar: what insurance paid, what assistance and tilt pay, what is left for the person.
// The legend carries every amount in words, so the bar itself is decoration for screen readers.
import type { BillSplit } from '@/lib/estimate/input';
import { formatMoney } from '@/lib/format';

const PARTS = [
  { key: 'insuranceFen', label: '医保等已经付的', color: '#5b7fbf' },
  { key: 'assistanceFen', label: '医疗救助', color: '#0f6b3a' },
  { key: 'tiltFen', label: '倾斜救助', color: '#49a56f' },
  { key: 'youPayFen', label: '您自己付', color: '#c2410c' },
] as const;

const EXACT = { printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact' } as const;

export function BillBar({ split }: { split: BillSplit }) {
  const total = split.totalFen;
  const pct = (fen: number) => (total > 0 ? (fen / total) * 100 : 0);
  return (
    <figure className="space-y-2" data-testid="bill-bar">
      <div className="flex h-9 w-full overflow-hidden rounded-md ring-1 ring-gray-400" aria-hidden="true" style={EXACT}>
        {PARTS.filter((p) => split[p.key] > 0).map((p) => (
          <div key={p.key} style={{ width: `${pct(split[p.key])}%`, background: p.color, ...EXACT }} />
        ))}
      </div>
      <figcaption>
        <p className="text-sm text-muted">全年医药费一共 {formatMoney(total)}，分成下面几部分：</p>
        <ul className="grid gap-x-4 gap-y-1 sm:grid-cols-2 mt-1">
          {PARTS.map((p) => (
            <li key={p.key} className="flex items-center gap-2">
              <span aria-hidden="true" className="inline-block h-4 w-4 flex-none rounded-sm" style={{ background: p.color, ...EXACT }} />
              <span>
                {p.label} <strong>{formatMoney(split[p.key])}</strong>
                <span className="text-sm text-muted">（{Math.round(pct(split[p.key]))}%）</span>
              </span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
