import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';

/**
 * Keys in the text form of Go's checksum database (golang.org/x/mod/sumdb/note) and C2SP
 * signed-note: `name+hash+base64(alg || key)`, the private one prefixed `PRIVATE+KEY+`. The hash
 * is the first four bytes of SHA-256(name || "\n" || alg || public key), and each signature line
 * starts with it, so a verifier picks the key without trying them all.
 */
export const algEd25519 = 0x01;
/** C2SP tlog-cosignature: a witness's key, hashed with this type so it cannot sign log notes. */
export const algCosignatureV1 = 0x04;

export interface NoteVerifier {
  name: string;
  keyHash: number;
  verify(message: Buffer, signature: Buffer): boolean;
}

export interface NoteSigner {
  name: string;
  keyHash: number;
  /** The public key in text form: what `coop log keygen` prints and the server publishes. */
  vkey: string;
  sign(message: Buffer): Buffer;
  verifier: NoteVerifier;
}

const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');
const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Go's isValidName: not empty, no white space, no `+`. */
export const isValidName = (name: string): boolean =>
  name !== '' && !/[\s+]/u.test(name) && name.isWellFormed();

/** Base64 as Go's StdEncoding reads it: padded, nothing outside the alphabet. */
export function strictBase64(text: string): Buffer | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  return Buffer.from(text, 'base64');
}

export function keyHash(name: string, typedKey: Buffer): number {
  return createHash('sha256').update(name).update('\n').update(typedKey).digest().readUInt32BE(0);
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

export const ed25519PublicKey = (raw: Buffer) =>
  createPublicKey({ key: Buffer.concat([spkiPrefix, raw]), format: 'der', type: 'spki' });

export const ed25519PrivateKey = (seed: Buffer) =>
  createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });

export function rawPublic(privateSeed: Buffer): Buffer {
  const jwk = createPublicKey(ed25519PrivateKey(privateSeed)).export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url');
}

/** A new Ed25519 key pair: `skey` for the operator's file, `vkey` to publish. */
export function generateKey(name: string, alg = algEd25519): { skey: string; vkey: string } {
  if (!isValidName(name)) throw new Error('a key name has no spaces and no +');
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
  const pub = Buffer.concat([Buffer.from([alg]), rawPublic(seed)]);
  const hash = hex8(keyHash(name, pub));
  return {
    skey: `PRIVATE+KEY+${name}+${hash}+${Buffer.concat([Buffer.from([alg]), seed]).toString('base64')}`,
    vkey: `${name}+${hash}+${pub.toString('base64')}`,
  };
}

export function splitKey(text: string): { name: string; hash: string; key: Buffer } | string {
  const parts = text.split('+');
  // The base64 part may itself hold `+`: name and hash are the first two fields.
  const [name = '', hash = ''] = parts;
  const key = strictBase64(parts.slice(2).join('+'));
  if (parts.length < 3 || hash.length !== 8 || !/^[0-9a-fA-F]{8}$/.test(hash))
    return 'malformed key';
  if (!isValidName(name) || !key || key.length === 0) return 'malformed key';
  return { name, hash, key };
}

/** A log's (or a plain signer's) public key, checked like Go's note.NewVerifier. */
export function parseVerifierKey(vkey: string): NoteVerifier | string {
  const parts = splitKey(vkey);
  if (typeof parts === 'string') return parts;
  const { name, hash, key } = parts;
  if (parseInt(hash, 16) !== keyHash(name, key)) return 'the key hash does not match the key';
  if (key[0] !== algEd25519) return 'unknown key algorithm';
  if (key.length !== 33) return 'malformed key';
  const publicKey = ed25519PublicKey(key.subarray(1));
  return {
    name,
    keyHash: parseInt(hash, 16),
    verify: (message, signature) =>
      signature.length === 64 && verify(null, message, publicKey, signature),
  };
}

/** The operator's private key, checked like Go's note.NewSigner. */
export function parseSignerKey(skey: string): NoteSigner | string {
  if (!skey.startsWith('PRIVATE+KEY+')) return 'malformed private key';
  const parts = splitKey(skey.slice('PRIVATE+KEY+'.length));
  if (typeof parts === 'string') return 'malformed private key';
  const { name, hash, key } = parts;
  if (key[0] !== algEd25519 || key.length !== 33) return 'malformed private key';
  const seed = key.subarray(1);
  const pub = Buffer.concat([Buffer.from([algEd25519]), rawPublic(seed)]);
  if (keyHash(name, pub) !== parseInt(hash, 16)) return 'malformed private key';
  const privateKey = ed25519PrivateKey(seed);
  const vkey = `${name}+${hash}+${pub.toString('base64')}`;
  const verifier = parseVerifierKey(vkey);
  if (typeof verifier === 'string') return verifier;
  return {
    name,
    keyHash: parseInt(hash, 16),
    vkey,
    sign: (message) => sign(null, message, privateKey),
    verifier,
  };
}
