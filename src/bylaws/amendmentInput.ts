import { z } from 'zod';
import { bylawsDocumentSchema } from './document.ts';

/** A day a bylaws version takes effect; `checkEffectiveDay` holds it to today or later. */
export const effectiveOnSchema = z.iso.date();

/**
 * A bylaws amendment, as the route takes it and as the web app's amendment form checks it before
 * sending (a recorded one, or one put to a vote): one schema object, so the field errors read the
 * same. No database code here, as the web app bundles this module.
 */
export const amendBylawsInputSchema = z
  .strictObject({
    summary: z.string().trim().min(3).max(500),
    document: bylawsDocumentSchema,
    /** Defaults to today; a later day schedules the version (a new fiscal year's rates). */
    effectiveOn: effectiveOnSchema.optional(),
  })
  .meta({ id: 'BylawsAmendment' });
