// Radio buttons or checkboxes as big tappable rows (with pictures, a "none of these" option and an h1 legend for
// one-question pages) inside <fieldset><legend>, with hint and error tied to the group.
// The first input gets id `f-<name>` so ErrorSummary's links land on it. An option's name is its label alone;
// its hint is the description, so screen readers do not read the hint twice.
import type { ReactNode } from 'react';

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Drawn before the label (a small picture of a certificate, say). */
  icon?: ReactNode;
}

type Props = {
  name: string;
  legend: ReactNode;
  /** A one-question page puts the question in the legend as its h1 (GOV.UK question pages). */
  legendAs?: 'h1' | 'plain';
  hint?: ReactNode;
  error?: string;
  options: readonly ChoiceOption[];
  type?: 'radio' | 'checkbox';
  defaultValue?: string | readonly string[];
  /** An option that means "none of the above", set apart with 或. */
  exclusive?: ChoiceOption;
  /** Shown under the hint, before the options (a term explanation, say). */
  children?: ReactNode;
  className?: string;
  /** Where the ids start when two forms share a page (default `f-`; ErrorSummary takes the same prefix). */
  idPrefix?: string;
  /** Long lists in folded groups (<details>, works without JavaScript), shown after `options`; ids run on across them. */
  groups?: readonly { title: ReactNode; options: readonly ChoiceOption[]; open: boolean }[];
};

export function ChoiceList({ name, legend, legendAs = 'plain', hint, error, options, type = 'radio', defaultValue, exclusive, children, className, idPrefix = 'f-', groups = [] }: Props) {
  const base = `${idPrefix}${name}`;
  const describedBy = [hint ? `${base}-hint` : null, error ? `${base}-error` : null].filter(Boolean).join(' ') || undefined;
  const chosen = new Set(typeof defaultValue === 'string' ? [defaultValue] : (defaultValue ?? []));
  const input = (o: ChoiceOption, i: number) => {
    const id = i === 0 ? base : `${base}-${i}`;
    const hintId = o.hint ? `${id}-hint` : undefined;
    return (
      <div key={o.value}>
        <label htmlFor={id} className="choice">
          <input
            id={id}
            type={type}
            name={name}
            value={o.value}
            defaultChecked={chosen.has(o.value)}
            aria-labelledby={`${id}-label`}
            aria-describedby={hintId}
          />
          {o.icon}
          <span className="min-w-0">
            <span id={`${id}-label`} className="block font-semibold">
              {o.label}
            </span>
            {o.hint ? (
              <span id={hintId} className="block text-sm text-muted">
                {o.hint}
              </span>
            ) : null}
          </span>
        </label>
      </div>
    );
  };
  return (
    <fieldset className={className ?? 'mb-6'} aria-describedby={describedBy}>
      <legend className="mb-2">
        {legendAs === 'h1' ? <h1 className="text-2xl font-bold leading-snug">{legend}</h1> : <span className="font-semibold text-lg">{legend}</span>}
      </legend>
      {hint ? (
        <div id={`${base}-hint`} className="text-muted mb-2">
          {hint}
        </div>
      ) : null}
      {children}
      {error ? (
        <p id={`${base}-error`} className="text-bad font-semibold mb-2">
          <span className="sr-only">错误：</span>
          {error}
        </p>
      ) : null}
      <div className={`space-y-2 ${error ? 'border-l-4 border-bad pl-3' : ''}`}>
        {options.map(input)}
        {groups.map((g, gi) => {
          const start = options.length + groups.slice(0, gi).reduce((n, x) => n + x.options.length, 0);
          const picked = g.options.filter((o) => chosen.has(o.value)).length;
          return (
            <details key={gi} open={g.open || picked > 0} className="choice-group">
              <summary className="choice-group-title">
                <span className="font-semibold">{g.title}</span>
                {picked ? <span className="text-sm text-muted">（已选 {picked} 项）</span> : null}
              </summary>
              <div className="space-y-2 pt-2">{g.options.map((o, i) => input(o, start + i))}</div>
            </details>
          );
        })}
        {exclusive ? (
          <>
            <p className="py-1 text-center text-muted" aria-hidden="true">
              或
            </p>
            {input(exclusive, options.length + groups.reduce((n, g) => n + g.options.length, 0))}
          </>
        ) : null}
      </div>
    </fieldset>
  );
}
