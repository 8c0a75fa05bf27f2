import { createHash, randomBytes } from 'node:crypto';

/** 256 bits of randomness, URL-safe: session tokens, invitation and email links. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/**
 * Registration codes are typed by people: 16 characters from an alphabet without look-alikes
 * (80 bits), shown in groups of four.
 */
const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newRegistrationCode(): string {
  const bytes = randomBytes(16);
  let code = '';
  for (let i = 0; i < 16; i++) {
    code += codeAlphabet[bytes[i]! & 31];
    if (i % 4 === 3 && i < 15) code += '-';
  }
  return code;
}

export const normalizeCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Tokens are high-entropy, so a fast hash suffices and keeps a venue's rush cheap. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
