import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';

export const coopCreated = defineEvent({
  name: 'coop.created',
  subject: 'coop',
  summary: 'The co-op was set up (the first-run wizard, `coop init` or `coop create`).',
  data: z.object({ name: z.string(), currency: z.string(), slug: z.string().optional() }),
});
