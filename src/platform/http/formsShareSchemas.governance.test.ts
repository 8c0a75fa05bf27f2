import { amendBylawsInputSchema } from '../../bylaws/amendmentInput.ts';
import { bylawsRoutes } from '../../bylaws/routes.ts';
import { availabilityInputSchema } from '../../governance/availabilityInput.ts';
import { fundingInputSchema } from '../../governance/fundingInput.ts';
import { nominationInputSchema } from '../../governance/nominationInput.ts';
import { planClaimInputSchema } from '../../governance/planClaimInput.ts';
import { pollRoutes } from '../../governance/pollRoutes.ts';
import { governanceRoutes } from '../../governance/routes.ts';
import { describeSameWords, describeSharedSchemas } from '../../testing/formsShareSchemas.ts';

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
    form: 'bylaws/AmendBylaws.tsx',
    module: 'src/bylaws/amendmentInput.ts',
    schemas: [
      { name: 'amendBylawsInputSchema', route: 'POST /api/bylaws', schema: amendBylawsInputSchema },
    ],
    register: bylawsRoutes,
  },
]);

// The body is checked before the cycle or poll in the path is looked for: any id will do.
const id = '00000000-0000-4000-8000-000000000001';

describeSameWords([
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
]);
