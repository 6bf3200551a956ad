// Plain-language explanations that open on tap: native <details>, so they work without JavaScript and never pop up.
import type { ReactNode } from 'react';
import { GLOSSARY, type GlossaryId } from '@/lib/texts/glossary';

const SUMMARY = 'cursor-pointer py-2 min-h-11 in-[.elder]:min-h-15 text-brand underline underline-offset-4 font-medium';

export function Disclosure({ summary, children, className, open }: { summary: ReactNode; children: ReactNode; className?: string; open?: boolean }) {
  return (
    <details className={className ?? 'my-2'} open={open}>
      <summary className={SUMMARY}>{summary}</summary>
      <div className="mt-1 border-l-4 border-brand-light pl-3">{children}</div>
    </details>
  );
}

/** "什么是“政策范围内费用”？" with the one-line explanation from the glossary. */
export function Term({ id, label, className }: { id: GlossaryId; label?: string; className?: string }) {
  const g = GLOSSARY[id];
  return (
    <Disclosure summary={label ?? `什么是“${g.term}”？`} className={className}>
      <p>{g.text}</p>
    </Disclosure>
  );
}
