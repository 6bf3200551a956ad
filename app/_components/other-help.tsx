// "What else exists now": shown when the answer is no, or when a bill stays heavy after assistance.
import type { RegionCode } from '@/lib/calculator';
import { citeClause } from '@/lib/texts/citation';
import { otherHelp } from '@/lib/texts/other-help';

export function OtherHelp({ region, title = '还可以找这些帮助' }: { region: RegionCode | undefined; title?: string }) {
  return (
    <section className="card space-y-3 border-l-4 border-brand" aria-labelledby="other-help-title">
      <h2 id="other-help-title" className="text-xl font-bold">
        {title}
      </h2>
      <ul className="space-y-3">
        {otherHelp(region).map((h) => (
          <li key={h.title}>
            <p className="font-semibold">
              {h.tel ? (
                <a href={`tel:${h.tel}`} className="link inline-flex items-center min-h-11 in-[.elder]:min-h-15">
                  {h.title}
                </a>
              ) : (
                h.title
              )}
            </p>
            <p>
              {h.text}
              {h.source ? <span className="text-sm text-muted">（{citeClause(h.source)}）</span> : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
