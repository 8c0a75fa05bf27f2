import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';
import { vulnerabilitySeverities } from './schema.ts';

const subject = 'vulnerability';

export const vulnerabilityRecorded = defineEvent({
  name: 'vulnerability.recorded',
  subject,
  summary:
    'A vulnerability was recorded (under embargo until disclosed); only its severity is in the event.',
  data: z.object({ severity: z.enum(vulnerabilitySeverities) }),
});

export const vulnerabilityPrenotified = defineEvent({
  name: 'vulnerability.prenotified',
  subject,
  summary: 'A sponsor was told of an embargoed vulnerability.',
  data: z.object({ organizationId: z.uuid(), notifiedAt: z.iso.datetime() }),
});

export const vulnerabilityDisclosed = defineEvent({
  name: 'vulnerability.disclosed',
  subject,
  summary:
    'A vulnerability became public at t0: each qualifying sponsor is owed an impact note within 6 hours, and a human response within 6 hours to its requests for 24 hours.',
  data: z.object({
    disclosedAt: z.iso.datetime(),
    identifiers: z.array(z.string()),
    severity: z.enum(vulnerabilitySeverities),
    qualifyingOrganizationIds: z.array(z.uuid()),
  }),
});

export const vulnerabilityImpactNoteRecorded = defineEvent({
  name: 'vulnerability.impact-note-recorded',
  subject,
  summary: 'The impact note for one sponsor was recorded (the note itself stays in its table).',
  data: z.object({ organizationId: z.uuid(), recordedAt: z.iso.datetime() }),
});
