import { isValidName, strictBase64, type NoteVerifier } from './keys.ts';

/**
 * C2SP signed-note (the format of Go's checksum database): UTF-8 text ending in a newline, a
 * blank line, then one line per signature, `— name base64(keyhash || signature)`.
 */
export interface NoteSignature {
  name: string;
  keyHash: number;
  base64: string;
}

export interface OpenedNote {
  text: string;
  /** Signatures by known keys, each checked. */
  verified: NoteSignature[];
  /** Signatures by keys not given: ignored, as the specification says, but kept to show. */
  unverified: NoteSignature[];
}

const sigPrefix = '— ';
const maxSignatures = 100;
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

export const malformedNote = 'malformed note';

/** Any ASCII control character but the newline. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) return true;
  }
  return false;
}

/**
 * Opens a note as Go's note.Open does: malformed text, an invalid signature by a known key, or no
 * signature by any known key make it fail (a string says why); signatures by unknown keys are
 * set aside; a key's repeated signatures count once.
 */
export function openNote(message: Uint8Array | string, known: NoteVerifier[]): OpenedNote | string {
  let msg: string;
  try {
    msg = typeof message === 'string' ? message : fatalUtf8.decode(message);
  } catch {
    return malformedNote;
  }
  if (!msg.isWellFormed() || hasControlCharacter(msg)) return malformedNote;
  const split = msg.lastIndexOf('\n\n');
  if (split < 0) return malformedNote;
  const text = msg.slice(0, split + 1);
  let sigs = msg.slice(split + 2);
  if (sigs.length === 0 || !sigs.endsWith('\n')) return malformedNote;

  const note: OpenedNote = { text, verified: [], unverified: [] };
  const seen = new Set<string>();
  const seenUnverified = new Set<string>();
  let count = 0;
  const textBytes = Buffer.from(text, 'utf8');
  while (sigs.length > 0) {
    const end = sigs.indexOf('\n');
    let line = sigs.slice(0, end);
    sigs = sigs.slice(end + 1);
    if (!line.startsWith(sigPrefix)) return malformedNote;
    line = line.slice(sigPrefix.length);
    const space = line.indexOf(' ');
    const name = space < 0 ? line : line.slice(0, space);
    const b64 = space < 0 ? '' : line.slice(space + 1);
    const sig = strictBase64(b64);
    if (!sig || !isValidName(name) || b64 === '' || sig.length < 5) return malformedNote;
    const hash = sig.readUInt32BE(0);
    if (++count > maxSignatures) return malformedNote;

    const matches = known.filter((v) => v.name === name && v.keyHash === hash);
    if (matches.length > 1) return `ambiguous key ${name}+${hash.toString(16).padStart(8, '0')}`;
    const verifier = matches[0];
    if (!verifier) {
      if (!seenUnverified.has(line)) {
        seenUnverified.add(line);
        note.unverified.push({ name, keyHash: hash, base64: b64 });
      }
      continue;
    }
    const id = `${name}+${hash}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (!verifier.verify(textBytes, sig.subarray(4)))
      return `invalid signature for key ${name}+${hash.toString(16).padStart(8, '0')}`;
    note.verified.push({ name, keyHash: hash, base64: b64 });
  }
  if (note.verified.length === 0) return 'note has no verifiable signatures';
  return note;
}

/** The signature block of a note, or a string saying why the text cannot be one. */
export function splitNote(message: string): { text: string; signatureLines: string[] } | string {
  const split = message.lastIndexOf('\n\n');
  if (split < 0 || !message.endsWith('\n')) return malformedNote;
  return {
    text: message.slice(0, split + 1),
    signatureLines: message.slice(split + 2, -1).split('\n'),
  };
}

/** A signature line for a note's text by one key: `— name base64(keyhash || signature)`. */
export function signatureLine(name: string, keyHash: number, signature: Buffer): string {
  const hash = Buffer.alloc(4);
  hash.writeUInt32BE(keyHash >>> 0);
  return `${sigPrefix}${name} ${Buffer.concat([hash, signature]).toString('base64')}\n`;
}

/** Signs text that ends with a newline and has no blank line at its end. */
export function signNote(
  text: string,
  signer: { name: string; keyHash: number; sign(message: Buffer): Buffer },
): string {
  if (!text.endsWith('\n') || text.length < 2 || text.endsWith('\n\n'))
    throw new Error(malformedNote);
  return `${text}\n${signatureLine(signer.name, signer.keyHash, signer.sign(Buffer.from(text, 'utf8')))}`;
}
