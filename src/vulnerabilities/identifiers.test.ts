import { describe, expect, it } from 'vitest';
import { identifierKind, normaliseIdentifier } from './identifiers.ts';

describe('vulnerability identifiers', () => {
  it.each([
    ['CVE-2021-44228', 'CVE'],
    ['CVE-2024-1234567', 'CVE'],
    ['GHSA-jfh8-c2jp-5v3q', 'GHSA'],
    ['PYSEC-2021-1', 'OSV'],
    ['RUSTSEC-2021-0001', 'OSV'],
    ['GO-2022-0001', 'OSV'],
    ['OSV-2020-111', 'OSV'],
    ['CVE-21-44228', null],
    ['CVE-2021-123', null],
    ['GHSA-jfh8-c2jp-5v3', null],
    ['GHSA-abcd-efgh-ijkl', null],
    ['log4shell', null],
    ['', null],
  ])('%s is %s', (id, kind) => expect(identifierKind(normaliseIdentifier(id))).toBe(kind));
  it('writes CVE upper case and GHSA lower case after its prefix', () => {
    expect(normaliseIdentifier(' cve-2021-44228 ')).toBe('CVE-2021-44228');
    expect(normaliseIdentifier('ghsa-JFH8-C2JP-5V3Q')).toBe('GHSA-jfh8-c2jp-5v3q');
  });
});
