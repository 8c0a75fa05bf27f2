import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';
import { cyclePhases, pollMethods, sliceClasses, surveyMethods, thresholds } from './schema.ts';

// Funding's events live in fundingEvents.ts, which finance's commands import too.

const hoursByItem = z.record(z.string(), z.number().int());

export const cycleCreated = defineEvent({
  name: 'cycle.created',
  subject: 'cycle',
  summary: 'A planning cycle was opened for proposals, with its dates and survey method.',
  data: z.object({
    title: z.string(),
    surveyMethod: z.enum(surveyMethods),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    bylawsVersion: z.number().int(),
  }),
});

export const cyclePhaseChanged = defineEvent({
  name: 'cycle.phase-changed',
  subject: 'cycle',
  summary:
    'A cycle moved on a phase (proposing to voting, planned to in progress...), at its deadline or by an officer.',
  data: z.object({ from: z.enum(cyclePhases), to: z.enum(cyclePhases) }),
});

export const cyclePlanPublished = defineEvent({
  name: 'cycle.plan-published',
  subject: 'cycle',
  summary:
    'Voting closed and the cycle’s plan was computed from the votes: the hackers’ capacity and its split into the slices.',
  data: z.object({
    from: z.enum(cyclePhases),
    to: z.enum(cyclePhases),
    capacity: z.number().int(),
    slices: z.record(z.enum(sliceClasses), z.number().int()),
  }),
});

export const cycleAvailabilitySet = defineEvent({
  name: 'cycle.availability-set',
  subject: 'cycle',
  summary: 'A hacker’s hours for the cycle were set: the capacity the pie divides.',
  data: z.object({ personId: z.uuid(), hours: z.number().int() }),
});

export const cycleSponsorVoted = defineEvent({
  name: 'cycle.sponsor-voted',
  subject: 'cycle',
  summary: 'A sponsor organization spread (or re-spread) its points over the sponsor items.',
  data: z.object({ organizationId: z.uuid(), points: hoursByItem }),
});

export const cycleSurveyAnswered = defineEvent({
  name: 'cycle.survey-answered',
  subject: 'cycle',
  summary: 'A community member answered the cycle’s survey; what they chose is not recorded here.',
  data: z.object({ method: z.enum(surveyMethods), castAt: z.string() }),
});

export const cycleHackerDeclared = defineEvent({
  name: 'cycle.hacker-declared',
  subject: 'cycle',
  summary: 'A hacker declared how they will spend their share of the hacker slice.',
  data: z.object({ hours: hoursByItem }),
});

export const cycleWorkClaimed = defineEvent({
  name: 'cycle.work-claimed',
  subject: 'work-item',
  summary:
    'A hacker took (or released, at 0 hours) hours of a planned item, or an officer assigned them.',
  data: z.object({
    cycleId: z.uuid(),
    hours: z.number().int(),
    personId: z.uuid(),
    assigned: z.boolean(),
  }),
});

export const workItemProposed = defineEvent({
  name: 'work-item.proposed',
  subject: 'work-item',
  summary: 'A work item was proposed, imported, or made by splitting another (`via` says which).',
  data: z.object({
    title: z.string(),
    originClass: z.enum(sliceClasses),
    estimateHours: z.number().int(),
    cycleId: z.uuid().nullable(),
    via: z.string(),
  }),
});

export const workItemMerged = defineEvent({
  name: 'work-item.merged',
  subject: 'work-item',
  summary: 'Duplicate work items were closed into this one.',
  data: z.object({ duplicates: z.array(z.uuid()) }),
});

export const workItemSplit = defineEvent({
  name: 'work-item.split',
  subject: 'work-item',
  summary: 'A work item was split into several; it is kept, marked split.',
  data: z.object({ parts: z.array(z.uuid()) }),
});

export const timeLogged = defineEvent({
  name: 'time.logged',
  subject: 'work-item',
  summary: 'A hacker’s hours on a work item were logged.',
  data: z.object({ personId: z.uuid(), workedOn: z.iso.date(), hours: z.number() }),
});

export const timeImported = defineEvent({
  name: 'time.imported',
  subject: 'coop',
  summary: 'Time entries were imported from a file.',
  data: z.object({ entries: z.number().int(), hours: z.number() }),
});

export const pollCreated = defineEvent({
  name: 'poll.created',
  subject: 'poll',
  summary: 'A proposal was put to a vote, or an election was called (nominations open).',
  data: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('proposal'),
      title: z.string(),
      method: z.enum(pollMethods),
      threshold: z.enum(thresholds),
      bylawAmendment: z.boolean(),
      budgetLines: z.number().int(),
    }),
    z.object({
      kind: z.literal('election'),
      officeRole: z.string(),
      method: z.enum(pollMethods),
      seats: z.number().int(),
    }),
  ]),
});

export const pollOpened = defineEvent({
  name: 'poll.opened',
  subject: 'poll',
  summary: 'A poll’s ballot opened, at its time or by an officer.',
  data: z.object({}),
});

const noContent = z.object({});

/** `CountedAs` of polls/publishBallots.ts: what a close counted the published ballots with. */
const countedAsSchema = z.object({
  method: z.enum(pollMethods),
  threshold: z.enum(thresholds),
  seats: z.number().int(),
  options: z.array(z.string()),
  quorumPercent: z.number().int(),
  classWeights: z.record(z.string(), z.number()).nullable(),
  electorate: z.number().int(),
  requiredClasses: z.array(z.string()).nullable().optional(),
  minimumClassBallots: z.number().int().nullable(),
});

export const pollVoted = defineEvent({
  name: 'poll.voted',
  subject: 'poll',
  summary: 'A member cast a ballot; what was voted is never in the log.',
  data: noContent,
});

export const pollVoteChanged = defineEvent({
  name: 'poll.vote-changed',
  subject: 'poll',
  summary: 'A member changed their ballot before the close.',
  data: noContent,
});

export const pollPaperBallotsImported = defineEvent({
  name: 'poll.paper-ballots-imported',
  subject: 'poll',
  summary: 'Ballots cast on paper were added to an open ranked poll from a BLT file.',
  data: z.object({ ballots: z.number().int(), title: z.string() }),
});

export const pollReminded = defineEvent({
  name: 'poll.reminded',
  subject: 'poll',
  summary: 'The day before the close, the members who had not voted were mailed a reminder.',
  data: z.object({ reminded: z.number().int() }),
});

export const pollClosed = defineEvent({
  name: 'poll.closed',
  subject: 'poll',
  summary:
    'A poll closed and was counted; a passed amendment or budget was adopted, elected officers took office.',
  data: z.object({
    ballots: z.number().int(),
    quorumMet: z.boolean(),
    passed: z.boolean().nullable(),
    chosen: z.array(z.string()),
    adoptedBylawsVersion: z.number().int().nullable(),
    adoptedBudgetLines: z.number().int(),
    elected: z.array(z.object({ personId: z.uuid(), name: z.string() })),
    // Absent from polls closed before the log committed to their ballots.
    ballotsSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional()
      .describe(
        'SHA-256 of the RFC 8785 JSON of the published ballots (the array GET /api/polls/{id} returns, in its order)',
      ),
    countedAs: countedAsSchema
      .optional()
      .describe('What the ballots were counted with, so anyone can count them again'),
  }),
});

export const electionNominated = defineEvent({
  name: 'election.nominated',
  subject: 'poll',
  summary:
    'A member was nominated in an election (accepted at once when they nominated themselves).',
  data: z.object({ personId: z.uuid(), accepted: z.boolean() }),
});

export const electionNominationAccepted = defineEvent({
  name: 'election.nomination-accepted',
  subject: 'poll',
  summary: 'A nominee accepted their nomination: they will be on the ballot.',
  data: noContent,
});

export const electionNominationDeclined = defineEvent({
  name: 'election.nomination-declined',
  subject: 'poll',
  summary: 'A nominee declined their nomination.',
  data: noContent,
});
