import { z } from 'zod';
import { schemaWords } from '../platform/http/validationMessages.ts';

const percent = z.number().int().min(0).max(100);
const classShares = z.object({ sponsors: percent, community: percent, hackers: percent });

const sumsTo100 = (shares: { sponsors: number; community: number; hackers: number }) =>
  shares.sponsors + shares.community + shares.hackers === 100;

export const officerRoleSchema = z.object({
  role: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, schemaWords('useSlugDashes', { example: 'chief-economist' })),
  title: z.string().min(1).max(100),
  termMonths: z.number().int().min(1).max(120),
  duties: z.string().max(2000).default(''),
});

const majority = z.enum(['simple', 'two-thirds', 'three-quarters', 'unanimous']);

/** The kinds of question the members decide, each with its own rules in the bylaws. */
export const questionKinds = ['general', 'budget', 'amendment', 'election'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** How one kind of question is decided. A proposer may make a poll stricter, never looser. */
export const questionRulesSchema = z.object({
  /** The member classes who vote on it; every class when empty. */
  electorate: z.array(z.enum(['hacker', 'sponsor', 'community'])).max(3),
  quorumPercent: percent,
  majority,
  /** Counted by class, each class weighted by its share of the pie. */
  classBalanced: z.boolean(),
  /** The fewest days a vote stays open; it closes sooner only once its outcome cannot change. */
  minimumOpenDays: z.number().int().min(0).max(90),
});
export type QuestionRules = z.infer<typeof questionRulesSchema>;

/**
 * The bylaws as data: what the co-op's software reads to decide. Every later capability
 * (the pie, dividends, elections, expenses) takes its rules from here, never from code.
 */
export const bylawsDocumentSchema = z
  .object({
    /** Shares of hacker time per cycle, per member class, in percent. */
    pie: classShares.refine(sumsTo100, schemaWords('pieSharesSum')),
    cycle: z.object({ lengthMonths: z.number().int().min(1).max(12) }),
    fiscalYear: z.object({ startMonth: z.number().int().min(1).max(12) }),
    decisions: z.object({
      /** Bylaws written before `questions`: the quorum and majority of every question. */
      quorumPercent: percent.optional(),
      majority: majority.optional(),
      bylawAmendmentMajority: majority.optional(),
      secretBallotsForElections: z.boolean(),
      /** The rules of each kind of question (`decisionRules` derives them for older bylaws). */
      questions: z
        .object({
          general: questionRulesSchema,
          budget: questionRulesSchema,
          amendment: questionRulesSchema,
          election: questionRulesSchema,
        })
        .optional(),
      /**
       * What an amendment to the pie shares, the dividend split or these rules for decisions
       * needs: a majority reached in each member class separately (by default two thirds).
       */
      entrenched: z
        .object({ majority, inEachClass: z.boolean() })
        .default({ majority: 'two-thirds', inEachClass: true }),
    }),
    officers: z.array(officerRoleSchema).min(1),
    funding: z.object({
      trailingMonths: z.number().int().min(1).max(60),
      labourHourRateMinor: z.number().int().min(0),
    }),
    dividends: z.object({
      reserves: z.array(z.object({ name: z.string().min(1).max(100), percent })),
      split: classShares.refine(sumsTo100, schemaWords('dividendSplitSum')),
      /** The part of a class's dividend paid out; the rest is retained in capital accounts. */
      cashPercent: z
        .object({ hackers: percent, sponsors: percent, community: percent.default(100) })
        .default({ hackers: 50, sponsors: 100, community: 100 }),
      /**
       * How the community's share is split: kept whole in the community fund, or shared among
       * community members by patronage: their time entries, their contributions to the co-op's
       * repositories, or both (half each). Bylaws written before this setting keep the fund.
       */
      communityPatronage: z.enum(['fund', 'time', 'contributions', 'both']).default('fund'),
    }),
    expenses: z
      .object({
        /** Claims above this (minor units of the co-op's currency) need two approvers. */
        dualApprovalAboveMinor: z.number().int().min(0),
      })
      .default({ dualApprovalAboveMinor: 100000 }),
    /** Warnings to officers when funding concentrates (trailing twelve months). */
    concentration: z
      .object({
        hhiWarning: z.number().int().min(0).max(10000),
        largestSponsorPercentWarning: percent,
      })
      .default({ hhiWarning: 2500, largestSponsorPercentWarning: 40 }),
    compensation: z.object({
      targetDescription: z.string().max(500),
      targetAnnualMinor: z.number().int().min(0),
    }),
    /**
     * Capacity planning: the sponsor-service hours a hacker gives a month, and how many sponsors
     * one hacker serves comfortably and at most before the co-op should hire (a maintainer in
     * the founding interviews served six comfortably and put the top at fifteen to twenty).
     * Crossing either warns officers; nothing is refused.
     */
    capacity: z
      .object({
        serviceHoursPerHackerMonth: z.number().int().min(0).max(300),
        comfortableClientsPerHacker: z.number().int().min(1).max(100),
        clientsPerHackerBeforeHiring: z.number().int().min(1).max(100),
        maxLoadPercent: percent,
      })
      .default({
        serviceHoursPerHackerMonth: 40,
        comfortableClientsPerHacker: 6,
        clientsPerHackerBeforeHiring: 15,
        maxLoadPercent: 85,
      }),
    transparency: z.object({
      publishMemberDirectory: z.boolean(),
      publishFinanceSummary: z.boolean(),
      publishPersonalPay: z.boolean(),
      /**
       * A class-balanced poll publishes a class's own figures only when at least this many of
       * its members voted: below it, they would be one or two people's votes.
       */
      minimumClassBallots: z.number().int().min(1).max(1000).default(5),
      /**
       * Members read each sponsor's funding by name in the reports; otherwise officers do,
       * a sponsor's representatives see their own, and the rest is one line. Bylaws written
       * before this setting publish nothing more than they did.
       */
      publishSponsorFunding: z.boolean().default(false),
      /**
       * Every active member reads each member's contribution record (commits, sign-offs,
       * reviews, latency); otherwise officers do, and each member their own.
       */
      publishContributions: z.boolean().default(false),
    }),
  })
  .superRefine((doc, ctx) => {
    const { questions, quorumPercent, majority, bylawAmendmentMajority } = doc.decisions;
    if (!questions && (quorumPercent === undefined || !majority || !bylawAmendmentMajority))
      ctx.addIssue({
        code: 'custom',
        path: ['decisions', 'questions'],
        ...schemaWords('questionRules'),
      });
    const roles = new Set<string>();
    doc.officers.forEach((officer, i) => {
      if (roles.has(officer.role))
        ctx.addIssue({
          code: 'custom',
          path: ['officers', i, 'role'],
          ...schemaWords('roleTwice', { role: officer.role }),
        });
      roles.add(officer.role);
    });
    if (doc.capacity.clientsPerHackerBeforeHiring < doc.capacity.comfortableClientsPerHacker)
      ctx.addIssue({
        code: 'custom',
        path: ['capacity', 'clientsPerHackerBeforeHiring'],
        ...schemaWords('hiringThreshold'),
      });
    const reserved = doc.dividends.reserves.reduce((sum, r) => sum + r.percent, 0);
    if (reserved > 100)
      ctx.addIssue({
        code: 'custom',
        path: ['dividends', 'reserves'],
        ...schemaWords('reservesAtMost100', { reserved }),
      });
  })
  .meta({ id: 'BylawsDocument' });

export type BylawsDocument = z.infer<typeof bylawsDocumentSchema>;

const everyone = { electorate: [], quorumPercent: 20, classBalanced: false };

/** The defaults a new co-op starts from, taken from the product's own example. */
export function defaultBylaws(options: { fiscalYearStartMonth?: number } = {}): BylawsDocument {
  return {
    pie: { sponsors: 40, community: 30, hackers: 30 },
    cycle: { lengthMonths: 3 },
    fiscalYear: { startMonth: options.fiscalYearStartMonth ?? 1 },
    decisions: {
      secretBallotsForElections: true,
      questions: {
        general: { ...everyone, majority: 'simple', minimumOpenDays: 7 },
        budget: { ...everyone, majority: 'simple', minimumOpenDays: 7 },
        amendment: { ...everyone, majority: 'two-thirds', minimumOpenDays: 14 },
        election: { ...everyone, majority: 'simple', minimumOpenDays: 7 },
      },
      entrenched: { majority: 'two-thirds', inEachClass: true },
    },
    officers: [
      {
        role: 'chief-economist',
        title: 'Chief Economist',
        termMonths: 24,
        duties: 'Finances, sponsor contracts and employment contracts.',
      },
      {
        role: 'chief-technologist',
        title: 'Chief Technologist',
        termMonths: 24,
        duties: 'Infrastructure and technical moderation.',
      },
    ],
    funding: { trailingMonths: 12, labourHourRateMinor: 10000 },
    dividends: {
      reserves: [{ name: 'Statutory reserve', percent: 10 }],
      split: { hackers: 50, sponsors: 30, community: 20 },
      cashPercent: { hackers: 50, sponsors: 100, community: 100 },
      communityPatronage: 'fund',
    },
    expenses: { dualApprovalAboveMinor: 100000 },
    concentration: { hhiWarning: 2500, largestSponsorPercentWarning: 40 },
    compensation: {
      targetDescription: 'A comfortable living: a senior engineer’s total compensation in Germany',
      targetAnnualMinor: 9000000,
    },
    capacity: {
      serviceHoursPerHackerMonth: 40,
      comfortableClientsPerHacker: 6,
      clientsPerHackerBeforeHiring: 15,
      maxLoadPercent: 85,
    },
    transparency: {
      publishMemberDirectory: false,
      publishFinanceSummary: true,
      publishPersonalPay: false,
      minimumClassBallots: 5,
      publishSponsorFunding: false,
      publishContributions: false,
    },
  };
}
