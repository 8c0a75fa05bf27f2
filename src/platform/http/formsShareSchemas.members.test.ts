import { entryInputSchema } from '../../finance/entryInput.ts';
import { financeRoutes } from '../../finance/routes.ts';
import { governanceRoutes } from '../../governance/routes.ts';
import { workItemInputSchema } from '../../governance/workItemInput.ts';
import { acceptInvitationInputSchema } from '../../members/acceptInvitationInput.ts';
import { authRoutes } from '../../members/authRoutes.ts';
import { memberImportInputSchema } from '../../members/importInput.ts';
import { setPasswordInputSchema } from '../../members/passwordInput.ts';
import { resetInputSchema, resetRequestInputSchema } from '../../members/passwordResetInput.ts';
import {
  addEmailInputSchema,
  appointOfficerInputSchema,
  profileInputSchema,
  setAdminInputSchema,
  statusChangeInputSchema,
} from '../../members/profileInput.ts';
import { membersRoutes } from '../../members/routes.ts';
import { serviceCalendarInputSchema } from '../../servicelevels/calendarInput.ts';
import { serviceLevelsRoutes } from '../../servicelevels/routes.ts';
import { disableEndpointInputSchema, endpointInputSchema } from '../../webhooks/endpointInput.ts';
import { webhooksRoutes } from '../../webhooks/routes.ts';
import {
  describeSameWords,
  describeSharedSchemas,
  type BadInput,
  type SharedForm,
} from '../../testing/formsShareSchemas.ts';

// The member, members import, account, webhook, ledger, service-calendar and work-item forms;
// the first forms that share their route's schema are held to it in formsShareSchemas.test.ts.

const forms: SharedForm[] = [
  {
    form: 'members/PasswordForm.tsx',
    module: 'src/members/passwordInput.ts',
    schemas: [
      {
        name: 'setPasswordInputSchema',
        schema: setPasswordInputSchema,
        route: 'POST /api/auth/password',
      },
    ],
    register: authRoutes,
  },
  {
    form: 'members/PasswordReset.tsx',
    module: 'src/members/passwordResetInput.ts',
    schemas: [
      {
        name: 'resetRequestInputSchema',
        schema: resetRequestInputSchema,
        route: 'POST /api/auth/password-reset/request',
      },
      {
        name: 'resetInputSchema',
        schema: resetInputSchema,
        route: 'POST /api/auth/password-reset',
      },
    ],
    register: authRoutes,
  },
  {
    form: 'members/AcceptInvitation.tsx',
    module: 'src/members/acceptInvitationInput.ts',
    schemas: [
      {
        name: 'acceptInvitationInputSchema',
        schema: acceptInvitationInputSchema,
        route: 'POST /api/invitation-links/:token/accept',
      },
    ],
    register: authRoutes,
  },
  {
    form: 'members/Profile.tsx',
    module: 'src/members/profileInput.ts',
    schemas: [
      {
        name: 'profileInputSchema',
        schema: profileInputSchema,
        route: 'PATCH /api/members/:id',
      },
      {
        name: 'addEmailInputSchema',
        schema: addEmailInputSchema,
        route: 'POST /api/auth/emails',
        register: authRoutes,
      },
      {
        name: 'statusChangeInputSchema',
        schema: statusChangeInputSchema,
        route: 'POST /api/members/:id/status',
      },
      {
        name: 'appointOfficerInputSchema',
        schema: appointOfficerInputSchema,
        route: 'POST /api/members/:id/officer-terms',
      },
      {
        name: 'setAdminInputSchema',
        schema: setAdminInputSchema,
        route: 'POST /api/members/:id/admin',
      },
    ],
    register: membersRoutes,
  },
  {
    form: 'members/ImportMembers.tsx',
    module: 'src/members/importInput.ts',
    schemas: [
      {
        name: 'memberImportInputSchema',
        schema: memberImportInputSchema,
        route: 'POST /api/members/import',
      },
    ],
    register: membersRoutes,
  },
  {
    form: 'webhooks/Webhooks.tsx',
    module: 'src/webhooks/endpointInput.ts',
    schemas: [
      {
        name: 'endpointInputSchema',
        schema: endpointInputSchema,
        route: 'POST /api/webhooks/endpoints',
      },
      {
        name: 'disableEndpointInputSchema',
        schema: disableEndpointInputSchema,
        route: 'POST /api/webhooks/endpoints/:id/disable',
      },
    ],
    register: webhooksRoutes,
  },
  {
    form: 'finance/PostEntry.tsx',
    module: 'src/finance/entryInput.ts',
    schemas: [
      {
        name: 'entryInputSchema',
        schema: entryInputSchema,
        route: 'POST /api/ledger/entries',
      },
    ],
    register: financeRoutes,
  },
  {
    form: 'servicelevels/ServiceCalendarForm.tsx',
    module: 'src/servicelevels/calendarInput.ts',
    schemas: [
      {
        name: 'serviceCalendarInputSchema',
        schema: serviceCalendarInputSchema,
        route: 'POST /api/organizations/:id/service-calendar',
      },
    ],
    register: serviceLevelsRoutes,
  },
  {
    form: 'governance/WorkItems.tsx',
    module: 'src/governance/workItemInput.ts',
    schemas: [
      {
        name: 'workItemInputSchema',
        schema: workItemInputSchema,
        route: 'POST /api/work-items',
      },
    ],
    register: governanceRoutes,
  },
];

describeSharedSchemas(forms);

const someone = '00000000-0000-4000-8000-000000000000';
const token = 'x'.repeat(32);
const cases: BadInput[] = [
  // A new password too short; a "current" one past any length.
  { url: '/api/auth/password', schema: setPasswordInputSchema, body: { newPassword: 'short' } },
  {
    url: '/api/auth/password',
    schema: setPasswordInputSchema,
    body: { currentPassword: 'x'.repeat(1001), newPassword: 'long enough now' },
  },
  // A reset asked for no address; a reset with a token too short and a password too short.
  {
    url: '/api/auth/password-reset/request',
    schema: resetRequestInputSchema,
    body: { email: 'nobody' },
    signedOut: true,
  },
  {
    url: '/api/auth/password-reset',
    schema: resetInputSchema,
    body: { token: 'abc', newPassword: 'short' },
    signedOut: true,
  },
  // An acceptance with a blank name and a short password.
  {
    url: `/api/invitation-links/${token}/accept`,
    schema: acceptInvitationInputSchema,
    body: { displayName: ' ', password: 'short' },
    signedOut: true,
  },
  // One's name blank; nothing to change at all (the schema's own words).
  {
    method: 'PATCH',
    url: `/api/members/${someone}`,
    schema: profileInputSchema,
    body: { displayName: ' ' },
  },
  { method: 'PATCH', url: `/api/members/${someone}`, schema: profileInputSchema, body: {} },
  // Another address that is none.
  { url: '/api/auth/emails', schema: addEmailInputSchema, body: { email: 'me' } },
  // A status that is none and a reason too short; no office and a day that is no day; an
  // administrator grant with a blank reason.
  {
    url: `/api/members/${someone}/status`,
    schema: statusChangeInputSchema,
    body: { status: 'gone', reason: 'no' },
  },
  {
    url: `/api/members/${someone}/officer-terms`,
    schema: appointOfficerInputSchema,
    body: { role: '', startsOn: '3 May' },
  },
  {
    url: `/api/members/${someone}/admin`,
    schema: setAdminInputSchema,
    body: { isAdmin: true, reason: ' ' },
  },
  // A members import with no lines at all.
  { url: '/api/members/import', schema: memberImportInputSchema, body: { csv: '' } },
  // An endpoint with no URL, a description too long and no event type chosen.
  {
    url: '/api/webhooks/endpoints',
    schema: endpointInputSchema,
    body: { url: ' ', description: 'x'.repeat(501), eventTypes: [] },
  },
  // An endpoint stopped without saying why (the endpoint is looked for after the body).
  {
    url: '/api/webhooks/endpoints/00000000-0000-4000-8000-000000000001/disable',
    schema: disableEndpointInputSchema,
    body: { reason: ' ' },
  },
  // An entry with no day, nothing said, one posting with no account and an amount in
  // another notation.
  {
    url: '/api/ledger/entries',
    schema: entryInputSchema,
    body: { effectiveOn: '', description: ' ', postings: [{ account: '', amount: '12,50' }] },
  },
  // A calendar with no zone or hours, a country that is no code, a region too long, a
  // closed day that is no day.
  {
    url: `/api/organizations/${someone}/service-calendar`,
    schema: serviceCalendarInputSchema,
    body: {
      timeZone: '',
      hours: ' ',
      holidayCountry: 'Germany',
      holidayRegion: 'BAVARIA',
      closedDays: ['3 May'],
    },
  },
  // A work item with a title too short, an unknown kind, a link that is no web address and
  // no hours.
  {
    url: '/api/work-items',
    schema: workItemInputSchema,
    body: {
      title: 'ab',
      kind: 'epic',
      originClass: 'sponsors',
      links: ['ftp://example.org'],
      estimateHours: 0,
    },
  },
];

describeSameWords(cases);
