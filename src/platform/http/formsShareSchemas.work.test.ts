// The co-op's work with its code and its sponsors: registering a repository and changing its
// settings, answering a consultation, a vulnerability's prenotification, disclosure and impact
// note, rendering and accepting a paper, a buyer accepting a quote, a hacker's service hours,
// declining a service credit.
import { quoteAcceptanceSchema } from '../../agreements/acceptanceInput.ts';
import { serviceHoursInputSchema } from '../../agreements/capacity/serviceHoursInput.ts';
import { agreementsRoutes } from '../../agreements/routes.ts';
import { answerInputSchema } from '../../concerns/answerInput.ts';
import { concernsRoutes } from '../../concerns/routes.ts';
import {
  repositoryChangesSchema,
  repositoryInputSchema,
} from '../../contributions/repositoryInput.ts';
import { contributionsRoutes } from '../../contributions/routes.ts';
import { memberAcceptanceSchema, renderRequestSchema } from '../../documents/paperInput.ts';
import { documentsRoutes } from '../../documents/routes.ts';
import { declineCreditInputSchema } from '../../servicelevels/credits/declineInput.ts';
import { serviceCreditRoutes } from '../../servicelevels/credits/routes.ts';
import { impactNoteInputSchema } from '../../vulnerabilities/impactNoteInput.ts';
import { vulnerabilitiesRoutes } from '../../vulnerabilities/routes.ts';
import {
  disclosureInputSchema,
  prenotificationInputSchema,
} from '../../vulnerabilities/stepsInput.ts';
import { describeSameWords, describeSharedSchemas } from '../../testing/formsShareSchemas.ts';

describeSharedSchemas([
  {
    form: 'contributions/Repositories.tsx',
    module: 'src/contributions/repositoryInput.ts',
    schemas: [
      {
        name: 'repositoryInputSchema',
        route: 'POST /api/contributions/repositories',
        schema: repositoryInputSchema,
      },
    ],
    register: contributionsRoutes,
  },
  {
    form: 'concerns/ConsultationCard.tsx',
    module: 'src/concerns/answerInput.ts',
    schemas: [
      {
        name: 'answerInputSchema',
        route: 'POST /api/consultations/:id/answers',
        schema: answerInputSchema,
      },
      {
        name: 'answerInputSchema',
        route: 'POST /api/consultation-links/:token/answers',
        schema: answerInputSchema,
      },
    ],
    register: concernsRoutes,
  },
  {
    form: 'vulnerabilities/VulnerabilityPage.tsx',
    module: 'src/vulnerabilities/impactNoteInput.ts',
    schemas: [
      {
        name: 'impactNoteInputSchema',
        route: 'POST /api/vulnerabilities/:id/impact-notes',
        schema: impactNoteInputSchema,
      },
    ],
    register: vulnerabilitiesRoutes,
  },
  {
    form: 'vulnerabilities/VulnerabilityPage.tsx',
    module: 'src/vulnerabilities/stepsInput.ts',
    schemas: [
      {
        name: 'prenotificationInputSchema',
        route: 'POST /api/vulnerabilities/:id/prenotifications',
        schema: prenotificationInputSchema,
      },
      {
        name: 'disclosureInputSchema',
        route: 'POST /api/vulnerabilities/:id/disclose',
        schema: disclosureInputSchema,
      },
    ],
    register: vulnerabilitiesRoutes,
  },
  {
    form: 'contributions/RepositoryPage.tsx',
    module: 'src/contributions/repositoryInput.ts',
    schemas: [
      {
        name: 'repositoryChangesSchema',
        route: 'PATCH /api/contributions/repositories/:id',
        schema: repositoryChangesSchema,
      },
    ],
    register: contributionsRoutes,
  },
  {
    form: 'documents/Documents.tsx',
    module: 'src/documents/paperInput.ts',
    schemas: [
      { name: 'renderRequestSchema', route: 'POST /api/documents', schema: renderRequestSchema },
      {
        name: 'memberAcceptanceSchema',
        route: 'POST /api/documents/:id/accept',
        schema: memberAcceptanceSchema,
      },
    ],
    register: documentsRoutes,
  },
  {
    form: 'agreements/AcceptQuote.tsx',
    module: 'src/agreements/acceptanceInput.ts',
    schemas: [
      {
        name: 'quoteAcceptanceSchema',
        route: 'POST /api/quote-links/:token/accept',
        schema: quoteAcceptanceSchema,
      },
    ],
    register: agreementsRoutes,
  },
  {
    form: 'agreements/Capacity.tsx',
    module: 'src/agreements/capacity/serviceHoursInput.ts',
    schemas: [
      {
        name: 'serviceHoursInputSchema',
        route: 'PATCH /api/capacity/hackers/:id',
        schema: serviceHoursInputSchema,
      },
    ],
    register: agreementsRoutes,
  },
  {
    form: 'servicelevels/ServiceCreditCell.tsx',
    module: 'src/servicelevels/credits/declineInput.ts',
    schemas: [
      {
        name: 'declineCreditInputSchema',
        route: 'POST /api/service-credits/:id/decline',
        schema: declineCreditInputSchema,
      },
    ],
    register: serviceCreditRoutes,
  },
]);

// The body is checked before the consultation or vulnerability in the path is looked for.
const id = '00000000-0000-4000-8000-000000000001';

describeSameWords([
  // A name with a space, a source that is neither a URL nor a path, a branch name that is none,
  // and an empty bot pattern.
  {
    url: '/api/contributions/repositories',
    schema: repositoryInputSchema,
    body: {
      name: 'my repo',
      location: 'github.com/coop/server',
      defaultBranch: '-main',
      botPatterns: [' '],
    },
  },
  // An answer of no known kind, with a comment too long.
  {
    url: `/api/consultations/${id}/answers`,
    schema: answerInputSchema,
    body: { kind: 'agree', comment: 'c'.repeat(8_001) },
  },
  // A note too short, for no organization.
  {
    url: `/api/vulnerabilities/${id}/impact-notes`,
    schema: impactNoteInputSchema,
    body: { note: ' short ' },
  },
  // A sponsor told under embargo that is no id, at a time that is none; a disclosure with no time.
  {
    url: `/api/vulnerabilities/${id}/prenotifications`,
    schema: prenotificationInputSchema,
    body: { organizationId: 'acme', notifiedAt: 'yesterday' },
  },
  { url: `/api/vulnerabilities/${id}/disclose`, schema: disclosureInputSchema, body: {} },
  // A repository renamed with a space, its branch set to one that is none.
  {
    method: 'PATCH',
    url: `/api/contributions/repositories/${id}`,
    schema: repositoryChangesSchema,
    body: { name: 'my repo', defaultBranch: '-main' },
  },
  // A paper of no known template; one accepted with a hash that is none and a title too long.
  { url: '/api/documents', schema: renderRequestSchema, body: { templateKey: 'quote' } },
  {
    url: `/api/documents/${id}/accept`,
    schema: memberAcceptanceSchema,
    body: { sha256: 'abc', role: 'r'.repeat(201) },
  },
  // A quote accepted by a one-letter name with an address that is none (signed out: a link).
  {
    url: `/api/quote-links/${'t'.repeat(32)}/accept`,
    schema: quoteAcceptanceSchema,
    body: { signatory: { name: 'A', email: 'nobody' }, sha256: 'f'.repeat(64) },
    signedOut: true,
  },
  // Service hours that are not whole, past the most a month holds.
  {
    method: 'PATCH',
    url: `/api/capacity/hackers/${id}`,
    schema: serviceHoursInputSchema,
    body: { hoursPerMonth: 300.5 },
  },
  // A service credit declined in too few words.
  {
    url: `/api/service-credits/${id}/decline`,
    schema: declineCreditInputSchema,
    body: { reason: 'no' },
  },
]);
