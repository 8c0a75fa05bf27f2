import { expect } from 'vitest';
import { setLocale } from '../../../web/src/app/i18n.ts';
import { refusalFieldErrors } from '../../../web/src/app/api.ts';
import { amendBylawsInputSchema } from '../../bylaws/amendmentInput.ts';
import { bylawsRoutes } from '../../bylaws/routes.ts';
import { availabilityInputSchema } from '../../governance/availabilityInput.ts';
import { createCycleInputSchema } from '../../governance/cycleInput.ts';
import { fundingInputSchema } from '../../governance/fundingInput.ts';
import { nominationInputSchema } from '../../governance/nominationInput.ts';
import {
  checkSurveyBallot,
  surveyBallotInputSchema,
  surveyBallotRefusal,
} from '../../governance/plan/surveyBallot.ts';
import { planClaimInputSchema } from '../../governance/planClaimInput.ts';
import { electionInputSchema, proposalInputSchema } from '../../governance/pollInput.ts';
import { pollRoutes } from '../../governance/pollRoutes.ts';
import { governanceRoutes } from '../../governance/routes.ts';
import { sponsorPointsInputSchema } from '../../governance/sponsorPointsRule.ts';
import { timeEntryBodySchema } from '../../governance/timeEntryInput.ts';
import { checkBallotContent, voteInputSchema } from '../../governance/voteInput.ts';
import type { PollMethod, SurveyMethod } from '../../governance/schema.ts';
import {
  describeSameRefusals,
  describeSameWords,
  describeSharedSchemas,
} from '../../testing/formsShareSchemas.ts';
import { addMember } from '../../testing/testApp.ts';

describeSharedSchemas([
  {
    form: 'governance/RecordFunding.tsx',
    module: 'src/governance/fundingInput.ts',
    schemas: [
      { name: 'fundingInputSchema', route: 'POST /api/funding', schema: fundingInputSchema },
    ],
    register: governanceRoutes,
  },
  {
    form: 'governance/AssignHoursForm.tsx',
    module: 'src/governance/planClaimInput.ts',
    schemas: [
      {
        name: 'planClaimInputSchema',
        route: 'POST /api/cycles/:id/plan/:itemId/claim',
        schema: planClaimInputSchema,
      },
    ],
    register: governanceRoutes,
  },
  {
    form: 'governance/Availability.tsx',
    module: 'src/governance/availabilityInput.ts',
    schemas: [
      {
        name: 'availabilityInputSchema',
        route: 'POST /api/cycles/:id/availability/:personId',
        schema: availabilityInputSchema,
      },
    ],
    register: governanceRoutes,
  },
  {
    form: 'governance/Nominations.tsx',
    module: 'src/governance/nominationInput.ts',
    schemas: [
      {
        name: 'nominationInputSchema',
        route: 'POST /api/polls/:id/nominations',
        schema: nominationInputSchema,
      },
    ],
    register: pollRoutes,
  },
  {
    form: 'governance/VoteForm.tsx',
    module: 'src/governance/voteInput.ts',
    schemas: [
      { name: 'voteInputSchema', route: 'POST /api/polls/:id/votes', schema: voteInputSchema },
    ],
    register: pollRoutes,
    // The ballot's content by the poll's method: the vote command's own check.
    commandChecks: [{ name: 'checkBallotContent', command: 'src/governance/commands/castVote.ts' }],
  },
  {
    form: 'governance/CommunitySurvey.tsx',
    module: 'src/governance/plan/surveyBallot.ts',
    schemas: [
      {
        name: 'surveyBallotInputSchema',
        route: 'POST /api/cycles/:id/survey-ballot',
        schema: surveyBallotInputSchema,
      },
    ],
    register: governanceRoutes,
    // The ballot by the cycle's method, items and credits: the survey command's own check.
    commandChecks: [
      { name: 'checkSurveyBallot', command: 'src/governance/commands/castSurveyBallot.ts' },
      { name: 'surveyBallotRefusal', command: 'src/governance/commands/castSurveyBallot.ts' },
    ],
  },
  {
    form: 'governance/SponsorPoints.tsx',
    module: 'src/governance/sponsorPointsRule.ts',
    schemas: [
      {
        name: 'sponsorPointsInputSchema',
        route: 'POST /api/cycles/:id/sponsor-points',
        schema: sponsorPointsInputSchema,
      },
    ],
    register: governanceRoutes,
  },
  {
    form: 'bylaws/AmendBylaws.tsx',
    module: 'src/bylaws/amendmentInput.ts',
    schemas: [
      { name: 'amendBylawsInputSchema', route: 'POST /api/bylaws', schema: amendBylawsInputSchema },
    ],
    register: bylawsRoutes,
  },
  {
    form: 'governance/Cycles.tsx',
    module: 'src/governance/cycleInput.ts',
    schemas: [
      { name: 'createCycleInputSchema', route: 'POST /api/cycles', schema: createCycleInputSchema },
    ],
    register: governanceRoutes,
  },
  {
    form: 'governance/Votes.tsx',
    module: 'src/governance/pollInput.ts',
    schemas: [
      { name: 'proposalInputSchema', route: 'POST /api/proposals', schema: proposalInputSchema },
      { name: 'electionInputSchema', route: 'POST /api/elections', schema: electionInputSchema },
    ],
    register: pollRoutes,
  },
  {
    form: 'governance/Plan.tsx',
    module: 'src/governance/planClaimInput.ts',
    schemas: [
      {
        name: 'planClaimInputSchema',
        route: 'POST /api/cycles/:id/plan/:itemId/claim',
        schema: planClaimInputSchema,
      },
    ],
    register: governanceRoutes,
  },
  {
    form: 'governance/Plan.tsx',
    module: 'src/governance/timeEntryInput.ts',
    schemas: [
      { name: 'timeEntryBodySchema', route: 'POST /api/time-entries', schema: timeEntryBodySchema },
    ],
    register: governanceRoutes,
  },
]);

// The body is checked before the cycle or poll in the path is looked for: any id will do.
const id = '00000000-0000-4000-8000-000000000001';

const [item1, item2, item3] = [
  '00000000-0000-4000-8000-000000000011',
  '00000000-0000-4000-8000-000000000012',
  '00000000-0000-4000-8000-000000000013',
];

describeSameWords([
  // Points that are negative and not whole, beside 80: refused, not shown as "77 of 100" while
  // 82 would be kept; and more than 100 in all.
  {
    url: `/api/cycles/${id}/sponsor-points`,
    schema: sponsorPointsInputSchema,
    body: { points: { [item1]: 80, [item2]: -5, [item3]: 2.5 } },
  },
  {
    url: `/api/cycles/${id}/sponsor-points`,
    schema: sponsorPointsInputSchema,
    body: { points: { [item1]: 60, [item2]: 41 } },
  },
  // A receipt too short to be one.
  {
    url: `/api/polls/${id}/votes`,
    schema: voteInputSchema,
    body: { content: { choice: 'yes' }, receipt: 'short' },
  },
  // A field the survey does not take.
  {
    url: `/api/cycles/${id}/survey-ballot`,
    schema: surveyBallotInputSchema,
    body: { ballot: { approve: [] }, comment: 'none' },
  },
  // No organization chosen, an amount that is no count of cents, labour hours below zero and
  // a note too long.
  {
    url: '/api/funding',
    schema: fundingInputSchema,
    body: {
      receivedOn: '2026-01-05',
      amountMinor: '12,50',
      labourHours: -1,
      note: 'n'.repeat(501),
    },
  },
  // Hours left empty; hours past the most a cycle holds, given to someone who is no id.
  { url: `/api/cycles/${id}/plan/${id}/claim`, schema: planClaimInputSchema, body: {} },
  {
    url: `/api/cycles/${id}/plan/${id}/claim`,
    schema: planClaimInputSchema,
    body: { hours: 2_001, personId: 'someone' },
  },
  // Hours left empty and a note too long; hours that are not whole, past the most a cycle holds.
  {
    url: `/api/cycles/${id}/availability/${id}`,
    schema: availabilityInputSchema,
    body: { note: 'n'.repeat(501) },
  },
  {
    url: `/api/cycles/${id}/availability/${id}`,
    schema: availabilityInputSchema,
    body: { hours: 2_000.5 },
  },
  // No member chosen and a statement too long.
  {
    url: `/api/polls/${id}/nominations`,
    schema: nominationInputSchema,
    body: { statement: 's'.repeat(5_001) },
  },
  // A summary too short, a day that is no day, and a draft whose pie does not sum to 100, whose
  // cycle length was left empty (null, as the form sends a number box left empty) and whose
  // other parts are missing.
  {
    url: '/api/bylaws',
    schema: amendBylawsInputSchema,
    body: {
      summary: ' A ',
      effectiveOn: '3 May',
      document: {
        pie: { sponsors: 50, community: 30, hackers: 30 },
        cycle: { lengthMonths: null },
      },
    },
  },
  // A cycle with a title too short, times that are none, no first day of work, a last day before
  // it and credits left empty; one whose voting closes before it opens.
  {
    url: '/api/cycles',
    schema: createCycleInputSchema,
    body: {
      title: 'Q',
      endsOn: '2027-01-01',
      surveyMethod: 'quadratic',
      quadraticCredits: null,
    },
  },
  {
    url: '/api/cycles',
    schema: createCycleInputSchema,
    body: {
      title: '2027 Q3',
      votingOpensAt: '2027-06-10T09:00:00.000Z',
      votingClosesAt: '2027-06-01T09:00:00.000Z',
      startsOn: '2027-07-01',
      endsOn: '2027-06-01',
      surveyMethod: 'approval',
    },
  },
  // A proposal with a question too short, one option, a quorum past 100 and no times; a budget
  // proposal whose line has no account and an amount in another notation, and ends before it
  // starts; an election with no office, no seats, closing before it opens.
  {
    url: '/api/proposals',
    schema: proposalInputSchema,
    body: { title: 'Go', method: 'approval', options: ['Only'], quorumPercent: 120 },
  },
  {
    url: '/api/proposals',
    schema: proposalInputSchema,
    body: {
      title: 'The 2027 budget',
      method: 'yes-no',
      budget: [{ fromDay: '2027-06-30', toDay: '2027-01-01', amount: '1.200,00' }],
      opensAt: '2027-06-01T09:00:00.000Z',
      closesAt: '2027-06-08T09:00:00.000Z',
    },
  },
  {
    url: '/api/elections',
    schema: electionInputSchema,
    body: {
      seats: null,
      method: 'irv',
      opensAt: '2027-06-10T09:00:00.000Z',
      closesAt: '2027-06-01T09:00:00.000Z',
    },
  },
  // Time logged on no item, on a day that is no day, in hours that are not quarters.
  {
    url: '/api/time-entries',
    schema: timeEntryBodySchema,
    body: { workedOn: '3 May', hours: 1.3 },
  },
]);

const day = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * day).toISOString();

describeSameRefusals('a ballot and a survey answer', async (app, admin) => {
  const voter = await addMember(
    app,
    admin,
    { email: 'cora@example.org', name: 'Cora', memberClass: 'community' },
    '10.41.0.1',
  );
  const poll = async (method: PollMethod, options: string[] = []) => {
    const made = await admin.post<{ id: string }>('/api/proposals', {
      title: `A ${method} question`,
      method,
      options,
      opensAt: at(-0.01),
      closesAt: at(15),
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect((await admin.post(`/api/polls/${made.body.id}/open`)).status).toBe(204);
    return made.body.id;
  };
  const yesNo = await poll('yes-no');
  const ranked = await poll('ranked', ['Red', 'Green', 'Blue']);
  const cycle = await admin.post<{ id: string }>('/api/cycles', {
    title: '2027 Q1',
    votingOpensAt: at(1),
    votingClosesAt: at(15),
    startsOn: at(30).slice(0, 10),
    surveyMethod: 'approval',
  });
  expect(cycle.status, JSON.stringify(cycle.body)).toBe(201);
  const advanced = await admin.post(`/api/cycles/${cycle.body.id}/advance`, { from: 'proposing' });
  expect(advanced.status, JSON.stringify(advanced.body)).toBe(200);

  // What the vote form sends for a poll and what it checks it with: the method, the options.
  const vote = (pollId: string, method: PollMethod, options: number, content: unknown) => ({
    url: `/api/polls/${pollId}/votes`,
    body: { content },
    refusal: () => checkBallotContent(method, options, content).refusal,
  });
  // The survey form: the cycle's method, its community items (none proposed here), its credits.
  const survey = (method: SurveyMethod, ballot: unknown) => ({
    url: `/api/cycles/${cycle.body.id}/survey-ballot`,
    body: { ballot },
    refusal: () => {
      const { problems } = checkSurveyBallot(method, ballot, new Set<string>(), 100);
      return problems.length > 0 ? surveyBallotRefusal(problems) : undefined;
    },
  });

  // The product's rule: an empty approval survey is refused beside the items, not "saved".
  const empty = survey('approval', { approve: [] }).refusal()!;
  for (const [locale, words] of [
    ['en', 'Approve at least one item.'],
    ['de', 'Stimme mindestens einer Aufgabe zu.'],
  ] as const) {
    setLocale(locale, { remember: false });
    expect(refusalFieldErrors(empty)).toEqual({ 'ballot.approve': words });
    setLocale('en', { remember: false });
  }

  return {
    client: voter.client,
    cases: [
      // No answer chosen; nothing ranked; an option ranked twice and one that is none.
      vote(yesNo, 'yes-no', 0, {}),
      vote(ranked, 'ranked', 3, { ranking: [] }),
      vote(ranked, 'ranked', 3, { ranking: [1, 1, 4] }),
      // Nothing approved; an item that is not the cycle's.
      survey('approval', { approve: [] }),
      survey('approval', { approve: [item1] }),
    ],
  };
});
