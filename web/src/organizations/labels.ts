import type { OrganizationKind } from '../api/types.ts';
import { t } from './messages.ts';

export const organizationKinds: readonly OrganizationKind[] = [
  'company',
  'government',
  'ngo',
  'foundation',
  'other',
];

const kinds = new Set<string>(organizationKinds);

/** "Company", "Stiftung": a kind the API may one day add shows as it is spelled. */
export function kindLabel(kind: string): string {
  return kinds.has(kind) ? t(`kind.${kind as OrganizationKind}`) : kind;
}
