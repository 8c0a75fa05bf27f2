import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JSON Canonicalization Scheme): one byte string per JSON value, so a record anyone
 * holds hashes to the same leaf the log holds. Dates become their ISO text first (toJSON).
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('no JSON form for this value');
  return text;
}
