// The forms of the co-op's service to its sponsors and its own running: a request's thread, an
// agreement once signed, sending a quote, pay, hacker declarations, sponsors' labour, concerns
// and consultations, moving an opportunity (lost says why), preparing a digest, a digest's note.
import {
  agreementPatchSchema,
  cancellationSchema,
  purchaseOrderInputSchema,
} from '../../agreements/agreementChangesInput.ts';
import { agreementsRoutes } from '../../agreements/routes.ts';
import { sendQuoteSchema } from '../../agreements/sendQuoteInput.ts';
import {
  concernsInputSchema,
  consultationInputSchema,
  itemTopicsInputSchema,
} from '../../concerns/concernsInput.ts';
import { concernsRoutes } from '../../concerns/routes.ts';
import { digestNoteSchema } from '../../digests/noteInput.ts';
import { prepareDigestInputSchema } from '../../digests/prepareInput.ts';
import { digestsRoutes } from '../../digests/routes.ts';
import { payrollRunInputSchema, salaryInputSchema } from '../../finance/payroll/payInput.ts';
import { payrollRoutes } from '../../finance/payroll/routes.ts';
import { declarationInputSchema } from '../../governance/declarationInput.ts';
import { labourReasonInputSchema, sponsorLabourInputSchema } from '../../governance/labourInput.ts';
import { labourRoutes } from '../../governance/labourRoutes.ts';
import { governanceRoutes } from '../../governance/routes.ts';
import { moveInputSchema } from '../../pipeline/input.ts';
import { pipelineRoutes } from '../../pipeline/routes.ts';
import { requestsRoutes } from '../../requests/routes.ts';
import {
  replyInputSchema,
  statusNoteSchema,
  waitingInputSchema,
} from '../../requests/threadInput.ts';
import { describeSameWords, describeSharedSchemas } from '../../testing/formsShareSchemas.ts';

describeSharedSchemas([
  {
    form: 'requests/RequestPage.tsx',
    module: 'src/requests/threadInput.ts',
    schemas: [
      {
        name: 'replyInputSchema',
        route: 'POST /api/requests/:id/replies',
        schema: replyInputSchema,
      },
      {
        name: 'waitingInputSchema',
        route: 'POST /api/requests/:id/waiting',
        schema: waitingInputSchema,
      },
      {
        name: 'statusNoteSchema',
        route: 'POST /api/requests/:id/resolve',
        schema: statusNoteSchema,
      },
      {
        name: 'statusNoteSchema',
        route: 'POST /api/requests/:id/reopen',
        schema: statusNoteSchema,
      },
    ],
    register: requestsRoutes,
  },
  {
    form: 'agreements/AgreementPage.tsx',
    module: 'src/agreements/agreementChangesInput.ts',
    schemas: [
      {
        name: 'purchaseOrderInputSchema',
        route: 'POST /api/agreements/:id/purchase-orders',
        schema: purchaseOrderInputSchema,
      },
      {
        name: 'agreementPatchSchema',
        route: 'PATCH /api/agreements/:id',
        schema: agreementPatchSchema,
      },
      {
        name: 'cancellationSchema',
        route: 'POST /api/agreements/:id/cancel',
        schema: cancellationSchema,
      },
    ],
    register: agreementsRoutes,
  },
  {
    form: 'agreements/QuotePage.tsx',
    module: 'src/agreements/sendQuoteInput.ts',
    schemas: [
      { name: 'sendQuoteSchema', route: 'POST /api/quotes/:id/send', schema: sendQuoteSchema },
    ],
    register: agreementsRoutes,
  },
  {
    form: 'finance/Pay.tsx',
    module: 'src/finance/payroll/payInput.ts',
    schemas: [
      { name: 'salaryInputSchema', route: 'POST /api/payroll/salaries', schema: salaryInputSchema },
      {
        name: 'payrollRunInputSchema',
        route: 'POST /api/payroll/runs',
        schema: payrollRunInputSchema,
      },
    ],
    register: payrollRoutes,
  },
  {
    form: 'governance/HackerDeclarations.tsx',
    module: 'src/governance/declarationInput.ts',
    schemas: [
      {
        name: 'declarationInputSchema',
        route: 'POST /api/cycles/:id/declarations',
        schema: declarationInputSchema,
      },
    ],
    register: governanceRoutes,
  },
  {
    form: 'governance/Labour.tsx',
    module: 'src/governance/labourInput.ts',
    schemas: [
      {
        name: 'sponsorLabourInputSchema',
        route: 'POST /api/sponsor-labour',
        schema: sponsorLabourInputSchema,
      },
      {
        name: 'labourReasonInputSchema',
        route: 'POST /api/sponsor-labour/:id/reject',
        schema: labourReasonInputSchema,
      },
      {
        name: 'labourReasonInputSchema',
        route: 'POST /api/sponsor-labour/:id/reverse',
        schema: labourReasonInputSchema,
      },
    ],
    register: labourRoutes,
  },
  {
    form: 'concerns/pages.tsx',
    module: 'src/concerns/concernsInput.ts',
    schemas: [
      {
        name: 'concernsInputSchema',
        route: 'POST /api/organizations/:id/concerns',
        schema: concernsInputSchema,
      },
    ],
    register: concernsRoutes,
  },
  {
    form: 'concerns/ItemConsultations.tsx',
    module: 'src/concerns/concernsInput.ts',
    schemas: [
      {
        name: 'itemTopicsInputSchema',
        route: 'POST /api/items/:kind/:id/topics',
        schema: itemTopicsInputSchema,
      },
      {
        name: 'consultationInputSchema',
        route: 'POST /api/items/:kind/:id/consultations',
        schema: consultationInputSchema,
      },
    ],
    register: concernsRoutes,
  },
  {
    form: 'pipeline/PipelineBoard.tsx',
    module: 'src/pipeline/input.ts',
    schemas: [
      {
        name: 'moveInputSchema',
        route: 'POST /api/opportunities/:id/move',
        schema: moveInputSchema,
      },
    ],
    register: pipelineRoutes,
  },
  {
    form: 'digests/pages.tsx',
    module: 'src/digests/prepareInput.ts',
    schemas: [
      {
        name: 'prepareDigestInputSchema',
        route: 'POST /api/sponsor-digests',
        schema: prepareDigestInputSchema,
      },
    ],
    register: digestsRoutes,
  },
  {
    form: 'digests/pages.tsx',
    module: 'src/digests/noteInput.ts',
    schemas: [
      {
        name: 'digestNoteSchema',
        route: 'PATCH /api/sponsor-digests/:id',
        schema: digestNoteSchema,
      },
    ],
    register: digestsRoutes,
  },
]);

// Each body is checked before the request, agreement, quote, cycle, labour, organization, item,
// opportunity or digest in the path is looked for.
const id = '00000000-0000-4000-8000-000000000001';

describeSameWords([
  // An empty reply, minutes that are not whole and more than a day, a file of no allowed type.
  {
    url: `/api/requests/${id}/replies`,
    schema: replyInputSchema,
    body: {
      body: '  ',
      minutesSpent: 1500.5,
      attachments: [{ name: 'a.exe', contentType: 'application/x-msdownload', base64: 'AA==' }],
    },
  },
  // A reason too short to say why the request waits.
  { url: `/api/requests/${id}/waiting`, schema: waitingInputSchema, body: { reason: 'no' } },
  // A resolving note too long.
  {
    url: `/api/requests/${id}/resolve`,
    schema: statusNoteSchema,
    body: { note: 'n'.repeat(2001) },
  },
  // A purchase order with no number, an amount in another notation, days that are none.
  {
    url: `/api/agreements/${id}/purchase-orders`,
    schema: purchaseOrderInputSchema,
    body: { number: ' ', amount: '12,50', validFrom: '1 May', validUntil: '' },
  },
  // A contact whose address is none, and notice days out of range.
  {
    method: 'PATCH',
    url: `/api/agreements/${id}`,
    schema: agreementPatchSchema,
    body: { billingContacts: [{ name: 'Ada', email: 'ada' }], noticeDays: 400 },
  },
  // No reason to cancel.
  { url: `/api/agreements/${id}/cancel`, schema: cancellationSchema, body: { reason: ' ' } },
  // A buyer's address that is none.
  { url: `/api/quotes/${id}/send`, schema: sendQuoteSchema, body: { to: 'buyer at example' } },
  // No hacker chosen, a gross pay the form could not read, no first day.
  {
    url: '/api/payroll/salaries',
    schema: salaryInputSchema,
    body: { grossMonthly: '5.200,00', employerCostMonthly: '0', effectiveFrom: '' },
  },
  // A month that is none.
  { url: '/api/payroll/runs', schema: payrollRunInputSchema, body: { month: '2026-13' } },
  // Hours on an item that are negative, and hours past the most one declares.
  {
    url: `/api/cycles/${id}/declarations`,
    schema: declarationInputSchema,
    body: { hours: { [id]: -2, '00000000-0000-4000-8000-000000000002': 2001 } },
  },
  // No item chosen, hours that are not whole, a note too long.
  {
    url: '/api/sponsor-labour',
    schema: sponsorLabourInputSchema,
    body: { workedOn: '2026-05-01', hours: 2.5, note: 'n'.repeat(501) },
  },
  // A reason too short to reject.
  {
    url: `/api/sponsor-labour/${id}/reject`,
    schema: labourReasonInputSchema,
    body: { reason: 'x' },
  },
  // A topic that is no slug, systems too long.
  {
    url: `/api/organizations/${id}/concerns`,
    schema: concernsInputSchema,
    body: {
      topics: ['tls', 'no spaces'],
      systems: 's'.repeat(4001),
      constraints: '',
      contactIds: [],
    },
  },
  // A topic that is no slug.
  {
    url: `/api/items/work-item/${id}/topics`,
    schema: itemTopicsInputSchema,
    body: { topics: ['-api'] },
  },
  // What changes said in too few words, and no day to answer by.
  {
    url: `/api/items/work-item/${id}/consultations`,
    schema: consultationInputSchema,
    body: { whatChanges: 'x', answerBy: '' },
  },
  // A stage that is none, a reason too long.
  {
    url: `/api/opportunities/${id}/move`,
    schema: moveInputSchema,
    body: { stage: 'gone', reason: 'r'.repeat(1001) },
  },
  // Lost, without saying why: the schema's rule, refused before the opportunity is looked for.
  {
    url: `/api/opportunities/${id}/move`,
    schema: moveInputSchema,
    body: { stage: 'lost', reason: '  ' },
  },
  // No sponsor chosen, a frequency that is none, a day that is no day.
  {
    url: '/api/sponsor-digests',
    schema: prepareDigestInputSchema,
    body: { frequency: 'daily', day: '3 May' },
  },
  // A note too long.
  {
    method: 'PATCH',
    url: `/api/sponsor-digests/${id}`,
    schema: digestNoteSchema,
    body: { note: 'n'.repeat(4001) },
  },
]);
