import { setupInputSchema } from '../../coop/setupInput.ts';
import { coopRoutes } from '../../coop/routes.ts';
import { claimInputSchema } from '../../finance/expenses/claimInput.ts';
import { expenseRoutes } from '../../finance/expenses/routes.ts';
import { authRoutes } from '../../members/authRoutes.ts';
import { inviteInputSchema } from '../../members/invitationInput.ts';
import { membersRoutes } from '../../members/routes.ts';
import { signInInputSchema } from '../../members/signInInput.ts';
import { organizationInputSchema, organizationPatchSchema } from '../../organizations/input.ts';
import { organizationsRoutes } from '../../organizations/routes.ts';
import {
  describeSameWords,
  describeSharedSchemas,
  type BadInput,
  type SharedForm,
} from '../../testing/formsShareSchemas.ts';

const forms: SharedForm[] = [
  {
    form: 'members/Invitations.tsx',
    module: 'src/members/invitationInput.ts',
    schemas: [
      { name: 'inviteInputSchema', route: 'POST /api/invitations', schema: inviteInputSchema },
    ],
    register: membersRoutes,
  },
  {
    form: 'organizations/OrganizationForm.tsx',
    module: 'src/organizations/input.ts',
    schemas: [
      {
        name: 'organizationInputSchema',
        route: 'POST /api/organizations',
        schema: organizationInputSchema,
      },
      {
        name: 'organizationPatchSchema',
        route: 'PATCH /api/organizations/:id',
        schema: organizationPatchSchema,
      },
    ],
    register: organizationsRoutes,
  },
  {
    form: 'finance/NewClaim.tsx',
    module: 'src/finance/expenses/claimInput.ts',
    schemas: [
      { name: 'claimInputSchema', route: 'POST /api/expenses/claims', schema: claimInputSchema },
    ],
    register: expenseRoutes,
  },
  {
    form: 'coop/SetupWizard.tsx',
    module: 'src/coop/setupInput.ts',
    schemas: [{ name: 'setupInputSchema', route: 'POST /api/setup', schema: setupInputSchema }],
    register: coopRoutes,
  },
  {
    form: 'members/SignIn.tsx',
    module: 'src/members/signInInput.ts',
    schemas: [
      { name: 'signInInputSchema', route: 'POST /api/auth/login', schema: signInInputSchema },
    ],
    register: authRoutes,
  },
];

describeSharedSchemas(forms);

const cases: BadInput[] = [
  // An address that is none, a name that is too long, a sponsor without an organization.
  {
    url: '/api/invitations',
    schema: inviteInputSchema,
    body: { email: 'not-an-address', displayName: 'x'.repeat(201), memberClass: 'sponsor' },
  },
  // Missing class; an unknown class.
  { url: '/api/invitations', schema: inviteInputSchema, body: { email: 'a@example.org' } },
  {
    url: '/api/invitations',
    schema: inviteInputSchema,
    body: { email: 'a@example.org', memberClass: 'patron' },
  },
  // A legal name too short, a country that is no code, a website that is no address.
  {
    url: '/api/organizations',
    schema: organizationInputSchema,
    body: { legalName: 'A', country: 'Germany', website: 'ftp://example.org' },
  },
  // A claim with nothing said, an amount in another notation, a day that is no day.
  {
    url: '/api/expenses/claims',
    schema: claimInputSchema,
    body: { title: ' ', category: '', account: '', incurredOn: '3 May', amount: '12,50' },
  },
  // A title too long and a category too long.
  {
    url: '/api/expenses/claims',
    schema: claimInputSchema,
    body: {
      title: 'x'.repeat(201),
      category: 'y'.repeat(61),
      account: 'expenses:travel',
      incurredOn: '2026-01-05',
      amount: '12.50',
    },
  },
  // A sign-in with no address and an empty password; a code too short.
  {
    url: '/api/auth/login',
    schema: signInInputSchema,
    body: { email: 'nobody', password: '' },
    signedOut: true,
  },
  {
    url: '/api/auth/login',
    schema: signInInputSchema,
    body: { email: 'a@example.org', code: 'abc' },
    signedOut: true,
  },
  // The wizard, once set up, still validates before it refuses: a name too short, shares
  // that do not sum to 100, a password too short, an unknown currency.
  {
    url: '/api/setup',
    schema: setupInputSchema,
    body: {
      name: 'A',
      currency: 'XYZ',
      fiscalYearStartMonth: 1,
      pie: { sponsors: 50, community: 30, hackers: 30 },
      admin: { displayName: '', email: 'me', password: 'short', locale: 'de' },
    },
    signedOut: true,
  },
];

describeSameWords(cases);
