import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.ts';
import { entryLeafHash, leafEntry, recordHash, type EventRecord } from './leafEntry.ts';

describe('RFC 8785 canonical JSON', () => {
  it('orders keys by UTF-16 code units and writes numbers as ECMAScript does (RFC 8785 §3.2)', () => {
    // The RFC's own example (§3.2.2, abridged): sorted keys, shortest numbers, escapes.
    expect(
      canonicalJson({
        numbers: [333333333.3333333, 1e30, 4.5, 0.002, 1e-27],
        string: '€$\u000f\nA\'B"\\\\"/',
        literals: [null, true, false],
      }),
    ).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '\u00f6': 4, '1': 5 })).toBe(
      '{"\\r":2,"1":5,"ö":4,"€":1,"😀":3}',
    );
  });

  it('refuses what JSON cannot say', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson('\ud800')).toThrow();
    expect(() => canonicalJson(undefined)).toThrow();
  });
});

describe('leaf entries', () => {
  const record: EventRecord = {
    coopId: '00000000-0000-4000-8000-000000000001',
    seq: 7,
    type: 'finance.invoice-issued',
    version: 1,
    occurredAt: '2026-12-01T10:00:00.000Z',
    subjectType: 'invoice',
    subjectId: 'inv-1',
    actorId: null,
    data: { total: { amountMinor: '12000', currency: 'EUR' } },
  };

  it('keeps a member-visible record out of the leaf but lets its holder prove it', () => {
    const hashed = leafEntry(record, 'hashed');
    expect(JSON.stringify(hashed)).not.toContain('12000');
    expect('recordHash' in hashed && hashed.recordHash).toBe(recordHash(record));
    // Key order and spacing in the holder's copy do not matter; a changed amount does.
    const reordered = Object.fromEntries(
      Object.entries(record).reverse(),
    ) as unknown as EventRecord;
    expect(entryLeafHash(leafEntry(reordered, 'hashed'))).toEqual(entryLeafHash(hashed));
    const changed = { ...record, data: { total: { amountMinor: '12001', currency: 'EUR' } } };
    expect(entryLeafHash(leafEntry(changed, 'hashed'))).not.toEqual(entryLeafHash(hashed));
  });
});
