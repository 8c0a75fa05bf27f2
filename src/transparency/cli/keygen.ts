import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../platform/config.ts';
import { generateWitnessKey } from '../core/cosignature.ts';
import { generateKey } from '../core/keys.ts';
import { defaultKeyName, signingKeyFile } from '../signingKey.ts';

/** Writes a private key readable by its owner only, and never over an existing one. */
function writeKey(file: string, skey: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  try {
    fs.writeFileSync(file, `${skey}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new Error(`${file} exists: a key is never replaced silently; move it away first`, {
        cause: error,
      });
    throw error;
  }
}

/** `coop log keygen`: the log's Ed25519 key, in the data directory unless told otherwise. */
export async function logKeygen(options: { name?: string; out?: string }): Promise<void> {
  const config = loadConfig();
  const name = options.name ?? defaultKeyName(config.publicUrl);
  const file = options.out ?? signingKeyFile(config.dataDir);
  const { skey, vkey } = generateKey(name);
  writeKey(file, skey);
  console.log(
    `Private key written to ${file} (keep it out of backups; or set COOP_LOG_SIGNING_KEY).`,
  );
  console.log('Public key, to publish for anyone who verifies the log:');
  console.log(vkey);
}

/** `coop log witness-keygen`: a member's key for co-signing checkpoints. */
export function witnessKeygen(options: { name: string; out: string }): void {
  const { skey, vkey } = generateWitnessKey(options.name);
  writeKey(options.out, skey);
  console.log(`Witness key written to ${options.out}. Register this public key on the log page:`);
  console.log(vkey);
}
