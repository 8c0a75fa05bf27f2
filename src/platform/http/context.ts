import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../actor.ts';
import type { Clock } from '../clock.ts';
import type { CommandContext } from '../commands.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Secrets } from '../secrets.ts';
import { AppError } from '../errors.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AppDeps {
  database: Database;
  config: Config;
  /** "Now" for every request: the system clock, or a test's. */
  clock: Clock;
  /** Absent only where no command runs (building the OpenAPI document). */
  secrets?: Secrets;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    csrfToken: string | null;
  }
}

/** The command context for this request; 404s with a hint when the co-op is not set up. */
export function commandContext(deps: AppDeps, request: FastifyRequest): CommandContext {
  if (!request.actor)
    throw new AppError(
      409,
      'not-set-up',
      'Not set up',
      'The co-op is not set up yet: open the first-run wizard.',
    ).because('coop.not-set-up');
  return {
    db: deps.database.db,
    actor: request.actor,
    publicUrl: deps.config.publicUrl,
    ip: request.ip,
    clock: deps.clock,
    secrets: deps.secrets,
  };
}

export type Reply = FastifyReply;
