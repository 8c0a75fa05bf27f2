import type { MemberClass } from '../api/types.ts';
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

export const sliceLabels: Record<Slice, string> = {
  sponsors: 'Sponsors',
  community: 'Community',
  hackers: 'Hackers',
};

/** "Sponsors’ slice", "Community’s slice", "Hackers’ slice". */
export const slicePossessive: Record<Slice, string> = {
  sponsors: 'Sponsors’',
  community: 'Community’s',
  hackers: 'Hackers’',
};

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

export const phaseLabels: Record<CyclePhase, string> = {
  proposing: 'Proposing',
  voting: 'Voting',
  planned: 'Planned',
  'in-progress': 'In progress',
  closed: 'Closed',
};

export const phaseDescriptions: Record<CyclePhase, string> = {
  proposing: 'Members propose work items for their class’s slice; hackers give their hours.',
  voting:
    'Sponsors spread their points, the community answers the survey, hackers declare their work.',
  planned: 'The plan is published: hackers take the planned hours.',
  'in-progress': 'The work is under way; hackers log their time against the plan.',
  closed: 'The cycle is over: planned against actual hours.',
};

export const surveyMethodLabels: Record<SurveyMethod, string> = {
  approval: 'Approval (tick every item you support)',
  score: 'Score (0 to 5 per item)',
  ranked: 'Ranking (best first)',
  quadratic: 'Quadratic (n votes cost n² credits)',
};

export const surveyMethodShort: Record<SurveyMethod, string> = {
  approval: 'Approval',
  score: 'Score',
  ranked: 'Ranking',
  quadratic: 'Quadratic',
};

export const kindLabels: Record<WorkItemKind, string> = {
  feature: 'Feature',
  bug: 'Bug',
  'patch-integration': 'Patch integration',
  infrastructure: 'Infrastructure',
  research: 'Research',
  'hackers-own': 'Hackers’ own',
};

export const workItemKinds = Object.keys(kindLabels) as WorkItemKind[];

export const itemStatusLabels: Record<WorkItem['status'], string> = {
  proposed: 'Proposed',
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  merged: 'Merged',
  split: 'Split',
  withdrawn: 'Withdrawn',
};

export const pollMethodLabels: Record<PollMethod, string> = {
  'yes-no': 'Yes or no',
  approval: 'Approval',
  score: 'Score (0 to 5)',
  ranked: 'Ranked (Schulze)',
  schulze: 'Ranked, Schulze',
  irv: 'Instant-runoff',
  'scottish-stv': 'Single transferable vote (Scottish rules)',
  'meek-stv': 'Single transferable vote (Meek)',
};

export const pollStatusLabels: Record<Poll['status'], string> = {
  nominating: 'Nominations open',
  scheduled: 'Scheduled',
  open: 'Voting open',
  closed: 'Closed',
};

export const thresholdLabels: Record<Threshold, string> = {
  simple: 'Simple majority (more than half)',
  'two-thirds': 'Two-thirds majority',
  'three-quarters': 'Three-quarters majority',
  unanimous: 'Unanimous',
};

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

/** "1234567" -> "1,234,567": whole numbers given as strings (they may pass 2^53). */
export function groupDigits(value: string): string {
  const negative = value.startsWith('-');
  const digits = negative ? value.slice(1) : value;
  if (!/^\d+$/.test(digits)) return value;
  return (negative ? '−' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function hours(n: number): string {
  const text = Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '');
  return `${text} h`;
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
  if (total <= 0n) return '0%';
  const tenths = (BigInt(support) * 1000n + total / 2n) / total;
  return `${tenths / 10n}.${tenths % 10n}%`;
}
