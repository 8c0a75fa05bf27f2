import { formatDateTime } from '../app/format.ts';
import { t } from './messages.ts';

type Severity = 'critical' | 'high' | 'medium' | 'low';
export const severities: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
export const severityLabel = (s: Severity) => t(`severity.${s}`);

export function statusText(v: { embargoUntil: string | null; disclosedAt: string | null }) {
  if (v.disclosedAt) return t('list.disclosed', { at: formatDateTime(v.disclosedAt) });
  return v.embargoUntil
    ? t('list.embargoed', { until: formatDateTime(v.embargoUntil) })
    : t('list.embargoedOpen');
}

/** A datetime-local box's value (the reader's local time) as an instant; '' stays undefined. */
export const localToIso = (value: string) => (value ? new Date(value).toISOString() : undefined);
