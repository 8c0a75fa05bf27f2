import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { codedReason, type ReasonParams } from '../../platform/reasons.ts';
import { parseWitnessKey, witnessKeyReasons } from '../core/cosignature.ts';
import { witnessRegistered } from '../events.ts';
import { transparencyPolicy, witnessDenied } from '../policy.ts';
import { transparencyWitnesses } from '../schema.ts';

/** A reason `parseWitnessKey` gave, as the refusal's params: coded, or another text quoted. */
export function witnessKeyReason(reason: string): ReasonParams {
  const code = (Object.keys(witnessKeyReasons) as (keyof typeof witnessKeyReasons)[]).find(
    (c) => witnessKeyReasons[c] === reason,
  );
  return code ? codedReason(reason, `witness-key.${code}`) : { reason };
}

/** A member's witness key (from `coop log witness-keygen`): its name is its key's name. */
export const registerWitness = defineCommand({
  name: 'transparency.registerWitness',
  input: z.strictObject({ vkey: z.string().trim().min(10).max(200) }),
  policy: transparencyPolicy.witness,
  denied: witnessDenied,
  events: [witnessRegistered],
  async run(tx, input, ctx) {
    const key = parseWitnessKey(input.vkey);
    if (typeof key === 'string')
      throw badRequest(`Not a witness key: ${key}.`, [{ pointer: '/vkey', message: key }]).because(
        'witness.key-invalid',
        witnessKeyReason(key),
      );
    const [row] = await tx
      .insert(transparencyWitnesses)
      .values({
        coopId: ctx.coopId,
        personId: ctx.actor.personId!,
        name: key.name,
        vkey: input.vkey,
        createdAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
      .returning({ id: transparencyWitnesses.id });
    if (!row)
      throw conflict(`A witness named ${key.name} is registered already: choose another name.`, [
        { pointer: '/vkey', message: 'name taken' },
      ]).because('witness.name-taken', { name: key.name });
    await ctx.emit(witnessRegistered, row.id, { name: key.name, vkey: input.vkey });
    return { id: row.id, name: key.name };
  },
});
