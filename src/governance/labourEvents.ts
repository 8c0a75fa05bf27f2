import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';

const labour = {
  personId: z.uuid(),
  workItemId: z.uuid(),
  workedOn: z.iso.date(),
  hours: z.number().int(),
};

export const sponsorLabourLogged = defineEvent({
  name: 'sponsor-labour.logged',
  subject: 'organization',
  summary:
    "A sponsor's engineer logged hours on a co-op work item; a hacker or officer confirms them.",
  data: z.object({ labourId: z.uuid(), ...labour }),
});

export const sponsorLabourConfirmed = defineEvent({
  name: 'sponsor-labour.confirmed',
  subject: 'organization',
  summary:
    "A sponsor's labour was confirmed: its hours now count as funding at the bylaws' labour rate.",
  data: z.object({ labourId: z.uuid(), fundingId: z.uuid(), ...labour }),
});

export const sponsorLabourRejected = defineEvent({
  name: 'sponsor-labour.rejected',
  subject: 'organization',
  summary: "A sponsor's logged hours were rejected; they never counted.",
  data: z.object({ labourId: z.uuid(), reason: z.string(), ...labour }),
});

export const sponsorLabourReversed = defineEvent({
  name: 'sponsor-labour.reversed',
  subject: 'organization',
  summary:
    "Confirmed labour was reversed: a counter-row takes its hours back out of the sponsor's funding.",
  data: z.object({ labourId: z.uuid(), fundingId: z.uuid(), reason: z.string(), ...labour }),
});
