/**
 * Vulnerability identifiers as the databases issue them: CVE (MITRE's CVE-YYYY-NNNN, four or
 * more digits), GitHub's GHSA (three groups of four from its 27-letter alphabet) and the other
 * OSV databases' ids (an upper-case prefix naming the database, PYSEC-2021-1, RUSTSEC-2021-0001,
 * GO-2022-0001, OSV-2020-111, MAL-2023-1).
 */
const patterns: Array<[kind: string, pattern: RegExp]> = [
  ['CVE', /^CVE-\d{4}-\d{4,}$/],
  ['GHSA', /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/],
  ['OSV', /^(?!CVE-|GHSA-)[A-Z][A-Z0-9]{1,15}-[A-Za-z0-9][A-Za-z0-9._-]{0,60}$/],
];

export function identifierKind(id: string): 'CVE' | 'GHSA' | 'OSV' | null {
  for (const [kind, pattern] of patterns)
    if (pattern.test(id)) return kind as 'CVE' | 'GHSA' | 'OSV';
  return null;
}

/** CVE and GHSA ids are case-insensitive by their issuers' rules: kept in their usual case. */
export function normaliseIdentifier(id: string): string {
  const trimmed = id.trim();
  if (/^cve-/i.test(trimmed)) return trimmed.toUpperCase();
  if (/^ghsa-/i.test(trimmed)) return `GHSA-${trimmed.slice(5).toLowerCase()}`;
  return trimmed;
}
