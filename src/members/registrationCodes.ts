import type { Executor } from '../platform/db/database.ts';
import type { Mail } from '../platform/outbox.ts';
import { newRegistrationCode, normalizeCode, sha256 } from '../platform/tokens.ts';
import { registrationCodes } from './schema.ts';

export const registrationCodeDays = 30;

/** Returns the code in clear once, for the CSV or the mail; only its hash is stored. */
export async function insertRegistrationCode(
  tx: Executor,
  coopId: string,
  personId: string,
  now: Date,
): Promise<string> {
  const code = newRegistrationCode();
  await tx.insert(registrationCodes).values({
    coopId,
    personId,
    codeHash: sha256(normalizeCode(code)),
    expiresAt: new Date(now.getTime() + registrationCodeDays * 24 * 3600 * 1000),
  });
  return code;
}

export const registrationCodeMail = (publicUrl: string, email: string, code: string): Mail => ({
  to: email,
  kind: 'registration-code',
  subject: 'Your sign-in code for the co-op',
  body: [
    'Hello,',
    '',
    'An account has been prepared for you. To sign in for the first time, open',
    `${publicUrl}/sign-in?email=${encodeURIComponent(email)}`,
    'and enter this one-time code:',
    '',
    `    ${code}`,
    '',
    `It works once, within ${registrationCodeDays} days. You will then choose a password.`,
  ].join('\n'),
});
