import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { formatMoney, formatMoneyCompact, toBigInt } from '../app/money.ts';
import { t } from './messages.ts';

export interface CashMonth {
  month: string;
  /** Short month label for the axis ("Jan"). */
  label: string;
  /** Long label for the tooltip and the text alternative ("January 2026"). */
  longLabel: string;
  /** Minor units, as the report sends them. */
  inflow: string;
  outflow: string;
  net: string;
}

/**
 * Money in and out per month (bars) and the running total of the net since the period began
 * (line), drawn by Recharts from the cash-flow report. The running total is summed in bigint
 * minor units; only the plotted positions are numbers. One image with a text alternative: the
 * table below the chart carries every figure.
 */
export function CashFlowChart({
  months,
  currency,
  from,
}: {
  months: readonly CashMonth[];
  currency: string;
  /** The period's first day, as printed ("1 Jan 2026"). */
  from: string;
}) {
  let running = 0n;
  const rows = months.map((m) => {
    running += toBigInt(m.net);
    return {
      ...m,
      running: running.toString(),
      inPlot: Number(m.inflow),
      outPlot: Number(m.outflow),
      runningPlot: Number(running),
    };
  });
  const description = rows
    .map(
      (m) =>
        `${t('reports.cashMonth', {
          month: m.longLabel,
          in: formatMoney(m.inflow, currency),
          out: formatMoney(m.outflow, currency),
        })}, ${t('reports.cashRunning', { net: formatMoney(m.running, currency) })}`,
    )
    .join('; ');

  const tooltip = ({ active, payload }: TooltipContentProps) => {
    const row = active ? (payload?.[0]?.payload as (typeof rows)[number] | undefined) : undefined;
    if (!row) return null;
    return (
      <div className="chart-tooltip">
        <strong>{row.longLabel}</strong>
        <br />
        {t('reports.in')}: {formatMoney(row.inflow, currency)}
        <br />
        {t('reports.out')}: {formatMoney(row.outflow, currency)}
        <br />
        {t('reports.cashRunning', { net: formatMoney(row.running, currency) })}
      </div>
    );
  };

  return (
    <>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="swatch swatch-in" /> {t('reports.inLegend')}
        </li>
        <li>
          <span className="swatch swatch-out" /> {t('reports.outLegend')}
        </li>
        <li>
          <span className="swatch swatch-line" /> {t('reports.netLegend', { from })}
        </li>
      </ul>
      <div className="chart-box cash-chart">
        <ComposedChart
          responsive
          style={{ width: '100%', height: '100%' }}
          data={rows}
          margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
          role="img"
          title={t('reports.cashChart')}
          desc={description}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="label" tickLine={false} interval="preserveStartEnd" />
          <YAxis
            width="auto"
            tickFormatter={(v: number) => formatMoneyCompact(Math.round(v), currency)}
          />
          <Tooltip content={tooltip} />
          <Bar dataKey="inPlot" className="bar-in" isAnimationActive={false} />
          <Bar dataKey="outPlot" className="bar-out" isAnimationActive={false} />
          <Line
            dataKey="runningPlot"
            className="line-net"
            type="linear"
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </ComposedChart>
      </div>
    </>
  );
}
