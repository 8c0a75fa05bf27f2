/** The bare cost of the password check the sign-in path performs, measured in this process. */
import { hashPassword, verifyPassword } from '../src/platform/passwords.ts';

/** A verification of a real hash (same argon2id parameters as the stored ones), as a task. */
export async function bareVerifier(password: string): Promise<() => Promise<boolean>> {
  const hash = await hashPassword(password);
  if (!(await verifyPassword(hash, password))) throw new Error('verifyPassword rejected its hash');
  await verifyPassword(hash, password); // warm
  return () => verifyPassword(hash, password);
}
