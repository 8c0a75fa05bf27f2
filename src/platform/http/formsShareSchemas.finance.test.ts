import { financeRoutes } from '../../finance/routes.ts';
import { importStatementInputSchema } from '../../finance/statements/importInput.ts';
import { statementRoutes } from '../../finance/statements/routes.ts';
import { closeYearInputSchema } from '../../finance/yearEnd/closeYearInput.ts';
import { sponsorPaymentInputSchema } from '../../finance/sponsorPaymentInput.ts';
import { invoicingRoutes } from '../../invoicing/routes.ts';
import { invoicingSettingsSchema } from '../../invoicing/settingsInput.ts';
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
  {
    form: 'invoicing/InvoicingSettings.tsx',
    module: 'src/invoicing/settingsInput.ts',
    schemas: [
      {
        name: 'invoicingSettingsSchema',
        route: 'PATCH /api/invoicing/settings',
        schema: invoicingSettingsSchema,
      },
    ],
    register: invoicingRoutes,
  },
  {
    form: 'finance/YearEnd.tsx',
    module: 'src/finance/yearEnd/closeYearInput.ts',
    schemas: [
      {
        name: 'closeYearInputSchema',
        route: 'POST /api/ledger/year-end',
        schema: closeYearInputSchema,
      },
    ],
    register: financeRoutes,
  },
  {
    form: 'finance/Bank.tsx',
    module: 'src/finance/statements/importInput.ts',
    schemas: [
      {
        name: 'importStatementInputSchema',
        route: 'POST /api/ledger/statements',
        schema: importStatementInputSchema,
      },
    ],
    register: statementRoutes,
  },
]);

describeSameWords([
  // No year chosen; a year out of any books' range.
  { url: '/api/ledger/year-end', schema: closeYearInputSchema, body: { dryRun: true } },
  {
    url: '/api/ledger/year-end',
    schema: closeYearInputSchema,
    body: { fiscalYear: 1800, dryRun: true },
  },
  // No file chosen; an empty file, a character set that is none, no account named.
  {
    url: '/api/ledger/statements',
    schema: importStatementInputSchema,
    body: { acceptMismatch: false },
  },
  {
    url: '/api/ledger/statements',
    schema: importStatementInputSchema,
    body: { fileName: 'bank.xml', contentBase64: '', charset: 'ebcdic', account: ' ' },
  },
  // No sponsor chosen, a day that is no day, an amount in another notation, a reference too long.
  {
    url: '/api/ledger/sponsor-payments',
    schema: sponsorPaymentInputSchema,
    body: { receivedOn: '3 May', amount: '12,50', reference: 'r'.repeat(201) },
  },
  // A legal name too short, a country that is no code, an address that is none, an IBAN and a
  // prefix that are neither, terms the form could not read (sent as null), and reminder stages
  // out of order, one with days it could not read.
  {
    method: 'PATCH',
    url: '/api/invoicing/settings',
    schema: invoicingSettingsSchema,
    body: {
      legalName: 'A',
      country: 'Germany',
      email: 'nobody',
      iban: 'DE00',
      invoicePrefix: 'R 2026',
      paymentTermsDays: null,
      dunningStages: [
        { afterDays: 14, label: 'Reminder' },
        { afterDays: 7, label: 'Second' },
        { afterDays: null, label: 'Third' },
      ],
    },
  },
]);
