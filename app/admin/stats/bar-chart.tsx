// A horizontal bar chart drawn as SVG on the server (no chart library, no script). The numbers are in the
// table next to it; the chart is for the eye, with a title for screen readers.
export function BarChart({ title, bars }: { title: string; bars: { label: string; value: number; display: string }[] }) {
  if (bars.length === 0) return null;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 34;
  const height = bars.length * row + 8;
  return (
    <svg viewBox={`0 0 640 ${height}`} width="100%" role="img" aria-label={title} className="max-w-2xl" preserveAspectRatio="xMinYMin meet">
      <title>{title}</title>
      {bars.map((b, i) => {
        const y = i * row + 4;
        const w = Math.max(2, Math.round((b.value / max) * 380));
        return (
          <g key={b.label}>
            <text x="0" y={y + 19} fontSize="15" fill="currentColor">
              {b.label.length > 11 ? `${b.label.slice(0, 10)}…` : b.label}
            </text>
            <rect x="170" y={y + 4} width={w} height="22" rx="3" className="fill-ok" />
            <text x={176 + w} y={y + 20} fontSize="14" fill="currentColor">
              {b.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
