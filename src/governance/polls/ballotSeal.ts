import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secret ballots are sealed when cast: AES-256-GCM under a key derived for each poll from the
 * co-op's ballot key, which lives outside the database (src/platform/secrets.ts). Until the
 * close, the database, its backups and the event log hold only sealed ballots; the close opens
 * them, shuffles them and publishes them (src/governance/commands/pollLifecycle.ts).
 *
 * A sealed ballot: version (1 byte) | nonce (12) | GCM tag (16) | ciphertext. The co-op and the
 * poll are authenticated with it, so a ballot copied into another poll does not open.
 */
export interface OpenedBallot {
  /** What was voted, as `ballotContentSchema` checked it. */
  content: unknown;
  /** The voter's class, sealed only for a class-balanced poll (its count needs it). */
  voterClass: string | null;
  /** SHA-256 of the voter's receipt: published with the ballot, so the voter finds it. */
  fingerprint: string;
}

const version = 1;

function pollKey(ballotKey: Buffer, coopId: string, pollId: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', ballotKey, 'hackers-coop ballots', `${coopId}/${pollId}`, 32),
  );
}

export function sealBallot(
  ballotKey: Buffer,
  coopId: string,
  pollId: string,
  ballot: OpenedBallot,
): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', pollKey(ballotKey, coopId, pollId), nonce);
  cipher.setAAD(Buffer.from(`${coopId}/${pollId}`));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(ballot), 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([version]), nonce, cipher.getAuthTag(), sealed]);
}

/** Throws if the ballot was sealed for another poll, with another key, or altered. */
export function openBallot(
  ballotKey: Buffer,
  coopId: string,
  pollId: string,
  sealed: Buffer,
): OpenedBallot {
  if (sealed[0] !== version) throw new Error(`unknown sealed ballot version ${sealed[0]}`);
  const decipher = createDecipheriv(
    'aes-256-gcm',
    pollKey(ballotKey, coopId, pollId),
    sealed.subarray(1, 13),
  );
  decipher.setAAD(Buffer.from(`${coopId}/${pollId}`));
  decipher.setAuthTag(sealed.subarray(13, 29));
  const text = Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
  return JSON.parse(text.toString('utf8')) as OpenedBallot;
}
