import { and, eq, gt } from 'drizzle-orm';
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db/database.ts';
import { newToken, sha256 } from '../platform/tokens.ts';
import { sessions } from './schema.ts';

export const sessionDays = 30;
export const sessionCookie = 'coop_session';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export function mintSession(clock: Clock): NewSession {
  return {
    token: newToken(),
    csrfToken: newToken(),
    expiresAt: new Date(clock.now().getTime() + sessionDays * 24 * 3600 * 1000),
  };
}

export async function insertSession(
  tx: Executor,
  coopId: string,
  personId: string,
  session: NewSession,
  client: { ip?: string | undefined; userAgent?: string | undefined },
): Promise<void> {
  await tx.insert(sessions).values({
    coopId,
    tokenHash: sha256(session.token),
    personId,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    ip: client.ip ?? null,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
}

export async function findSession(executor: Executor, token: string, now: Date) {
  const [row] = await executor
    .select({
      coopId: sessions.coopId,
      personId: sessions.personId,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, now)));
  return row;
}

export async function deleteSession(executor: Executor, token: string) {
  return executor
    .delete(sessions)
    .where(eq(sessions.tokenHash, sha256(token)))
    .returning({ personId: sessions.personId });
}
