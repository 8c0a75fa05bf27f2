import { useId } from 'react';
import { t } from './messages.ts';

/**
 * Hand-written SVG charts. Each is one image with a text alternative; the table the caller
 * shows beside it carries the same figures for everyone. Positions are percentages of the
 * width, so the bars stretch with the screen while the text keeps its size.
 */

export interface Bar {
  key: string;
  label: string;
  /** Where the bar ends, 0 to 1 of the full width. */
  fraction: number;
  /** The figure printed beside the label. */
  text: string;
}

const pct = (fraction: number) =>
  `${Math.round(Math.max(0, Math.min(1, fraction)) * 10000) / 100}%`;

/** One horizontal bar per row, labelled above; an optional dashed line marks a threshold. */
export function HorizontalBars({
  title,
  bars,
  threshold,
  className = '',
}: {
  title: string;
  bars: readonly Bar[];
  threshold?: { fraction: number; label: string } | undefined;
  className?: string;
}) {
  const id = useId();
  const row = 40;
  const top = threshold ? 22 : 4;
  const height = top + bars.length * row + 4;
  const description =
    bars.map((b) => `${b.label}: ${b.text}`).join('; ') +
    (threshold ? t('charts.threshold', { label: threshold.label }) : '');
  return (
    <svg
      className={`hbars ${className}`}
      width="100%"
      height={height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((b, i) => {
        const y = top + i * row;
        return (
          <g key={b.key}>
            <text x="0" y={y + 13} className="hbars-label">
              {b.label}
              <tspan className="hbars-value"> {b.text}</tspan>
            </text>
            <rect x="0" y={y + 19} width="100%" height="14" rx="2" className="hbars-track" />
            <rect
              x="0"
              y={y + 19}
              width={pct(b.fraction)}
              height="14"
              rx="2"
              className="hbars-fill"
              data-bar={b.key}
            />
          </g>
        );
      })}
      {threshold ? (
        <g className="hbars-threshold">
          <text
            x={pct(threshold.fraction)}
            y="12"
            textAnchor={threshold.fraction > 0.6 ? 'end' : 'start'}
            dx={threshold.fraction > 0.6 ? 4 : -4}
          >
            {threshold.label}
          </text>
          {/* Marks across the bars only, so that the line never crosses a label. */}
          {bars.map((b, i) => (
            <line
              key={b.key}
              x1={pct(threshold.fraction)}
              x2={pct(threshold.fraction)}
              y1={top + i * row + 16}
              y2={top + i * row + 36}
            />
          ))}
        </g>
      ) : null}
    </svg>
  );
}
