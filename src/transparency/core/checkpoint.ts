import { strictBase64 } from './keys.ts';

/**
 * C2SP tlog-checkpoint: the body of a signed note, `origin\nsize\nbase64(root)\n` and optional
 * extension lines. The origin names the log, so a signature for one log is no use for another.
 */
export interface Checkpoint {
  origin: string;
  size: bigint;
  rootHash: Buffer;
  /** Extension lines, kept as they are. */
  rest: string;
}

export function formatCheckpoint(c: { origin: string; size: bigint | number; rootHash: Buffer }) {
  return `${c.origin}\n${c.size}\n${c.rootHash.toString('base64')}\n`;
}

const maxSize = 2n ** 64n - 1n;

export function parseCheckpoint(text: string): Checkpoint | string {
  const lines = text.split('\n');
  if (lines.length < 4) return 'a checkpoint has an origin, a size and a root hash, each on a line';
  const [origin = '', sizeText = '', hashText = ''] = lines;
  if (origin === '') return 'the checkpoint’s origin line is empty';
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || BigInt(sizeText) > maxSize)
    return 'the checkpoint’s size is not a number';
  const rootHash = strictBase64(hashText);
  if (!rootHash) return 'the checkpoint’s root hash is not base64';
  return { origin, size: BigInt(sizeText), rootHash, rest: lines.slice(3).join('\n') };
}
