import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { gone } from '../platform/errors.ts';
import { newToken, sha256 } from '../platform/tokens.ts';
import { emailTokens } from './schema.ts';

type Purpose = (typeof emailTokens.$inferInsert)['purpose'];

export async function insertEmailToken(
  tx: Executor,
  coopId: string,
  purpose: Purpose,
  personId: string,
  emailId: string | null,
  hours: number,
): Promise<string> {
  const token = newToken();
  await tx.insert(emailTokens).values({
    coopId,
    tokenHash: sha256(token),
    purpose,
    personId,
    emailId,
    expiresAt: new Date(Date.now() + hours * 3600 * 1000),
  });
  return token;
}

/** Marks the token used and returns it; a used, expired or unknown token is refused. */
export async function consumeEmailToken(
  tx: Executor,
  coopId: string,
  purpose: Purpose,
  token: string,
) {
  const [row] = await tx
    .update(emailTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(emailTokens.coopId, coopId),
        eq(emailTokens.tokenHash, sha256(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, sql`now()`),
      ),
    )
    .returning();
  if (!row) throw gone('This link is invalid, used or expired. Ask for a new one.');
  return row;
}
