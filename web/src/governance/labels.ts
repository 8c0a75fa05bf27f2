import type { MemberClass } from '../api/types.ts';
import { formatExactDecimal, formatNumber } from '../app/format.ts';
import { percent } from '../app/money.ts';
import { majorityInline, majorityLabel } from '../bylaws/labels.ts';
import { t } from './messages.ts';
import type {
  CyclePhase,
  PollMethod,
  Poll,
  Slice,
  SurveyMethod,
  Threshold,
  WorkItemKind,
  WorkItem,
} from '../api/types.ts';

export const slices: readonly Slice[] = ['sponsors', 'community', 'hackers'];

/**
 * Labels by key, read in the member's language each time one is used: the app remounts when the
 * language changes, and a label fixed when this module loaded would stay in the first one.
 */
function lazyLabels<K extends string>(
  keys: readonly K[],
  text: (key: K) => string,
): Readonly<Record<K, string>> {
  const labels = {} as Record<K, string>;
  for (const key of keys)
    Object.defineProperty(labels, key, { enumerable: true, get: () => text(key) });
  return labels;
}

export const sliceLabels = lazyLabels(slices, (s) => t(`labels.slice.${s}`));

/** "Sponsors’ slice", "Community’s slice", "Hackers’ slice". */
export const slicePossessive = lazyLabels(slices, (s) => t(`labels.slicePossessive.${s}`));

/** A member proposes items for their own class's slice. */
export const sliceOfClass: Record<MemberClass, Slice> = {
  sponsor: 'sponsors',
  community: 'community',
  hacker: 'hackers',
};

export const phases: readonly CyclePhase[] = [
  'proposing',
  'voting',
  'planned',
  'in-progress',
  'closed',
];

export const phaseLabels = lazyLabels(phases, (p) => t(`labels.phase.${p}`));

/** Within a sentence: "move to voting". */
export const phaseInline = lazyLabels(phases, (p) => t(`labels.phaseInline.${p}`));

export const phaseDescriptions = lazyLabels(phases, (p) => t(`labels.phaseDescription.${p}`));

const surveyMethods: readonly SurveyMethod[] = ['approval', 'score', 'ranked', 'quadratic'];

export const surveyMethodLabels = lazyLabels(surveyMethods, (m) => t(`labels.surveyMethod.${m}`));

export const surveyMethodShort = lazyLabels(surveyMethods, (m) =>
  t(`labels.surveyMethodShort.${m}`),
);

export const workItemKinds: readonly WorkItemKind[] = [
  'feature',
  'bug',
  'patch-integration',
  'infrastructure',
  'research',
  'hackers-own',
];

export const kindLabels = lazyLabels(workItemKinds, (k) => t(`labels.kind.${k}`));

const itemStatuses: readonly WorkItem['status'][] = [
  'proposed',
  'planned',
  'in-progress',
  'done',
  'merged',
  'split',
  'withdrawn',
];

export const itemStatusLabels = lazyLabels(itemStatuses, (s) => t(`labels.itemStatus.${s}`));

const pollMethods: readonly PollMethod[] = [
  'yes-no',
  'approval',
  'score',
  'ranked',
  'schulze',
  'irv',
  'scottish-stv',
  'meek-stv',
];

export const pollMethodLabels = lazyLabels(pollMethods, (m) => t(`labels.pollMethod.${m}`));

const pollStatuses: readonly Poll['status'][] = ['nominating', 'scheduled', 'open', 'closed'];

export const pollStatusLabels = lazyLabels(pollStatuses, (s) => t(`labels.pollStatus.${s}`));

const thresholds: readonly Threshold[] = ['simple', 'two-thirds', 'three-quarters', 'unanimous'];

export const thresholdLabels = lazyLabels(thresholds, (m) => majorityLabel(m));

/** Within a sentence: "as the bylaws say (two-thirds majority)". */
export const thresholdInline = lazyLabels(thresholds, (m) => majorityInline(m));

export const rankedMethods: readonly PollMethod[] = [
  'ranked',
  'schulze',
  'irv',
  'scottish-stv',
  'meek-stv',
];

export function isRanked(method: PollMethod): boolean {
  return rankedMethods.includes(method);
}

/**
 * "1234567" -> "1,234,567" ("1.234.567" in German): whole numbers given as strings (they may
 * pass 2^53, so they are grouped as text rather than through a number).
 */
export function groupDigits(value: string): string {
  if (!/^-?\d+$/.test(value)) return value;
  return formatExactDecimal(value).replace(/^-/, '−');
}

/** Hours as people read them in their language: "12.5 h", "12,5 h". */
export function hours(n: number): string {
  return t('labels.hours', {
    hours: formatNumber(n),
  });
}

/** A Date as the value of an <input type="datetime-local"> in the browser's time zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

export function toDateInput(date: Date): string {
  return toLocalInput(date).slice(0, 10);
}

/** An <input type="datetime-local"> value as an ISO timestamp, or undefined when empty/invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function daysFromNow(days: number, hour = 9): Date {
  const date = new Date();
  date.setDate(date.getDate() + days);
  date.setHours(hour, 0, 0, 0);
  return date;
}

/**
 * An item's share of its slice's total support, as people read it ("42.3%"), exact from the
 * integer strings: a raw support figure (funding in minor units × points) means nothing to them.
 */
export function shareOfSupport(support: string, total: bigint): string {
  if (total <= 0n) return percent(0);
  // Rounded to tenths of a percent in integers first; only that small number becomes a float.
  const tenths = (BigInt(support) * 1000n + total / 2n) / total;
  return percent(Number(tenths) / 10, 1);
}
