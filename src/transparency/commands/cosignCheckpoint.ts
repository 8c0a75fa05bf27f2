import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { cosignatureTime, parseWitnessKey } from '../core/cosignature.ts';
import { openNote, splitNote } from '../core/note.ts';
import { checkpointCosigned } from '../events.ts';
import { transparencyPolicy, witnessDenied } from '../policy.ts';
import {
  transparencyCheckpoints,
  transparencyCosignatures,
  transparencyWitnesses,
} from '../schema.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';

/**
 * A member's witness co-signs a checkpoint: the line is checked against the checkpoint's body
 * and the member's own registered key before it is kept. Checking consistency is the witness's
 * part (`coop log watch --witness-key`), done on its side before it signs.
 */
export const cosignCheckpoint = defineCommand({
  name: 'transparency.cosignCheckpoint',
  input: z.strictObject({
    treeSize: z.number().int().min(1),
    signature: z
      .string()
      .max(400)
      .regex(/^— \S+ [A-Za-z0-9+/=]+\n?$/, schemaWords('signatureLine')),
  }),
  policy: transparencyPolicy.witness,
  denied: witnessDenied,
  events: [checkpointCosigned],
  async run(tx, input, ctx) {
    const line = input.signature.endsWith('\n') ? input.signature : `${input.signature}\n`;
    const name = line.split(' ')[1]!;
    const [witness] = await tx
      .select()
      .from(transparencyWitnesses)
      .where(
        and(
          eq(transparencyWitnesses.coopId, ctx.coopId),
          eq(transparencyWitnesses.name, name),
          eq(transparencyWitnesses.personId, ctx.actor.personId!),
        ),
      );
    if (!witness) throw notFound(`your witness ${name}`);
    const [checkpoint] = await tx
      .select()
      .from(transparencyCheckpoints)
      .where(
        and(
          eq(transparencyCheckpoints.coopId, ctx.coopId),
          eq(transparencyCheckpoints.treeSize, input.treeSize),
        ),
      );
    if (!checkpoint) throw notFound(`a checkpoint of size ${input.treeSize}`);
    const parts = splitNote(checkpoint.note);
    const key = parseWitnessKey(witness.vkey);
    if (typeof parts === 'string' || typeof key === 'string') throw new Error('damaged witness');
    const opened = openNote(`${parts.text}\n${line}`, [key]);
    if (typeof opened === 'string')
      throw badRequest(`The cosignature does not verify: ${opened}.`, [
        { pointer: '/signature', message: opened },
      ]).because('witness.cosignature-invalid', { reason: opened });
    const cosignedAt = cosignatureTime(opened.verified[0]!.base64)!;
    await tx
      .insert(transparencyCosignatures)
      .values({
        coopId: ctx.coopId,
        treeSize: input.treeSize,
        witnessId: witness.id,
        signatureLine: line,
        cosignedAt,
      })
      .onConflictDoUpdate({
        target: [
          transparencyCosignatures.coopId,
          transparencyCosignatures.treeSize,
          transparencyCosignatures.witnessId,
        ],
        set: { signatureLine: line, cosignedAt },
      });
    await ctx.emit(checkpointCosigned, String(input.treeSize), {
      witness: name,
      treeSize: input.treeSize,
    });
    return { witness: name, treeSize: input.treeSize, cosignedAt };
  },
});
