// The co-op's work with its code and its sponsors: registering a repository, answering a
// consultation, writing a vulnerability's impact note.
import { answerInputSchema } from '../../concerns/answerInput.ts';
import { concernsRoutes } from '../../concerns/routes.ts';
import { repositoryInputSchema } from '../../contributions/repositoryInput.ts';
import { contributionsRoutes } from '../../contributions/routes.ts';
import { impactNoteInputSchema } from '../../vulnerabilities/impactNoteInput.ts';
import { vulnerabilitiesRoutes } from '../../vulnerabilities/routes.ts';
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
]);
