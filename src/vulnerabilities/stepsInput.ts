import { z } from 'zod';

// What the routes recording a sponsor's prenotification and disclosing a vulnerability take. No
// database code here: the vulnerability page's forms check their input with these very objects;
// whether the vulnerability is still under embargo stays the commands' to check.

export const prenotificationInputSchema = z.strictObject({
  organizationId: z.uuid(),
  /** When the sponsor was told; now when absent. */
  notifiedAt: z.iso.datetime({ offset: true }).optional(),
  note: z.string().optional(),
});

export const disclosureInputSchema = z.strictObject({
  /** t0: when the vulnerability became public, from which the impact-note clocks run. */
  publicAt: z.iso.datetime({ offset: true }),
});
