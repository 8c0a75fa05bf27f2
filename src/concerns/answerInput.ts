import { z } from 'zod';

export const answerKinds = ['acknowledge', 'comment', 'object'] as const;

/**
 * A sponsor's answer to a consultation, as the routes take it (the portal's and the mailed
 * link's) and as the web app's answer form checks it before sending: one schema object, so the
 * field errors read the same. No database code here, as the web app bundles this module.
 */
export const answerInputSchema = z
  .strictObject({
    kind: z.enum(answerKinds),
    comment: z.string().trim().max(8000).default(''),
  })
  .meta({ id: 'ConsultationReply' });
