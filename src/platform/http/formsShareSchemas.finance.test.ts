import { financeRoutes } from '../../finance/routes.ts';
import { sponsorPaymentInputSchema } from '../../finance/sponsorPaymentInput.ts';
import { describeSameWords, describeSharedSchemas } from '../../testing/formsShareSchemas.ts';

describeSharedSchemas([
  {
    form: 'finance/SponsorPayment.tsx',
    module: 'src/finance/sponsorPaymentInput.ts',
    schemas: [
      {
        name: 'sponsorPaymentInputSchema',
        route: 'POST /api/ledger/sponsor-payments',
        schema: sponsorPaymentInputSchema,
      },
    ],
    register: financeRoutes,
  },
]);

describeSameWords([
  // No sponsor chosen, a day that is no day, an amount in another notation, a reference too long.
  {
    url: '/api/ledger/sponsor-payments',
    schema: sponsorPaymentInputSchema,
    body: { receivedOn: '3 May', amount: '12,50', reference: 'r'.repeat(201) },
  },
]);
