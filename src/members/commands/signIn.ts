import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand, type RunContext } from '../../platform/commands.ts';
import type { Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { AppError, forbidden, gone } from '../../platform/errors.ts';
import { burnPasswordCheck, verifyPassword } from '../../platform/passwords.ts';
import { normalizeCode, sha256 } from '../../platform/tokens.ts';
import { sessionStarted } from '../events.ts';
import { signInInputSchema } from '../signInInput.ts';
import {
  recentFailures,
  recordFailure,
  releaseAttempt,
  reserveAttempt,
  throttleLimits,
  throttled,
  type FailureCounts,
  type Reservation,
} from '../loginThrottle.ts';
import { membersPolicy } from '../policy.ts';
import { normalizeEmail } from '../repository.ts';
import { memberships, people, personEmails, registrationCodes } from '../schema.ts';
import { insertSession, mintSession, type NewSession } from '../sessions.ts';

export { signInInputSchema };
export type SignInInput = z.infer<typeof signInInputSchema>;

export interface SignedIn {
  personId: string;
  session: NewSession;
}

/**
 * A refused sign-in still commits its failure (the rate limit counts it), so the command
 * returns the refusal instead of throwing it, and its caller throws it after the commit.
 */
export type SignInOutcome = SignedIn | { refused: AppError };

/** What the sign-in knows before its transaction: a code to try, or the password's verdict. */
type Attempt = { email: string; session: NewSession } & (
  | { by: 'code'; code: string }
  | { by: 'password'; personId: string | null; reservation: Reservation }
);

const wrongCredentials = (what: 'password' | 'registration code') =>
  new AppError(401, 'wrong-credentials', 'Sign-in failed', `Wrong email or ${what}.`).because(
    what === 'password' ? 'sign-in.wrong-password' : 'sign-in.wrong-code',
  );
const suspended = () =>
  forbidden('Your membership is suspended. Contact the co-op’s administrators.').because(
    'membership.suspended',
  );

export const signIn = defineCommand({
  name: 'members.signIn',
  input: z.strictObject({ credentials: signInInputSchema, userAgent: z.string().optional() }),
  policy: membersPolicy.anyone,
  events: [sessionStarted],
  // The password's argon2 check runs here, outside the transaction; a code needs no hashing
  // beyond SHA-256 (codes are random and high-entropy), so its whole path is one statement.
  async prepare({ credentials }, ctx): Promise<Attempt> {
    const email = normalizeEmail(credentials.email);
    const session = mintSession(ctx.clock);
    if ('code' in credentials) return { by: 'code', email, session, code: credentials.code };
    const coopId = ctx.actor.coopId;
    // Counted before the hash, so that guesses arriving together cannot all slip under the limit.
    const reservation = await reserveAttempt(ctx.db, coopId, email, ctx.ip, ctx.clock.now());
    // Only a verified address is its member's: one merely added to a profile signs no one in.
    const [person] = await ctx.db
      .select({ id: people.id, passwordHash: people.passwordHash, status: memberships.status })
      .from(personEmails)
      .innerJoin(people, and(eq(people.coopId, coopId), eq(people.id, personEmails.personId)))
      .leftJoin(
        memberships,
        and(eq(memberships.coopId, coopId), eq(memberships.personId, personEmails.personId)),
      )
      .where(
        and(
          eq(personEmails.coopId, coopId),
          eq(personEmails.email, email),
          isNotNull(personEmails.verifiedAt),
        ),
      );
    const ok = person?.passwordHash
      ? await verifyPassword(person.passwordHash, credentials.password)
      : (await burnPasswordCheck(credentials.password), false);
    if (person && ok && person.status === 'suspended') {
      await releaseAttempt(ctx.db, coopId, reservation);
      throw suspended();
    }
    return {
      by: 'password',
      email,
      session,
      personId: person && ok ? person.id : null,
      reservation,
    };
  },
  async run(tx, { userAgent }, ctx, prepared): Promise<SignInOutcome> {
    const { email, session } = prepared;
    const now = ctx.clock.now();
    if (prepared.by === 'code')
      return signInWithCode(tx, ctx, email, prepared.code, session, userAgent);
    if (!prepared.personId) {
      // The account's share was counted by the reservation; the address's is counted now.
      await recordFailure(tx, ctx.coopId, email, ctx.ip, now, { account: false });
      return { refused: wrongCredentials('password') };
    }
    const personId = prepared.personId;
    await releaseAttempt(tx, ctx.coopId, prepared.reservation);
    await insertSession(tx, ctx.coopId, personId, session, { ip: ctx.ip, userAgent });
    await ctx.emit(sessionStarted, personId, { method: 'password' }, { actorId: personId });
    return { personId, session };
  },
});

const codeEventData = JSON.stringify(sessionStarted.data.parse({ method: 'registration-code' }));

/**
 * The first sign-in of an imported member, with the address the code was mailed to (the primary
 * one, which the code verifies) or another verified one. One statement counts recent failures, marks the
 * code used, verifies the address it was sent to, opens the session and appends the
 * `session.started` event (written here rather than by `ctx.emit`, its data checked above): a
 * thousand attendees arriving at once cost a thousand statements, not five thousand.
 */
async function signInWithCode(
  tx: Tx,
  ctx: RunContext,
  email: string,
  code: string,
  session: NewSession,
  userAgent: string | undefined,
): Promise<SignInOutcome> {
  const coopId = ctx.coopId;
  const now = ctx.clock.now().toISOString();
  const codeHash = sha256(normalizeCode(code));
  const [row] = await queryRows<FailureCounts & { person_id: string | null }>(
    tx,
    sql`with failures as (${recentFailures(coopId, email, ctx.ip, ctx.clock.now())}),
        used as (
          update registration_codes rc set used_at = ${now}::timestamptz
          where rc.coop_id = ${coopId} and rc.code_hash = ${codeHash}
            and rc.used_at is null and rc.expires_at > ${now}::timestamptz
            and (select f.account < ${throttleLimits.perAccount}
                        and (${!ctx.ip}::boolean or (f.pair < ${throttleLimits.perPair}
                                                     and f.address < ${throttleLimits.perAddress}))
                 from failures f)
            and exists (select 1 from person_emails e where e.coop_id = rc.coop_id
                        and e.person_id = rc.person_id and e.email = ${email}
                        and (e.is_primary or e.verified_at is not null))
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
          update person_emails set verified_at = coalesce(verified_at, ${now}::timestamptz)
          where coop_id = ${coopId} and email = ${email}
            and person_id in (select person_id from used) returning 1),
        logged as (
          insert into events (coop_id, type, version, actor_id, subject_type, subject_id, data,
                              occurred_at)
          select ${coopId}, ${sessionStarted.name}, ${sessionStarted.version}, person_id,
                 ${sessionStarted.subject}, person_id::text, ${codeEventData}::jsonb,
                 ${now}::timestamptz
          from used returning 1)
        select f.account, f.pair, f.address, (select person_id from opened) as person_id
        from failures f`,
  );
  if (row?.person_id) return { personId: row.person_id, session };
  const refusal = row && throttled(row, ctx.ip);
  if (refusal) throw refusal;

  // The rare path: say precisely why the code was refused.
  const [found] = await tx
    .select({
      usedAt: registrationCodes.usedAt,
      expiresAt: registrationCodes.expiresAt,
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
        or(eq(personEmails.isPrimary, true), isNotNull(personEmails.verifiedAt)),
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
    await recordFailure(tx, coopId, email, ctx.ip, ctx.clock.now());
    return { refused: wrongCredentials('registration code') };
  }
  if (found.status === 'suspended') throw suspended();
  if (found.usedAt)
    throw gone('This registration code has already been used. Sign in with your password.').because(
      'registration-code.used',
    );
  if (found.expiresAt <= ctx.clock.now())
    throw gone('This registration code has expired. Ask the co-op for a new one.').because(
      'registration-code.expired',
    );
  throw wrongCredentials('registration code');
}
