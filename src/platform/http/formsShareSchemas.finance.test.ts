import { expect } from 'vitest';
import { findCoop } from '../../coop/queries.ts';
import { coopAmountMissing } from '../../finance/coopAmountRule.ts';
import { paymentInputSchema, rejectionInputSchema } from '../../finance/expenses/decisionInput.ts';
import { expenseRoutes } from '../../finance/expenses/routes.ts';
import { budgetLineSchema } from '../../finance/reports/budgetInput.ts';
import { reportRoutes } from '../../finance/reports/routes.ts';
import { reversalInputSchema } from '../../finance/reversalInput.ts';
import { financeRoutes } from '../../finance/routes.ts';
import {
  bookBankLineInputSchema,
  ignoreBankLineInputSchema,
} from '../../finance/statements/bankLineInput.ts';
import { readSample } from '../../finance/statements/samples.ts';
import { addBankAccount } from '../../finance/statements/testSupport.ts';
import { importStatementInputSchema } from '../../finance/statements/importInput.ts';
import { statementRoutes } from '../../finance/statements/routes.ts';
import { closeYearInputSchema } from '../../finance/yearEnd/closeYearInput.ts';
import { sponsorPaymentInputSchema } from '../../finance/sponsorPaymentInput.ts';
import { invoicingRoutes } from '../../invoicing/routes.ts';
import { invoicingSettingsSchema } from '../../invoicing/settingsInput.ts';
import { finalizeInputSchema, invoicePaymentSchema } from '../../invoicing/stepsInput.ts';
import { configureSeller, issue, line } from '../../invoicing/testing/fixtures.ts';
import {
  describeSameRefusals,
  describeSameWords,
  describeSharedSchemas,
} from '../../testing/formsShareSchemas.ts';
import { addMember } from '../../testing/testApp.ts';

// A sum in another currency than the co-op's needs its amount in the co-op's: the rule the
// commands run, which the bank line's, the claim's and the invoice's payment forms run too.
const coopAmountRule = (command: string) => ({
  name: 'coopAmountMissing',
  command,
  module: 'src/finance/coopAmountRule.ts',
});

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
  {
    form: 'finance/Bank.tsx',
    module: 'src/finance/statements/bankLineInput.ts',
    schemas: [
      {
        name: 'bookBankLineInputSchema',
        route: 'POST /api/ledger/bank-lines/:id/book',
        schema: bookBankLineInputSchema,
      },
      {
        name: 'ignoreBankLineInputSchema',
        route: 'POST /api/ledger/bank-lines/:id/ignore',
        schema: ignoreBankLineInputSchema,
      },
    ],
    register: statementRoutes,
    commandChecks: [coopAmountRule('src/finance/statements/commands/bankLine.ts')],
  },
  {
    form: 'finance/ClaimPage.tsx',
    module: 'src/finance/expenses/decisionInput.ts',
    schemas: [
      {
        name: 'rejectionInputSchema',
        route: 'POST /api/expenses/claims/:id/reject',
        schema: rejectionInputSchema,
      },
      {
        name: 'paymentInputSchema',
        route: 'POST /api/expenses/claims/:id/pay',
        schema: paymentInputSchema,
      },
    ],
    register: expenseRoutes,
    commandChecks: [coopAmountRule('src/finance/expenses/commands/payClaim.ts')],
  },
  {
    form: 'invoicing/InvoicePage.tsx',
    module: 'src/invoicing/stepsInput.ts',
    schemas: [
      {
        name: 'finalizeInputSchema',
        route: 'POST /api/invoices/:id/finalize',
        schema: finalizeInputSchema,
      },
      {
        name: 'invoicePaymentSchema',
        route: 'POST /api/invoices/:id/payments',
        schema: invoicePaymentSchema,
      },
    ],
    register: invoicingRoutes,
    commandChecks: [coopAmountRule('src/invoicing/commands/recordInvoicePayment.ts')],
  },
  {
    form: 'finance/Entries.tsx',
    module: 'src/finance/reversalInput.ts',
    schemas: [
      {
        name: 'reversalInputSchema',
        route: 'POST /api/ledger/entries/:id/reverse',
        schema: reversalInputSchema,
      },
    ],
    register: financeRoutes,
  },
  {
    form: 'finance/Reports.tsx',
    module: 'src/finance/reports/budgetInput.ts',
    schemas: [{ name: 'budgetLineSchema', route: 'POST /api/budgets', schema: budgetLineSchema }],
    register: reportRoutes,
  },
]);

// Bad values are refused before the record is looked up: any id will do.
const someId = '00000000-0000-4000-8000-000000000000';

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
  // A bank line booked with no account and a description too long; one booked with an amount
  // in the co-op's currency in another notation; one ignored with a reason too long.
  {
    url: `/api/ledger/bank-lines/${someId}/book`,
    schema: bookBankLineInputSchema,
    body: { description: 'd'.repeat(501) },
  },
  {
    url: `/api/ledger/bank-lines/${someId}/book`,
    schema: bookBankLineInputSchema,
    body: { account: '5200', coopAmount: '45,00' },
  },
  {
    url: `/api/ledger/bank-lines/${someId}/ignore`,
    schema: ignoreBankLineInputSchema,
    body: { reason: 'r'.repeat(501) },
  },
  // A claim rejected without saying why, or in too few words; paid on a day that is no day,
  // with an amount in another notation.
  { url: `/api/expenses/claims/${someId}/reject`, schema: rejectionInputSchema, body: {} },
  {
    url: `/api/expenses/claims/${someId}/reject`,
    schema: rejectionInputSchema,
    body: { reason: ' no ' },
  },
  {
    url: `/api/expenses/claims/${someId}/pay`,
    schema: paymentInputSchema,
    body: { paidOn: '3 May', coopAmount: '45,00' },
  },
  // An invoice finalised at a rate that is none; a payment with no amount, on a day that is
  // no day, and one in another notation.
  {
    url: `/api/invoices/${someId}/finalize`,
    schema: finalizeInputSchema,
    body: { exchangeRate: { rate: '0,92', source: 'entered' } },
  },
  {
    url: `/api/invoices/${someId}/payments`,
    schema: invoicePaymentSchema,
    body: { receivedOn: '3 May' },
  },
  {
    url: `/api/invoices/${someId}/payments`,
    schema: invoicePaymentSchema,
    body: { amount: '1.190,00', receivedOn: '2027-03-20', coopAmount: '-5' },
  },
  // An entry reversed without a reason, on a day that is no day.
  {
    url: `/api/ledger/entries/${someId}/reverse`,
    schema: reversalInputSchema,
    body: { reason: 'x', effectiveOn: '3 May' },
  },
  // A budget line with no account nor amount, ending before it starts; one in another notation.
  {
    url: '/api/budgets',
    schema: budgetLineSchema,
    body: { fromDay: '2027-06-30', toDay: '2027-01-01' },
  },
  {
    url: '/api/budgets',
    schema: budgetLineSchema,
    body: { account: '5200', fromDay: '2027-01-01', toDay: '2027-06-30', amount: '1.200,00' },
  },
]);

describeSameRefusals('an amount in the co-op’s currency', async (app, admin) => {
  const coopId = (await findCoop(app.database.db))!.id;
  const today = new Date().toISOString().slice(0, 10);
  const inEuros = { coopCurrency: 'EUR' };
  // A bank line in US dollars, booked without its amount in euros.
  await addBankAccount(app.database.db, coopId, '1118', 'wells-fargo');
  const imported = await admin.post('/api/ledger/statements', {
    fileName: 'ofx102-sgml-wellsfargo-checking.ofx',
    content: readSample('ofx102-sgml-wellsfargo-checking.ofx'),
    account: '1118',
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  const lines = await admin.get<{ lines: { id: string; currency: string }[] }>(
    '/api/ledger/bank-lines?account=1118&limit=1',
  );
  const [bankLine] = lines.body.lines;
  expect(bankLine?.currency).toBe('USD');
  // An invoice in US dollars, paid without what arrived in euros.
  await configureSeller(admin);
  const invoice = await issue(admin, {
    currency: 'USD',
    exchangeRate: { rate: '0.9', source: 'ECB' },
    lines: [line('1000.00')],
  });
  // A claim in US dollars, approved by two others (a foreign claim needs two), paid without
  // what it cost in euros.
  const [eve, fay] = [
    await addMember(
      app,
      admin,
      { email: 'eve@example.org', name: 'Eve Hacker', memberClass: 'hacker' },
      '10.42.0.1',
    ),
    await addMember(
      app,
      admin,
      { email: 'fay@example.org', name: 'Fay Economist', memberClass: 'hacker' },
      '10.42.0.2',
    ),
  ];
  const term = await admin.post(`/api/members/${fay.personId}/officer-terms`, {
    role: 'chief-economist',
  });
  expect(term.status, JSON.stringify(term.body)).toBe(201);
  const receipt = await eve.client.post<{ id: string }>('/api/expenses/receipts', {
    name: 'ticket.pdf',
    contentType: 'application/pdf',
    base64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
  });
  expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
  const claim = await eve.client.post<{ id: string }>('/api/expenses/claims', {
    title: 'Train to the sprint',
    category: 'travel',
    account: 'expenses:travel',
    incurredOn: today,
    amount: '42.00',
    currency: 'USD',
    receiptFileId: receipt.body.id,
  });
  expect(claim.status, JSON.stringify(claim.body)).toBe(201);
  const claimUrl = `/api/expenses/claims/${claim.body.id}`;
  expect((await eve.client.post(`${claimUrl}/submit`)).status).toBe(200);
  for (const approver of [admin, fay.client]) {
    const approved = await approver.post(`${claimUrl}/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  }
  return {
    client: admin,
    cases: [
      {
        url: `/api/ledger/bank-lines/${bankLine!.id}/book`,
        body: { account: '5200' },
        refusal: () => coopAmountMissing('bank-line', { currency: 'USD', ...inEuros }),
      },
      {
        url: `/api/invoices/${invoice.id}/payments`,
        body: { amount: '1190.00', receivedOn: today },
        refusal: () => coopAmountMissing('invoice', { currency: 'USD', ...inEuros }),
      },
      {
        url: `${claimUrl}/pay`,
        body: { paidOn: today },
        refusal: () => coopAmountMissing('claim', { currency: 'USD', ...inEuros }),
      },
    ],
  };
});
