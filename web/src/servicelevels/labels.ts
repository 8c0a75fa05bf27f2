import { t } from './messages.ts';

type Kind = 'first-response' | 'update' | 'resolution' | 'impact-note' | 'vulnerability-response';
type State = 'running' | 'paused' | 'met' | 'breached';

export const kindLabel = (kind: Kind) => t(`kind.${kind}`);
export const stateLabel = (state: State) => t(`state.${state}`);

/** "3 h 05 min" from milliseconds, rounded down to the minute. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return t('duration', {
    hours: Math.floor(minutes / 60),
    minutes: String(minutes % 60).padStart(2, '0'),
  });
}

/** What a clock has left, as the officers' list shows it. */
export function timeLeft(clock: { state: State; msLeft: number | null }): string {
  if (clock.msLeft === null) return '—';
  if (clock.state === 'paused')
    return t('clocks.pausedLeft', { time: formatDuration(clock.msLeft) });
  if (clock.msLeft < 0) return t('clocks.overdue', { time: formatDuration(clock.msLeft) });
  return formatDuration(clock.msLeft);
}

const severityKeys = ['critical', 'high', 'normal', 'medium', 'low'] as const;
/** A request's severity or a vulnerability's, in words; anything else as it came. */
export function severityLabel(value: string | null): string {
  if (value === null) return '—';
  const key = severityKeys.find((k) => k === value);
  return key ? t(`severity.${key}`) : value;
}
