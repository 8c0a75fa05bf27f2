import iconv from 'iconv-lite';
import { legacyCharsets, statementCharsets, type StatementCharset } from '../statementChoices.ts';

export { statementCharsets, type StatementCharset };

const aliases: Record<string, StatementCharset> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  usascii: 'utf-8',
  'us-ascii': 'utf-8',
  '1252': 'windows-1252',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-1': 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  latin1: 'iso-8859-1',
  '850': 'cp850',
  cp850: 'cp850',
  ibm850: 'cp850',
  '437': 'cp437',
  cp437: 'cp437',
};

/** What the file says of itself: an XML declaration (CAMT, OFX 2) or an OFX 1 header. */
function declaredCharset(head: string): StatementCharset | undefined {
  const xml = /^\s*<\?xml[^>]*encoding=["']([^"']+)["']/i.exec(head)?.[1];
  if (xml) return aliases[xml.toLowerCase()];
  if (/^\s*OFXHEADER:/i.test(head)) {
    const charset = /\bCHARSET:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
    const encoding = /\bENCODING:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
    if (encoding === 'utf-8' || encoding === 'unicode') return 'utf-8';
    if (charset && charset !== 'none') return aliases[charset];
  }
  return undefined;
}

/**
 * How much a decoding reads like bank text. Accented Latin letters inside words count for it;
 * control characters, symbols wedged between letters, letters from outside the Latin alphabets
 * (the "ⁿ" a DOS code page makes of a Windows "ü"), and case flipping inside a name (the
 * "MšLLER" of a DOS "Ü" read as Windows-1252) count against it. Currency signs are neutral.
 */
function plausibility(text: string): number {
  let score = 0;
  for (const match of text.matchAll(/[^\p{ASCII}]/gu)) {
    const ch = match[0];
    const before = text[match.index - 1] ?? ' ';
    const after = text[match.index + 1] ?? ' ';
    const lower = ch !== ch.toUpperCase();
    const upper = ch !== ch.toLowerCase();
    if (/[\u0080-\u009F]/u.test(ch)) score -= 3;
    else if (/\p{Sc}/u.test(ch)) continue;
    else if (!/[\u00C0-\u017F]/u.test(ch) || ch === '\u00D7' || ch === '\u00F7')
      score -= /[A-Za-z]/.test(before) || /[A-Za-z]/.test(after) ? 2 : 1;
    else if (lower && /[A-Z]/.test(before) && /[A-Z]/.test(after)) score -= 2;
    else if (upper && /[a-z]/.test(before)) score -= 1;
    else score += 1;
  }
  return score;
}

/**
 * A statement file's bytes as text. UTF-8 when the bytes are UTF-8 (CAMT must be, unless its
 * XML declaration says otherwise); the charset an OFX header or XML declaration names; else,
 * for MT940 and CSV exports in a legacy code page (ISO 8859-1, Windows-1252, or the DOS code
 * pages some German banks still write), the one whose text reads most like names and words.
 */
export function decodeStatementBytes(
  bytes: Uint8Array,
  charset?: StatementCharset,
): { text: string; charset: StatementCharset } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = buffer.subarray(0, 1000).toString('latin1');
  const chosen = charset ?? declaredCharset(head);
  if (chosen && chosen !== 'utf-8') return { text: iconv.decode(buffer, chosen), charset: chosen };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
    return { text, charset: 'utf-8' };
  } catch {
    if (chosen === 'utf-8') return { text: iconv.decode(buffer, 'utf-8'), charset: 'utf-8' };
  }
  let best: { text: string; charset: StatementCharset; score: number } | undefined;
  for (const candidate of legacyCharsets) {
    const text = iconv.decode(buffer, candidate);
    const score = plausibility(text);
    if (!best || score > best.score) best = { text, charset: candidate, score };
  }
  return { text: best!.text, charset: best!.charset };
}
