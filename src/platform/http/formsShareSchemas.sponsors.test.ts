import { newTierSchema, tierRevisionSchema } from '../../agreements/commands/tierInput.ts';
import { newAgreementSchema, quoteTermsSchema } from '../../agreements/input.ts';
import { agreementsRoutes } from '../../agreements/routes.ts';
import { newInvoiceSchema } from '../../invoicing/input.ts';
import { invoicingRoutes } from '../../invoicing/routes.ts';
import { opportunityInputSchema } from '../../pipeline/input.ts';
import { pipelineRoutes } from '../../pipeline/routes.ts';
import { requestInputSchema } from '../../requests/input.ts';
import { requestsRoutes } from '../../requests/routes.ts';
import { vulnerabilityInputSchema } from '../../vulnerabilities/input.ts';
import { vulnerabilitiesRoutes } from '../../vulnerabilities/routes.ts';
import {
  describeSameWords,
  describeSharedSchemas,
  type BadInput,
  type SharedForm,
} from '../../testing/formsShareSchemas.ts';

// The sponsor-facing and money forms beside formsShareSchemas.test.ts: the pipeline, requests,
// vulnerabilities, tiers, quotes, agreements and invoices.

const forms: SharedForm[] = [
  {
    form: 'pipeline/NewOpportunity.tsx',
    module: 'src/pipeline/input.ts',
    schemas: [
      {
        name: 'opportunityInputSchema',
        route: 'POST /api/opportunities',
        schema: opportunityInputSchema,
      },
    ],
    register: pipelineRoutes,
  },
  {
    form: 'requests/NewRequest.tsx',
    module: 'src/requests/input.ts',
    schemas: [
      { name: 'requestInputSchema', route: 'POST /api/requests', schema: requestInputSchema },
    ],
    register: requestsRoutes,
  },
  {
    form: 'vulnerabilities/NewVulnerability.tsx',
    module: 'src/vulnerabilities/input.ts',
    schemas: [
      {
        name: 'vulnerabilityInputSchema',
        route: 'POST /api/vulnerabilities',
        schema: vulnerabilityInputSchema,
      },
    ],
    register: vulnerabilitiesRoutes,
  },
  {
    form: 'agreements/TierForm.tsx',
    module: 'src/agreements/commands/tierInput.ts',
    schemas: [
      { name: 'newTierSchema', route: 'POST /api/tiers', schema: newTierSchema },
      {
        name: 'tierRevisionSchema',
        route: 'POST /api/tiers/:id/versions',
        schema: tierRevisionSchema,
      },
    ],
    register: agreementsRoutes,
  },
  {
    form: 'agreements/NewQuote.tsx',
    module: 'src/agreements/input.ts',
    schemas: [{ name: 'quoteTermsSchema', route: 'POST /api/quotes', schema: quoteTermsSchema }],
    register: agreementsRoutes,
  },
  {
    form: 'agreements/NewAgreement.tsx',
    module: 'src/agreements/input.ts',
    schemas: [
      { name: 'newAgreementSchema', route: 'POST /api/agreements', schema: newAgreementSchema },
    ],
    register: agreementsRoutes,
  },
  {
    form: 'invoicing/NewInvoice.tsx',
    module: 'src/invoicing/input.ts',
    schemas: [{ name: 'newInvoiceSchema', route: 'POST /api/invoices', schema: newInvoiceSchema }],
    register: invoicingRoutes,
  },
];

describeSharedSchemas(forms);

const someId = '0b6c8a4e-8f7e-4d3a-9d7e-2f1c3b5a6d7e';
const cases: BadInput[] = [
  // No organization chosen, a blank title, an amount in German notation, an unknown currency,
  // a day that is no day, a probability over 100.
  {
    url: '/api/opportunities',
    schema: opportunityInputSchema,
    body: {
      organizationId: '',
      title: ' ',
      amount: '30.000,00',
      currency: 'XYZ',
      expectedCloseOn: 'soon',
      probabilityPercent: 120,
    },
  },
  // A champion whose address is none, engineer-months with two decimals.
  {
    url: '/api/opportunities',
    schema: opportunityInputSchema,
    body: {
      organizationId: someId,
      title: 'Support',
      amount: '30000.00',
      currency: 'EUR',
      expectedCloseOn: '2026-09-30',
      champion: { name: 'Ada', email: 'ada' },
      engineerMonths: '2.55',
    },
  },
  // A subject too short, no details, a severity no one knows.
  {
    url: '/api/requests',
    schema: requestInputSchema,
    body: { subject: 'ab', details: ' ', severity: 'urgent' },
  },
  // An attachment of a type that is not taken, and one without a name.
  {
    url: '/api/requests',
    schema: requestInputSchema,
    body: {
      subject: 'The build fails',
      details: 'Since Monday.',
      severity: 'high',
      attachments: [
        { name: 'tool.exe', contentType: 'application/x-msdownload', base64: 'AA==' },
        { name: ' ', contentType: 'text/plain', base64: 'aGk=' },
      ],
    },
  },
  // A title too short, an identifier that is none, an unknown severity, nothing affected.
  {
    url: '/api/vulnerabilities',
    schema: vulnerabilityInputSchema,
    body: { title: 'ab', identifiers: ['nonsense'], severity: 'severe', affected: [] },
  },
  // A slug with spaces, no name, a price in German notation, a period of two months.
  {
    url: '/api/tiers',
    schema: newTierSchema,
    body: {
      slug: 'Gold Tier',
      name: ' ',
      price: '1.500,00',
      currency: 'EUR',
      periodMonths: 2,
      entitlements: { responseHours: {} },
      serviceHoursPerMonth: -1,
    },
  },
  // A new version: a name too long, a price that is no amount, a currency of two letters.
  {
    url: `/api/tiers/${someId}/versions`,
    schema: tierRevisionSchema,
    body: {
      name: 'x'.repeat(101),
      price: 'a lot',
      currency: 'EU',
      periodMonths: 12,
      entitlements: {},
      serviceHoursPerMonth: 0,
    },
  },
  // A quote for no organization, with no title, days that are none, a term of 0 and no lines.
  {
    url: '/api/quotes',
    schema: quoteTermsSchema,
    body: {
      organizationId: '',
      title: '',
      validUntil: 'tomorrow',
      startsOn: '2026-13-01',
      termMonths: 0,
      lines: [],
    },
  },
  // A custom line priced in German notation, with a quantity of 0.
  {
    url: '/api/quotes',
    schema: quoteTermsSchema,
    body: {
      organizationId: someId,
      title: 'Support 2027',
      validUntil: '2026-12-31',
      startsOn: '2027-01-01',
      termMonths: 12,
      lines: [{ description: 'Audit', unitPrice: '12,50', quantity: 0, recurring: false }],
    },
  },
  // An agreement with a contact whose address is none and a renewal notice of 0 days.
  {
    url: '/api/agreements',
    schema: newAgreementSchema,
    body: {
      organizationId: someId,
      title: 'Support',
      startsOn: '2026-01-01',
      termMonths: 12,
      billingPeriodMonths: 2,
      lines: [{ description: 'Audit', unitPrice: '100.00' }],
      billingContacts: [{ name: 'Accounts', email: 'accounts' }],
      renewalNoticeDays: [0],
    },
  },
  // An invoice for no buyer, without lines.
  {
    url: '/api/invoices',
    schema: newInvoiceSchema,
    body: { buyer: { organizationId: '' }, currency: 'EUR', finalize: false, lines: [] },
  },
  // A line with no description, quantity and price in German notation, an unknown category.
  {
    url: '/api/invoices',
    schema: newInvoiceSchema,
    body: {
      buyer: { organizationId: someId },
      currency: 'EUR',
      rounding: 'per-rate',
      lines: [
        {
          description: '',
          quantity: '2,5',
          unitPrice: '12,50',
          vatCategory: 'X',
          vatRate: '19%',
          unitCode: 'C62',
        },
      ],
    },
  },
];

describeSameWords(cases);
