import type { OrganizationKind } from '../api/types.ts';
import { humanize } from '../app/format.ts';
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

type ContactRole = 'representative' | 'billing' | 'technical' | 'champion';
/** The roles the API names today; the API's type calls a contact's role a string. */
const contactRoles: Record<ContactRole, true> = {
  representative: true,
  billing: true,
  technical: true,
  champion: true,
};

/** A contact's role at the organization: "Representative", "Vertretung". */
export function contactRoleLabel(role: string): string {
  return role in contactRoles ? t(`contactRole.${role as ContactRole}`) : humanize(role);
}
