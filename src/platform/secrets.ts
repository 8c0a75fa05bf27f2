import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeKey, type Config } from './config.ts';

/** Secrets the database must never hold, so that neither it nor a backup can reveal them. */
export interface Secrets {
  /** Seals secret ballots until their poll closes (src/governance/polls/ballotSeal.ts). */
  ballotKey: Buffer;
}

/**
 * `COOP_BALLOT_KEY` when set; otherwise `ballot.key` in the data directory, created at the first
 * start (readable by its owner only). Creating it with `wx` lets two processes starting at once
 * agree on one key: the second reads what the first wrote.
 */
export function loadSecrets(config: Pick<Config, 'COOP_BALLOT_KEY' | 'dataDir'>): Secrets {
  if (config.COOP_BALLOT_KEY) return { ballotKey: decodeKey(config.COOP_BALLOT_KEY)! };
  const file = path.join(config.dataDir, 'ballot.key');
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = decodeKey(fs.readFileSync(file, 'utf8'));
  if (!key) throw new Error(`${file} does not hold a 32-byte key (base64 or hex)`);
  return { ballotKey: key };
}
