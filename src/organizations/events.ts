import { z } from 'zod';
import { memberClasses } from '../members/schema.ts';
import { defineEvent } from '../platform/events/registry.ts';

const subject = 'organization';

export const organizationCreated = defineEvent({
  name: 'organization.created',
  subject,
  summary: 'An organization (a sponsor, a government, a foundation) was added.',
  data: z.object({
    legalName: z.string(),
    kind: z.string(),
    memberClass: z.enum(memberClasses),
  }),
});

export const organizationUpdated = defineEvent({
  name: 'organization.updated',
  subject,
  summary: 'An organization’s details changed; `fields` names which, never their values.',
  data: z.object({ fields: z.array(z.string()) }),
});
