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
  document: BylawsDocument;
}

export interface BylawsVersionSummary {
  version: number;
  summary: string;
  adoptedBy: string | null;
  adoptedAt: string;
}
