import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../platform/config.ts';
import { parseSignerKey, type NoteSigner } from './core/keys.ts';

/** Where `coop log keygen` puts the private key when no environment variable holds it. */
export const signingKeyFile = (dataDir: string) => path.join(dataDir, 'log-signing.key');

/**
 * The log's signer: `COOP_LOG_SIGNING_KEY`, else the key file in the data directory, else none
 * (the log still grows; checkpoints wait for a key). Kept out of the database so that someone
 * with database rights alone cannot sign a rewritten log.
 */
export function loadLogSigner(
  config: Pick<Config, 'COOP_LOG_SIGNING_KEY' | 'dataDir'>,
): NoteSigner | undefined {
  let text = config.COOP_LOG_SIGNING_KEY;
  if (!text) {
    try {
      text = fs.readFileSync(signingKeyFile(config.dataDir), 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
  const signer = parseSignerKey(text);
  if (typeof signer === 'string') throw new Error(`the log's signing key: ${signer}`);
  return signer;
}

/** The log's origin line: the host its members reach it by and the co-op's slug. */
export function logOrigin(publicUrl: string, coop: { slug: string; hostName: string | null }) {
  return coop.hostName ? `${coop.hostName}/log` : `${new URL(publicUrl).host}/${coop.slug}/log`;
}

/** The signing key's default name: the deployment's host. */
export const defaultKeyName = (publicUrl: string) => new URL(publicUrl).host;
