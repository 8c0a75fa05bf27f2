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

export interface MonthBars {
  month: string;
  label: string;
  inflow: number;
  outflow: number;
}

/** Money in and out per month, side by side from a common baseline. */
export function InOutChart({
  title,
  months,
  maxLabel,
  description,
}: {
  title: string;
  months: readonly MonthBars[];
  /** The top of the scale as text ("€60,600.00"). */
  maxLabel: string;
  description: string;
}) {
  const id = useId();
  const height = 220;
  const top = 20;
  const bottom = 24;
  const plot = height - top - bottom;
  const max = Math.max(1, ...months.map((m) => Math.max(m.inflow, m.outflow)));
  const slot = months.length > 0 ? 100 / months.length : 100;
  const every = months.length > 12 ? Math.ceil(months.length / 12) : 1;
  const bar = (value: number) => (value / max) * plot;
  return (
    <svg
      className="inout-chart"
      width="100%"
      height={height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <line x1="0" x2="100%" y1={top} y2={top} className="chart-grid" />
      <text x="0" y={top - 6} className="chart-axis">
        {maxLabel}
      </text>
      <line x1="0" x2="100%" y1={top + plot / 2} y2={top + plot / 2} className="chart-grid" />
      {months.map((m, i) => {
        const x = i * slot;
        const inH = bar(m.inflow);
        const outH = bar(m.outflow);
        return (
          <g key={m.month}>
            <rect
              x={`${x + slot * 0.12}%`}
              y={top + plot - inH}
              width={`${slot * 0.36}%`}
              height={inH}
              className="bar-in"
            />
            <rect
              x={`${x + slot * 0.52}%`}
              y={top + plot - outH}
              width={`${slot * 0.36}%`}
              height={outH}
              className="bar-out"
            />
            {i % every === 0 ? (
              <text
                x={`${x + slot / 2}%`}
                y={height - 6}
                textAnchor="middle"
                className="chart-axis"
              >
                {m.label}
              </text>
            ) : null}
          </g>
        );
      })}
      <line x1="0" x2="100%" y1={top + plot} y2={top + plot} className="chart-baseline" />
    </svg>
  );
}
