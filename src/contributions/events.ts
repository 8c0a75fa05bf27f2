import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';

const repository = 'repository';
const contributor = 'contributor';

export const repositoryRegistered = defineEvent({
  name: 'contributions.repository-registered',
  subject: repository,
  summary: 'An officer registered a git repository of the co-op (a path on the server or a URL).',
  data: z.object({ name: z.string(), sourceKind: z.enum(['path', 'url']), location: z.string() }),
});

export const repositoryUpdated = defineEvent({
  name: 'contributions.repository-updated',
  subject: repository,
  summary:
    'An officer changed a repository’s settings (its name, location, default branch or bot patterns); the data holds the new values of what changed.',
  data: z.object({
    name: z.string().optional(),
    location: z.string().optional(),
    defaultBranch: z.string().nullable().optional(),
    botPatterns: z.array(z.string()).optional(),
  }),
});

export const repositoryRemoved = defineEvent({
  name: 'contributions.repository-removed',
  subject: repository,
  summary:
    'An officer removed (deregistered) a repository: no longer synced or listed; its commits stay on record and keep counting in contributions already made.',
  data: z.object({ name: z.string() }),
});

export const repositorySynced = defineEvent({
  name: 'contributions.repository-synced',
  subject: repository,
  summary:
    'A repository was ingested: the commits not seen before, the refs that moved, the DCO failures among the new commits.',
  data: z.object({
    newCommits: z.number().int(),
    refsChanged: z.number().int(),
    rewrites: z.number().int(),
    dcoFailures: z.number().int(),
    failingBranches: z.array(z.string()),
  }),
});

export const historyRewritten = defineEvent({
  name: 'contributions.history-rewritten',
  subject: repository,
  summary:
    'A branch or tag moved to a commit that does not descend from where it was (a force push); recorded, not absorbed.',
  data: z.object({
    ref: z.string(),
    oldSha: z.string(),
    newSha: z.string(),
    droppedCommits: z.number().int().nullable(),
  }),
});

export const contributorLinked = defineEvent({
  name: 'contributions.contributor-linked',
  subject: contributor,
  summary: 'An officer linked a contributor (an email seen in commits) to a member by hand.',
  data: z.object({ email: z.string(), personId: z.uuid() }),
});

export const contributorUnlinked = defineEvent({
  name: 'contributions.contributor-unlinked',
  subject: contributor,
  summary:
    'An officer unlinked a contributor from any member; the automatic link by verified email no longer applies to it.',
  data: z.object({ email: z.string(), previousPersonId: z.uuid().nullable() }),
});

export const contributorLinkReset = defineEvent({
  name: 'contributions.contributor-link-reset',
  subject: contributor,
  summary: 'An officer returned a contributor to the automatic link by verified email.',
  data: z.object({ email: z.string() }),
});

export const syncFailed = defineEvent({
  name: 'contributions.sync-failed',
  subject: repository,
  summary:
    'A repository could not be synced (unreachable URL, missing path); the error is shown on it.',
  data: z.object({ error: z.string() }),
});
