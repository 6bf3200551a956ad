/** A refused file import: the message, then each line's problem (and how many more there are, when cut short). */
export function LineErrors({ message, lines, label, more = 0 }: { message?: string; lines?: { message: string }[]; label: string; more?: number }) {
  return (
    <div role="alert" className="border-l-4 border-bad bg-red-50 p-4">
      <p className="font-bold text-bad">{message}</p>
      {lines?.length ? (
        <ul className="list-disc pl-5 mt-2" aria-label={label}>
          {lines.map((l, i) => (
            <li key={i}>{l.message}</li>
          ))}
          {more > 0 ? <li>另有 {more} 行有问题，改正上面这些后再导入即可看到。</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
