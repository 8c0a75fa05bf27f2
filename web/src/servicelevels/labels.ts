import { formatMinutes } from '../app/format.ts';
import { t } from './messages.ts';

type Kind = 'first-response' | 'update' | 'resolution' | 'impact-note' | 'vulnerability-response';
type State = 'running' | 'paused' | 'met' | 'breached';

/**
 * A first-response or resolution clock after the first of its kind was started by the sponsor
 * reopening the request (the server numbers them 2, 3... per request); update clocks follow
 * each other at every reply, so their number says nothing of the kind.
 */
export const startedByReopening = (clock: { kind: Kind; sequence: number }) =>
  (clock.kind === 'first-response' || clock.kind === 'resolution') && clock.sequence > 1;

export const kindLabel = (kind: Kind) => t(`kind.${kind}`);
export const stateLabel = (state: State) => t(`state.${state}`);

/** "3 h 5 min" from milliseconds, rounded down to the minute (the app's one duration format). */
export const formatDuration = (ms: number): string =>
  formatMinutes(Math.floor(Math.abs(ms) / 60_000));

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
