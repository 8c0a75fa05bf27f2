import { sign, verify } from 'node:crypto';
import {
  algCosignatureV1,
  algEd25519,
  ed25519PublicKey,
  generateKey,
  isValidName,
  keyHash,
  ed25519PrivateKey,
  rawPublic,
  splitKey,
  strictBase64,
  type NoteSigner,
  type NoteVerifier,
} from './keys.ts';

/**
 * C2SP tlog-cosignature v1: a witness signs `cosignature/v1\ntime T\n` followed by the checkpoint
 * body, and its signature is timestamp (8 bytes, big-endian) || Ed25519 signature. By signing it
 * says: I saw this checkpoint, and it is consistent with every earlier one I saw.
 */
const cosignedMessage = (timestamp: bigint, text: Buffer) =>
  Buffer.concat([Buffer.from(`cosignature/v1\ntime ${timestamp}\n`), text]);

/** A witness's key pair (`coop log witness-keygen`): the public key is typed 0x04. */
export const generateWitnessKey = (name: string) => generateKey(name, algCosignatureV1);

/**
 * Why a text is no witness key, in English, by the code a client words it by
 * (`reason.witness-key.malformed`, … in `web/src/app/problemMessages.ts`).
 */
export const witnessKeyReasons = {
  malformed: 'malformed witness key',
  algorithm: 'unknown key algorithm',
  hash: 'the key hash does not match the key',
} as const;

/** A witness's public key; a plain Ed25519 note key is accepted too, hashed as a witness key. */
export function parseWitnessKey(vkey: string): NoteVerifier | string {
  const [name = '', hash = '', ...rest] = vkey.split('+');
  const key = strictBase64(rest.join('+'));
  if (!isValidName(name) || !/^[0-9a-fA-F]{8}$/.test(hash) || !key || key.length !== 33)
    return witnessKeyReasons.malformed;
  if (key[0] !== algCosignatureV1 && key[0] !== algEd25519) return witnessKeyReasons.algorithm;
  const raw = key.subarray(1);
  const typed = Buffer.concat([Buffer.from([algCosignatureV1]), raw]);
  const id = keyHash(name, typed);
  if (key[0] === algCosignatureV1 && id !== parseInt(hash, 16)) return witnessKeyReasons.hash;
  const publicKey = ed25519PublicKey(raw);
  return {
    name,
    keyHash: id,
    verify(message, signature) {
      if (signature.length !== 8 + 64) return false;
      const timestamp = signature.readBigUInt64BE(0);
      return verify(null, cosignedMessage(timestamp, message), publicKey, signature.subarray(8));
    },
  };
}

/** A witness's signer from its private key text (`PRIVATE+KEY+name+hash+base64(0x04 || seed)`). */
export function parseWitnessSigner(
  skey: string,
  now: () => Date = () => new Date(),
): NoteSigner | string {
  const bad = 'malformed witness private key';
  if (!skey.startsWith('PRIVATE+KEY+')) return bad;
  const parts = splitKey(skey.slice('PRIVATE+KEY+'.length));
  if (typeof parts === 'string') return bad;
  const { name, hash, key } = parts;
  if (key[0] !== algCosignatureV1 || key.length !== 33) return bad;
  const seed = key.subarray(1);
  const typed = Buffer.concat([Buffer.from([algCosignatureV1]), rawPublic(seed)]);
  if (keyHash(name, typed) !== parseInt(hash, 16)) return bad;
  const vkey = `${name}+${hash}+${typed.toString('base64')}`;
  const verifier = parseWitnessKey(vkey);
  if (typeof verifier === 'string') return verifier;
  const privateKey = ed25519PrivateKey(seed);
  return {
    name,
    keyHash: verifier.keyHash,
    vkey,
    verifier,
    sign(message) {
      const timestamp = BigInt(Math.floor(now().getTime() / 1000));
      const stamp = Buffer.alloc(8);
      stamp.writeBigUInt64BE(timestamp);
      return Buffer.concat([stamp, sign(null, cosignedMessage(timestamp, message), privateKey)]);
    },
  };
}

/** When a witness says it signed: the timestamp inside its cosignature. */
export function cosignatureTime(base64: string): Date | undefined {
  const sig = strictBase64(base64);
  if (!sig || sig.length !== 4 + 8 + 64) return undefined;
  return new Date(Number(sig.readBigUInt64BE(4)) * 1000);
}
