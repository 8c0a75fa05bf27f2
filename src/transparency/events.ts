import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';

export const witnessRegistered = defineEvent({
  name: 'transparency.witness-registered',
  subject: 'log-witness',
  summary: 'A member registered a witness key: their client may now co-sign the log’s checkpoints.',
  data: z.object({ name: z.string(), vkey: z.string() }),
});

export const checkpointCosigned = defineEvent({
  name: 'transparency.checkpoint-cosigned',
  subject: 'log-checkpoint',
  summary:
    'A member’s witness checked that a checkpoint extends the last one it saw, and co-signed it; the subject is the tree size.',
  data: z.object({ witness: z.string(), treeSize: z.number().int() }),
});
