import type { OrganizationKind } from '../api/types.ts';

export const organizationKinds: readonly OrganizationKind[] = [
  'company',
  'government',
  'ngo',
  'foundation',
  'other',
];

export const kindLabels: Record<OrganizationKind, string> = {
  company: 'Company',
  government: 'Government',
  ngo: 'NGO',
  foundation: 'Foundation',
  other: 'Other',
};
