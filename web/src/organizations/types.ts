import type { MemberClass } from '../members/types.ts';

export type OrganizationKind = 'company' | 'government' | 'ngo' | 'foundation' | 'other';

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

export interface OrganizationSummary {
  id: string;
  displayName: string;
  legalName: string;
  kind: OrganizationKind;
  memberClass: MemberClass;
  website: string | null;
  representatives: number;
}

export interface Organization {
  id: string;
  displayName: string;
  legalName: string;
  kind: OrganizationKind;
  memberClass: MemberClass;
  website: string | null;
  taxId: string | null;
  billingEmail: string | null;
  billingAddress: string | null;
  country: string | null;
  createdAt: string;
  contacts: { personId: string; role: string; displayName: string }[];
}
