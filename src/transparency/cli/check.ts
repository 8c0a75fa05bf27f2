import fs from 'node:fs';
import { checkProofBundle } from '../proofBundle.ts';
import type { Outcome } from './verifyCommands.ts';

/** `coop log check FILE`: a proof file checked offline against the log key the user trusts. */
export function checkProofFile(file: string, options: { key: string; origin?: string }): Outcome {
  let bundle: unknown;
  try {
    bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { valid: false, reason: `cannot read ${file}: ${(error as Error).message}` };
  }
  return checkProofBundle(bundle, options.key, options.origin);
}
