import { z } from 'zod';
import { schemaWords } from '../platform/http/validationMessages.ts';

// What the sponsor-labour routes take: hours logged, and why they are rejected or reversed. No
// database code here: the labour page's forms check their input with these very objects.

export const sponsorLabourInputSchema = z.strictObject({
  /** The engineer's organization; a representative's own when left out. */
  organizationId: z.uuid().optional(),
  workItemId: z.uuid(),
  workedOn: z.iso.date(),
  hours: z.number().int(schemaWords('wholeHours')).min(1).max(24),
  note: z.string().trim().max(500).default(''),
});

export const labourReasonSchema = z.string().trim().min(3, schemaWords('sayWhy')).max(500);

/** The body of rejecting or reversing logged hours. */
export const labourReasonInputSchema = z.strictObject({ reason: labourReasonSchema });
