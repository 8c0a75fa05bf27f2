/** The governance API's shapes (see GET /api/openapi.json, tag "governance"). */

export type Slice = 'sponsors' | 'community' | 'hackers';
export type CyclePhase = 'proposing' | 'voting' | 'planned' | 'in-progress' | 'closed';
export type SurveyMethod = 'approval' | 'score' | 'ranked' | 'quadratic';
export type WorkItemKind =
  'feature' | 'bug' | 'patch-integration' | 'infrastructure' | 'research' | 'hackers-own';
export type WorkItemStatus =
  'proposed' | 'planned' | 'in-progress' | 'done' | 'merged' | 'split' | 'withdrawn';

export interface Cycle {
  id: string;
  title: string;
  phase: CyclePhase;
  votingOpensAt: string;
  votingClosesAt: string;
  startsOn: string;
  endsOn: string;
  surveyMethod: SurveyMethod;
  quadraticCredits: number;
  bylawsVersion: number;
  createdAt: string;
}

export interface WorkItem {
  id: string;
  cycleId: string | null;
  title: string;
  description: string;
  kind: WorkItemKind;
  originClass: Slice;
  proposedBy: string | null;
  proposedByName: string | null;
  organizationId: string | null;
  organizationName: string | null;
  topics: string[];
  links: string[];
  estimateHours: number;
  status: WorkItemStatus;
  mergedInto: string | null;
  splitFrom: string | null;
  createdAt: string;
}

export interface Availability {
  personId: string;
  displayName: string;
  hours: number;
  note: string;
}

export interface PlanItem {
  workItemId: string;
  slice: Slice;
  /** A whole number as a decimal string (sponsor support is funding × points). */
  support: string;
  hours: number;
  capped: boolean;
  actualHours: number;
  assignments: { personId: string; displayName: string; hours: number }[];
}

export interface AllocationRound {
  hoursToShare: number;
  totalSupport: string;
  capped: { id: string; capHours: number; exactShare: string }[];
}

export interface SliceAllocation {
  allocations: { id: string; hours: number; capped: boolean }[];
  unallocated: number;
  rounds: AllocationRound[];
}

/** The plan's arithmetic, kept with the plan when it is published. */
export interface PlanComputation {
  capacity: number;
  slices: Record<Slice, number>;
  hackerShares: Record<string, number>;
  sponsorSupport: Record<string, string>;
  sponsor: SliceAllocation;
  community: SliceAllocation;
  hackerItems: Record<string, number>;
  hackerUndeclared: Record<string, number>;
}

export type SurveyBallot =
  | { approve: string[] }
  | { scores: Record<string, number> }
  | { ranking: string[] }
  | { votes: Record<string, number> };

export interface CycleDetail {
  cycle: Cycle;
  items: WorkItem[];
  availability: Availability[];
  capacity: number;
  participation: { surveyBallots: number; sponsorsVoted: number };
  mine: {
    sponsorPoints: Record<string, number>;
    surveyBallot: { ballot: SurveyBallot; castAt: string } | null;
    declarations: Record<string, number>;
  };
  plan: PlanItem[];
  computation: PlanComputation | null;
}

// Polls

export type PollKind = 'proposal' | 'election';
export type PollMethod =
  'yes-no' | 'approval' | 'score' | 'ranked' | 'schulze' | 'irv' | 'scottish-stv' | 'meek-stv';
export type PollStatus = 'nominating' | 'scheduled' | 'open' | 'closed';
export type Threshold = 'simple' | 'two-thirds' | 'three-quarters' | 'unanimous';

export interface PollSummary {
  id: string;
  kind: PollKind;
  title: string;
  method: PollMethod;
  status: PollStatus;
  opensAt: string;
  closesAt: string;
  officeRole: string | null;
}

/** The count's own types: the web app shows exactly what the tally engine returns. */
export type {
  CandidateStatus,
  Round,
  RoundAction,
  TallyResult,
  TieBreak,
  TransferValue,
} from '../../../src/governance/tally/types.ts';
import type { TallyResult } from '../../../src/governance/tally/types.ts';

export interface PollResult {
  electorate: number;
  ballots: number;
  turnoutPercent: string;
  quorumMet: boolean;
  totals: Record<string, Record<string, number>>;
  yesShare?: string;
  passed?: boolean;
  chosen: string[];
  tally?: TallyResult;
  explanation: string[];
}

export interface Poll {
  id: string;
  kind: PollKind;
  title: string;
  body: string;
  method: PollMethod;
  threshold: Threshold;
  seats: number;
  electorate: string[];
  quorumPercent: number;
  classBalanced: boolean;
  secret: boolean;
  opensAt: string;
  closesAt: string;
  status: PollStatus;
  officeRole: string | null;
  amendsBylaws: boolean;
  /** When a passed amendment takes effect; null: the day of the close. */
  bylawsEffectiveOn: string | null;
  /** A budget proposal's lines. */
  budget: { account: string; fromDay: string; toDay: string; amount: string }[] | null;
  result: PollResult | null;
  bylawsVersion: number;
  createdAt: string;
}

export type BallotContent =
  | { choice: 'yes' | 'no' | 'abstain' }
  | { approve: number[] }
  | { scores: Record<string, number> }
  | { ranking: number[] };

export interface PollOption {
  number: number;
  label: string;
  personId: string | null;
}

export interface Nomination {
  personId: string;
  displayName: string;
  statement: string;
  acceptedAt: string | null;
  declinedAt: string | null;
}

export interface PublishedBallot {
  receiptHash: string;
  voterClass: string;
  content: BallotContent;
  personId: string | null;
}

export interface PollDetail {
  poll: Poll;
  proposedBylaws: unknown;
  options: PollOption[];
  nominations: Nomination[];
  votedAt: string | null;
  ballots: PublishedBallot[] | null;
}
