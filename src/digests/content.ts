/**
 * What a digest says, assembled once when it is prepared and kept as data, so the mail, the PDF
 * and the portal say the same whatever language they are rendered in. Minutes and tenths of
 * engineer-months are integers; money is minor units (a string, since bigint has no JSON) with
 * its currency.
 */
export interface DigestContent {
  organization: { id: string; name: string };
  period: { from: string; to: string; frequency: string };
  agreement: {
    number: string;
    tiers: string[];
    perPeriodMinor: string;
    currency: string;
    billingPeriodMonths: number;
  } | null;
  /** Work items touching the sponsor (its own, or tagged with its topics) with time logged. */
  work: {
    id: string;
    title: string;
    status: string;
    minutes: number;
    finished: boolean;
  }[];
  requests: {
    number: number;
    subject: string;
    severity: string;
    status: string;
    openedAt: string;
    /** The co-op's minutes on it within the period. */
    minutes: number;
    /** Minutes from opening to the co-op's first reply (wall clock); null while unanswered. */
    firstResponseMinutes: number | null;
    firstResponseMet: boolean | null;
  }[];
  clocks: { met: number; breached: number; open: number };
  consultations: {
    title: string;
    whatChanges: string;
    answerBy: string;
    answered: boolean;
    objected: boolean;
    overdue: boolean;
  }[];
  vulnerabilities: {
    title: string;
    identifiers: string[];
    severity: string;
    disclosedAt: string;
    impactNoteClock: 'met' | 'breached' | 'running' | 'paused' | null;
  }[];
  /**
   * Releases and planned changes tagged with the sponsor's topics, published or planned to take
   * effect in the period. Absent from digests prepared before the co-op kept releases.
   */
  changes?: {
    title: string;
    project: string;
    version: string | null;
    kind: 'release' | 'deprecation' | 'end-of-support' | 'breaking-change';
    /** The day it took effect when published, else the day it is planned for. */
    day: string;
    published: boolean;
  }[];
  nextCycle: {
    title: string;
    startsOn: string;
    endsOn: string;
    published: boolean;
    items: { title: string; hours: number }[];
  } | null;
  totals: {
    /** The co-op's minutes for the sponsor: time entries on its items and request replies. */
    minutes: number;
    /** Those minutes as engineer-months, in tenths (160 hours a month). */
    engineerMonthsTenths: number;
    /** The sponsor's own answer in the pipeline: engineer-months to replace this themselves. */
    replaceEngineerMonthsTenths: number | null;
  };
}
