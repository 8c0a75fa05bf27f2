import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { bylawsDocumentSchema } from '../document.ts';
import { bylawsAdopted } from '../events.ts';
import { bylawsPolicy } from '../policy.ts';
import { addBylawsVersion } from '../repository.ts';

/**
 * A version adopted by the co-op's own process, its day already settled by the caller: the
 * founding bylaws at set-up, an amendment the members passed (governance, as a poll closes,
 * with the day from `effectiveDayAtClose`). Administrators record theirs with `amendBylaws`.
 */
export const adoptBylawsVersion = defineCommand({
  name: 'bylaws.adoptBylawsVersion',
  input: z.strictObject({
    document: bylawsDocumentSchema,
    summary: z.string().trim().min(3).max(500),
    effectiveOn: z.iso.date(),
    pollId: z.uuid().optional(),
  }),
  policy: bylawsPolicy.amend,
  events: [bylawsAdopted],
  async run(tx, input, ctx) {
    return { version: await addBylawsVersion(tx, ctx, input) };
  },
});
