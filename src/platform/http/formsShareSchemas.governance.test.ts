import { fundingInputSchema } from '../../governance/fundingInput.ts';
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
]);

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
]);
