export type Majority = 'simple' | 'two-thirds' | 'three-quarters' | 'unanimous';

export const majorities: readonly Majority[] = [
  'simple',
  'two-thirds',
  'three-quarters',
  'unanimous',
];

export const majorityLabels: Record<Majority, string> = {
  simple: 'Simple majority (more than half)',
  'two-thirds': 'Two-thirds majority',
  'three-quarters': 'Three-quarters majority',
  unanimous: 'Unanimous',
};

export interface ClassShares {
  sponsors: number;
  community: number;
  hackers: number;
}

export interface OfficerRole {
  role: string;
  title: string;
  termMonths: number;
  duties: string;
}

export interface BylawsDocument {
  pie: ClassShares;
  cycle: { lengthMonths: number };
  fiscalYear: { startMonth: number };
  decisions: {
    quorumPercent: number;
    majority: Majority;
    bylawAmendmentMajority: Majority;
    secretBallotsForElections: boolean;
  };
  officers: OfficerRole[];
  funding: { trailingMonths: number; labourHourRateMinor: number };
  dividends: { reserves: { name: string; percent: number }[]; split: ClassShares };
  compensation: { targetDescription: string; targetAnnualMinor: number };
  transparency: {
    publishMemberDirectory: boolean;
    publishFinanceSummary: boolean;
    publishPersonalPay: boolean;
  };
}

export interface BylawsVersion {
  version: number;
  summary: string;
  adoptedBy: string | null;
  adoptedAt: string;
  /** The day its rules take over (ISO day). */
  effectiveOn: string;
  document: BylawsDocument;
}

export interface BylawsVersionSummary {
  version: number;
  summary: string;
  adoptedBy: string | null;
  adoptedAt: string;
  effectiveOn: string;
}

/** In force, scheduled for a later day, or superseded, seen from the version in force. */
export function versionState(
  v: { version: number; effectiveOn: string },
  inForce: { version: number; effectiveOn: string } | undefined,
): 'in-force' | 'scheduled' | 'earlier' {
  if (!inForce) return 'earlier';
  if (v.version === inForce.version) return 'in-force';
  return v.effectiveOn > inForce.effectiveOn ||
    (v.effectiveOn === inForce.effectiveOn && v.version > inForce.version)
    ? 'scheduled'
    : 'earlier';
}
