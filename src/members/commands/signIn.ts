import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { AppError, forbidden, gone } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { burnPasswordCheck, verifyPassword } from '../../platform/passwords.ts';
import { normalizeCode, sha256 } from '../../platform/tokens.ts';
import { parseInput } from '../../platform/validation.ts';
import { assertNotThrottled, recordFailure } from '../loginThrottle.ts';
import { normalizeEmail } from '../repository.ts';
import { memberships, people, personEmails, registrationCodes } from '../schema.ts';
import { insertSession, mintSession, type NewSession } from '../sessions.ts';

export const signInInputSchema = z
  .union([
    z.strictObject({ email: z.email(), password: z.string().min(1).max(1000) }),
    z.strictObject({ email: z.email(), code: z.string().min(8).max(64) }),
  ])
  .meta({ id: 'SignIn', description: 'A password, or a one-time registration code.' });
export type SignInInput = z.infer<typeof signInInputSchema>;

export interface SignedIn {
  personId: string;
  session: NewSession;
}

const wrongCredentials = (what: string) =>
  new AppError(401, 'wrong-credentials', 'Sign-in failed', `Wrong email or ${what}.`);
const suspended = () =>
  forbidden('Your membership is suspended. Contact the co-op’s administrators.');

export async function signIn(
  ctx: CommandContext,
  input: SignInInput,
  userAgent?: string,
): Promise<SignedIn> {
  const parsed = parseInput(signInInputSchema, input);
  const email = normalizeEmail(parsed.email);
  const coopId = ctx.actor.coopId;
  await assertNotThrottled(ctx.db, coopId, email, ctx.ip);
  return 'code' in parsed
    ? signInWithCode(ctx, email, parsed.code, userAgent)
    : signInWithPassword(ctx, email, parsed.password, userAgent);
}

async function signInWithPassword(
  ctx: CommandContext,
  email: string,
  password: string,
  userAgent: string | undefined,
): Promise<SignedIn> {
  const coopId = ctx.actor.coopId;
  const [person] = await ctx.db
    .select({ id: people.id, passwordHash: people.passwordHash, status: memberships.status })
    .from(personEmails)
    .innerJoin(people, and(eq(people.coopId, coopId), eq(people.id, personEmails.personId)))
    .leftJoin(
      memberships,
      and(eq(memberships.coopId, coopId), eq(memberships.personId, personEmails.personId)),
    )
    .where(and(eq(personEmails.coopId, coopId), eq(personEmails.email, email)));
  const ok = person?.passwordHash
    ? await verifyPassword(person.passwordHash, password)
    : (await burnPasswordCheck(password), false);
  if (!person || !ok) {
    await recordFailure(ctx.db, coopId, email, ctx.ip);
    throw wrongCredentials('password');
  }
  if (person.status === 'suspended') throw suspended();
  const session = mintSession();
  await ctx.db.transaction(async (tx) => {
    await insertSession(tx, coopId, person.id, session, { ip: ctx.ip, userAgent });
    await appendEvent(tx, {
      coopId,
      type: 'session.started',
      actorId: person.id,
      subjectType: 'person',
      subjectId: person.id,
      data: { method: 'password' },
    });
  });
  return { personId: person.id, session };
}

/**
 * The first sign-in of an imported member. One statement marks the code used, verifies the
 * address it was sent to, opens the session and appends the event: a thousand attendees
 * arriving at once cost a thousand statements, not four thousand.
 */
async function signInWithCode(
  ctx: CommandContext,
  email: string,
  code: string,
  userAgent: string | undefined,
): Promise<SignedIn> {
  const coopId = ctx.actor.coopId;
  const codeHash = sha256(normalizeCode(code));
  const session = mintSession();
  const rows = await queryRows<{ person_id: string }>(
    ctx.db,
    sql`with used as (
          update registration_codes rc set used_at = now()
          where rc.coop_id = ${coopId} and rc.code_hash = ${codeHash}
            and rc.used_at is null and rc.expires_at > now()
            and exists (select 1 from person_emails e where e.coop_id = rc.coop_id
                        and e.person_id = rc.person_id and e.email = ${email})
            and not exists (select 1 from memberships m where m.coop_id = rc.coop_id
                            and m.person_id = rc.person_id and m.status = 'suspended')
          returning rc.person_id),
        opened as (
          insert into sessions (coop_id, token_hash, person_id, csrf_token, expires_at, ip, user_agent)
          select ${coopId}, ${sha256(session.token)}, person_id, ${session.csrfToken},
                 ${session.expiresAt.toISOString()}::timestamptz, ${ctx.ip ?? null},
                 ${userAgent?.slice(0, 300) ?? null}
          from used returning person_id),
        verified as (
          update person_emails set verified_at = coalesce(verified_at, now())
          where coop_id = ${coopId} and email = ${email}
            and person_id in (select person_id from used) returning 1),
        logged as (
          insert into events (coop_id, type, actor_id, subject_type, subject_id, data)
          select ${coopId}, 'session.started', person_id, 'person', person_id::text,
                 '{"method":"registration-code"}'::jsonb
          from used returning 1)
        select person_id from opened`,
  );
  if (rows[0]) return { personId: rows[0].person_id, session };

  // The rare path: say precisely why the code was refused.
  const [found] = await ctx.db
    .select({
      usedAt: registrationCodes.usedAt,
      expired: sql<boolean>`${registrationCodes.expiresAt} <= now()`,
      email: personEmails.email,
      status: memberships.status,
    })
    .from(registrationCodes)
    .leftJoin(
      personEmails,
      and(
        eq(personEmails.coopId, registrationCodes.coopId),
        eq(personEmails.personId, registrationCodes.personId),
        eq(personEmails.email, email),
      ),
    )
    .leftJoin(
      memberships,
      and(
        eq(memberships.coopId, registrationCodes.coopId),
        eq(memberships.personId, registrationCodes.personId),
      ),
    )
    .where(and(eq(registrationCodes.coopId, coopId), eq(registrationCodes.codeHash, codeHash)));
  if (!found || !found.email) {
    await recordFailure(ctx.db, coopId, email, ctx.ip);
    throw wrongCredentials('registration code');
  }
  if (found.status === 'suspended') throw suspended();
  if (found.usedAt)
    throw gone('This registration code has already been used. Sign in with your password.');
  if (found.expired) throw gone('This registration code has expired. Ask the co-op for a new one.');
  throw wrongCredentials('registration code');
}
