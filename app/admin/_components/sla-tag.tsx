import type { Sla } from '@/lib/dal/staff-queue';

const TONE = { ok: 'bg-green-100 text-green-900 border-green-700', warn: 'bg-amber-100 text-amber-900 border-amber-700', bad: 'bg-red-100 text-red-900 border-red-700', none: 'bg-gray-100 text-gray-800 border-gray-400' } as const;
const MARK = { ok: '●', warn: '▲', bad: '■', none: '○' } as const;

/** The clock in words and colour (and a shape, for those who cannot tell the colours apart). */
export function SlaTag({ sla, age }: { sla: Sla; age: number | null }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${TONE[sla.tone]}`} data-testid="sla">
      <span aria-hidden="true">{MARK[sla.tone]} </span>
      {sla.label}
      {age !== null && sla.limit !== null ? `（第 ${age} 个工作日，时限 ${sla.limit} 个工作日）` : age !== null && sla.label === '等待申请人补正' ? `（已 ${age} 个工作日）` : ''}
    </span>
  );
}
