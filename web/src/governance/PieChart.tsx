import { useId } from 'react';

export interface PieSlice {
  key: string;
  label: string;
  value: number;
}

function point(fraction: number): [number, number] {
  const angle = 2 * Math.PI * fraction - Math.PI / 2;
  return [Math.cos(angle), Math.sin(angle)];
}

const round = (n: number) => Math.round(n * 10000) / 10000;

/**
 * A hand-drawn SVG pie. It is one image with a text alternative; the table beside it (given by
 * the caller) carries the same figures for everyone. Colours come from the slice's key
 * (.pie-sponsors, .pie-community, .pie-hackers).
 */
export function PieChart({
  slices,
  title,
  unit = 'h',
}: {
  slices: readonly PieSlice[];
  title: string;
  unit?: string;
}) {
  const id = useId();
  const total = slices.reduce((s, x) => s + Math.max(0, x.value), 0);
  const description = slices
    .map(
      (s) =>
        `${s.label}: ${s.value} ${unit}${total > 0 ? ` (${Math.round((s.value / total) * 100)}%)` : ''}`,
    )
    .join('; ');
  let start = 0;
  return (
    <svg
      className="pie-chart"
      viewBox="-1.05 -1.05 2.1 2.1"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {total === 0 ? (
        <circle r="1" className="pie-empty" />
      ) : (
        slices.map((s) => {
          if (s.value <= 0) return null;
          const fraction = s.value / total;
          const from = start;
          start += fraction;
          const mid = point(from + fraction / 2);
          const label =
            fraction >= 0.08 ? (
              <text
                x={round(mid[0] * 0.62)}
                y={round(mid[1] * 0.62)}
                className="pie-label"
                textAnchor="middle"
                dominantBaseline="central"
              >
                {Math.round(fraction * 100)}%
              </text>
            ) : null;
          if (fraction >= 0.99999)
            return (
              <g key={s.key}>
                <circle r="1" className={`pie-slice pie-${s.key}`} data-slice={s.key} />
                {label}
              </g>
            );
          const [x0, y0] = point(from);
          const [x1, y1] = point(from + fraction);
          const large = fraction > 0.5 ? 1 : 0;
          return (
            <g key={s.key}>
              <path
                className={`pie-slice pie-${s.key}`}
                data-slice={s.key}
                d={`M 0 0 L ${round(x0)} ${round(y0)} A 1 1 0 ${large} 1 ${round(x1)} ${round(y1)} Z`}
              />
              {label}
            </g>
          );
        })
      )}
    </svg>
  );
}
