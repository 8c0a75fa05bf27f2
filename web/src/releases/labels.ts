import type { Release } from '../api/types.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import { t } from './messages.ts';

export type ReleaseKind = Release['kind'];
export const releaseKinds: readonly ReleaseKind[] = [
  'release',
  'deprecation',
  'end-of-support',
  'breaking-change',
];
export const kindLabel = (k: ReleaseKind) => t(`kind.${k}`);
export const stateLabel = (s: Release['state']) => t(`state.${s}`);

/** When: the moment it was published, else the day it is planned for. */
export const whenText = (r: Pick<Release, 'publishedAt' | 'plannedOn'>) =>
  r.publishedAt
    ? t('list.publishedOn', { at: formatDateTime(r.publishedAt) })
    : t('list.plannedFor', { day: formatDate(r.plannedOn) });
