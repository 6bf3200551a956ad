// A horizontal bar chart drawn as SVG on the server (no chart library, no script). The numbers are in the
// table next to it; the chart is for the eye, with a title for screen readers. Labels sit above their bars so
// the drawing stays legible at 360 px.
export function BarChart({ title, bars }: { title: string; bars: { label: string; value: number; display: string }[] }) {
  if (bars.length === 0) return null;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 52;
  const height = bars.length * row + 4;
  return (
    <svg viewBox={`0 0 400 ${height}`} width="100%" role="img" aria-label={title} className="max-w-xl" preserveAspectRatio="xMinYMin meet">
      <title>{title}</title>
      {bars.map((b, i) => {
        const y = i * row;
        const w = Math.max(2, Math.round((b.value / max) * 250));
        return (
          <g key={b.label}>
            <text x="0" y={y + 17} fontSize="16" fill="currentColor">
              {b.label}
            </text>
            <rect x="0" y={y + 24} width={w} height="20" rx="3" className="fill-ok" />
            <text x={w + 8} y={y + 40} fontSize="15" fill="currentColor">
              {b.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
