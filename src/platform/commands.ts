import type { z } from 'zod';
import type { Actor } from './actor.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Db, Executor, Tx } from './db/database.ts';
import { appendTypedEvent } from './events/append.ts';
import type { EventType } from './events/registry.ts';
import { mailQueued } from './mailEvents.ts';
import { writeOutbox, type Mail } from './outbox.ts';
import { authorize, type Rule } from './policy.ts';
import type { Secrets } from './secrets.ts';
import { parseInput } from './validation.ts';

/** What a caller (HTTP, CLI, a job, another command) hands to `runCommand`. */
export interface CommandContext {
  db: Db;
  actor: Actor;
  publicUrl: string;
  ip?: string | undefined;
  /** "Now" for this change; the system clock when the caller gives none. */
  clock?: Clock | undefined;
  /** Set inside a command: a command run with it joins that transaction. */
  tx?: Tx | undefined;
  /** Keys kept outside the database; a command that needs one refuses to run without it. */
  secrets?: Secrets | undefined;
}

/** What a command's body receives besides its transaction and input. */
export interface RunContext extends CommandContext {
  tx: Tx;
  coopId: string;
  clock: Clock;
  /**
   * Appends one of the command's declared events, its data checked against its schema. The
   * event's actor is the context's, unless `as` names the person a public command identified
   * (who signed in, whose link was opened, who just joined).
   */
  emit<D extends z.ZodType>(
    type: EventType<D>,
    subjectId: string,
    data: z.input<D>,
    as?: { actorId: string | null },
  ): Promise<number>;
  /** Writes a mail to the outbox; the dispatcher's mail consumer delivers it after commit. */
  mail(mail: Mail): Promise<void>;
}

export interface CommandDefinition<S extends z.ZodType, R, P> {
  /** `domain.verbNoun`, as it appears in logs and the docs. */
  name: string;
  input: S;
  /**
   * Who may run it, judged on the validated input before anything is read or written. Rules
   * about a stored record (the claim's submitter) are checked again in `run`, once it is read.
   */
  policy: Rule<z.output<S>> | Rule;
  /** The sentence a refused member reads. */
  denied?: string;
  /** The event types it may append: anything else is a programming error. */
  events: readonly EventType[];
  /**
   * Work done before the transaction opens (hashing a password, generating a token): PGlite
   * serialises every query behind an open transaction, so slow work must not sit inside one.
   */
  prepare?: (input: z.output<S>, ctx: CommandContext & { clock: Clock }) => Promise<P>;
  run(tx: Tx, input: z.output<S>, ctx: RunContext, prepared: P): Promise<R>;
  /** Turns a database error (a unique violation that raced past a lock) into a user's error. */
  mapError?: (error: unknown) => unknown;
}

export interface Command<S extends z.ZodType, R, P = undefined> extends CommandDefinition<S, R, P> {
  readonly kind: 'command';
}

const commands = new Map<string, Command<z.ZodType, unknown, unknown>>();

export function defineCommand<S extends z.ZodType, R, P = undefined>(
  definition: CommandDefinition<S, R, P>,
): Command<S, R, P> {
  if (commands.has(definition.name)) throw new Error(`command ${definition.name} defined twice`);
  const command = { ...definition, kind: 'command' as const };
  commands.set(command.name, command as unknown as Command<z.ZodType, unknown, unknown>);
  return command;
}

/** Every command defined so far (those whose modules were loaded), for docs and tests. */
export const definedCommands = () => [...commands.values()];

/**
 * The one way state changes: validate the input, authorize it, run the body in a transaction
 * (the caller's, when a command runs another), append its events there, commit.
 */
export async function runCommand<S extends z.ZodType, R, P>(
  command: Command<S, R, P>,
  input: z.input<S>,
  ctx: CommandContext,
): Promise<R> {
  const parsed = parseInput(command.input, input);
  authorize(ctx.actor, command.policy as Rule<z.output<S>>, parsed, command.denied);
  const clock = ctx.clock ?? systemClock;
  const prepared = command.prepare
    ? await command.prepare(parsed, { ...ctx, clock })
    : (undefined as P);
  const body = (tx: Tx) => command.run(tx, parsed, runContext(command, ctx, tx, clock), prepared);
  if (ctx.tx) return body(ctx.tx);
  try {
    return await ctx.db.transaction(body);
  } catch (error) {
    throw command.mapError ? command.mapError(error) : error;
  }
}

function runContext(
  command: { name: string; events: readonly EventType[] },
  ctx: CommandContext,
  tx: Tx,
  clock: Clock,
): RunContext {
  const coopId = ctx.actor.coopId;
  const actorId = ctx.actor.personId;
  return {
    ...ctx,
    tx,
    coopId,
    clock,
    emit: (type, subjectId, data, as) => {
      if (!command.events.includes(type))
        throw new Error(`${command.name} does not declare the event ${type.name}`);
      return appendTypedEvent(tx, type, {
        coopId,
        actorId: as ? as.actorId : actorId,
        subjectId,
        data,
        occurredAt: clock.now(),
      });
    },
    mail: async (mail) => {
      const outboxId = await writeOutbox(tx, coopId, mail);
      await appendTypedEvent(tx as Executor, mailQueued, {
        coopId,
        actorId,
        subjectId: outboxId,
        data: { kind: mail.kind },
        occurredAt: clock.now(),
      });
    },
  };
}
