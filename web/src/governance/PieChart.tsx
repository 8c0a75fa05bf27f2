import { Cell, Pie, PieChart as RechartsPie, type PieLabelRenderProps } from 'recharts';

export interface PieSlice {
  key: string;
  label: string;
  value: number;
}

/** The share, printed inside a slice large enough to hold it. */
function SliceLabel(props: PieLabelRenderProps) {
  const { cx, cy, midAngle, innerRadius, outerRadius, percent } = props;
  const fraction = Number(percent ?? 0);
  if (fraction < 0.08) return null;
  const radius = Number(innerRadius) + (Number(outerRadius) - Number(innerRadius)) * 0.62;
  const angle = (-Number(midAngle ?? 0) * Math.PI) / 180;
  return (
    <text
      x={Number(cx) + radius * Math.cos(angle)}
      y={Number(cy) + radius * Math.sin(angle)}
      className="pie-label"
      textAnchor="middle"
      dominantBaseline="central"
    >
      {Math.round(fraction * 100)}%
    </text>
  );
}

/**
 * The pie, drawn by Recharts: one image with a text alternative (its <title> and <desc>); the
 * table beside it (given by the caller) carries the same figures for everyone. The keyboard
 * layer is off because the table, not the picture, is what one reads figure by figure. Colours
 * come from the slice's key (.pie-sponsors, .pie-community, .pie-hackers).
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
  const total = slices.reduce((s, x) => s + Math.max(0, x.value), 0);
  const description = slices
    .map(
      (s) =>
        `${s.label}: ${s.value} ${unit}${total > 0 ? ` (${Math.round((s.value / total) * 100)}%)` : ''}`,
    )
    .join('; ');
  // An empty plan still shows a (grey) disc, so that the layout does not jump.
  const data =
    total === 0
      ? [{ key: 'empty', label: '', value: 1 }]
      : slices.filter((s) => s.value > 0).map((s) => ({ ...s }));
  return (
    <div className="pie-chart" data-slices={total === 0 ? 0 : data.length}>
      <RechartsPie
        responsive
        style={{ width: '100%', height: '100%' }}
        role="img"
        title={title}
        desc={description}
        accessibilityLayer={false}
      >
        <Pie
          data={data}
          dataKey="value"
          nameKey="label"
          outerRadius="100%"
          startAngle={90}
          endAngle={-270}
          isAnimationActive={false}
          label={total === 0 ? false : SliceLabel}
          labelLine={false}
          stroke="#ffffff"
          strokeWidth={2}
        >
          {data.map((s) => (
            <Cell
              key={s.key}
              className={s.key === 'empty' ? 'pie-empty' : `pie-slice pie-${s.key}`}
            />
          ))}
        </Pie>
      </RechartsPie>
    </div>
  );
}
