import type { ApplicationStatus } from '@/db/schema';
import { STATUS_TEXT } from '@/lib/workflow/states';

const TONE = {
  info: 'bg-blue-100 text-blue-900',
  action: 'bg-amber-100 text-amber-900',
  ok: 'bg-green-100 text-green-900',
  bad: 'bg-red-100 text-red-900',
  muted: 'bg-gray-200 text-gray-800',
} as const;

export function StatusTag({ status }: { status: ApplicationStatus }) {
  const s = STATUS_TEXT[status];
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${TONE[s.tone]}`}>{s.label}</span>;
}
