// Radio or checkbox choices as big touch rows inside a fieldset, with the error tied to the group.
type Option = { value: string; label: string; hint?: string };

export function ChoiceGroup({
  name, legend, hint, options, type = 'radio', selected, error, inline,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: readonly Option[];
  type?: 'radio' | 'checkbox';
  selected?: string | readonly string[];
  error?: string;
  inline?: boolean;
}) {
  const chosen = new Set(Array.isArray(selected) ? selected : selected ? [selected as string] : []);
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={id} className="mb-6" aria-describedby={describedBy} tabIndex={-1}>
      <legend className="font-semibold mb-1">{legend}</legend>
      {hint ? <p id={`${id}-hint`} className="text-sm text-muted mb-2">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} className="text-bad font-semibold mb-2">
          <span className="sr-only">错误：</span>
          {error}
        </p>
      ) : null}
      <div className={inline ? 'grid grid-cols-2 gap-2' : 'space-y-2'}>
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input type={type} name={name} value={o.value} defaultChecked={chosen.has(o.value)} />
            <span>
              {o.label}
              {o.hint ? <span className="block text-sm text-muted">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
] as const;
