import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { gone } from '../platform/errors.ts';
import { newToken, sha256 } from '../platform/tokens.ts';
import { emailTokens } from './schema.ts';

type Purpose = (typeof emailTokens.$inferInsert)['purpose'];

/** The mailed links a new password makes obsolete. */
export const passwordLinks: readonly Purpose[] = ['reset-password', 'sign-in-link'];

export async function insertEmailToken(
  tx: Executor,
  token: {
    coopId: string;
    purpose: Purpose;
    personId: string;
    emailId: string | null;
    hours: number;
    now: Date;
  },
): Promise<string> {
  const secret = newToken();
  await tx.insert(emailTokens).values({
    coopId: token.coopId,
    tokenHash: sha256(secret),
    purpose: token.purpose,
    personId: token.personId,
    emailId: token.emailId,
    expiresAt: new Date(token.now.getTime() + token.hours * 3600 * 1000),
  });
  return secret;
}

/** Marks the token used and returns it; a used, expired or unknown token is refused. */
export async function consumeEmailToken(
  tx: Executor,
  coopId: string,
  purpose: Purpose,
  token: string,
  now: Date,
) {
  const [row] = await tx
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailTokens.coopId, coopId),
        eq(emailTokens.tokenHash, sha256(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .returning();
  if (!row)
    throw gone('This link is invalid, used or expired. Ask for a new one.').because('link.dead');
  return row;
}

/**
 * Every still-usable link of these purposes for this person stops working: a newer link
 * replaces the older, and a new password ends every way in that the old one could have opened.
 */
export async function endEmailTokens(
  tx: Executor,
  coopId: string,
  personId: string,
  purposes: readonly Purpose[],
  now: Date,
): Promise<void> {
  await tx
    .update(emailTokens)
    .set({ expiresAt: now })
    .where(
      and(
        eq(emailTokens.coopId, coopId),
        eq(emailTokens.personId, personId),
        inArray(emailTokens.purpose, purposes),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    );
}
