/** The stages an opportunity moves through, in order; won and lost close it. */
export const stages = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;
export type Stage = (typeof stages)[number];
export const openStages = ['lead', 'qualified', 'proposal', 'negotiation'] as const;
export const isOpen = (stage: Stage): boolean => stage !== 'won' && stage !== 'lost';

export const opportunityKinds = ['new', 'renewal'] as const;
export type OpportunityKind = (typeof opportunityKinds)[number];

/** The probability a stage starts with; an officer may set another. */
export const defaultProbability: Record<Stage, number> = {
  lead: 10,
  qualified: 25,
  proposal: 50,
  negotiation: 75,
  won: 100,
  lost: 0,
};

/** An open opportunity with no change for this many days is flagged stale on the board. */
export const STALE_AFTER_DAYS = 14;
