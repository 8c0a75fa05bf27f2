import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';
import { opportunityKinds, stages } from './stages.ts';

const subject = 'opportunity';

export const opportunityOpened = defineEvent({
  name: 'opportunity.opened',
  subject,
  summary:
    'An opportunity was opened with an organization (by an officer, or by itself for a renewal).',
  data: z.object({
    organizationId: z.uuid(),
    kind: z.enum(opportunityKinds),
    stage: z.enum(stages),
    amount: z.string(),
    currency: z.string(),
    expectedCloseOn: z.iso.date(),
    probabilityPercent: z.number().int(),
    renewalOfAgreementId: z.uuid().nullable(),
  }),
});

export const opportunityUpdated = defineEvent({
  name: 'opportunity.updated',
  subject,
  summary: 'An opportunity’s details changed; `fields` names which, never their values.',
  data: z.object({ fields: z.array(z.string()) }),
});

export const opportunityMoved = defineEvent({
  name: 'opportunity.moved',
  subject,
  summary:
    'An opportunity moved to another stage; a lost one says why, a won one names the agreement when known.',
  data: z.object({
    from: z.enum(stages),
    to: z.enum(stages),
    probabilityPercent: z.number().int(),
    reason: z.string().nullable(),
    agreementId: z.uuid().nullable(),
  }),
});
