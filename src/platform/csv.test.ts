import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, csvTable } from './csv.ts';

describe('the CSV writer', () => {
  it('neutralises every cell a spreadsheet would run as a formula (OWASP)', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    );
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}cmd|' /C calc'!A0`)).toBe(`"'${start}cmd|' /C calc'!A0"`);
    expect(csvCell('-1+2')).toBe(`"'-1+2"`);
    expect(csvCell('+33 6 12 34 56 78')).toBe(`"'+33 6 12 34 56 78"`);
  });

  it('leaves plain numbers, negative amounts included, as numbers', () => {
    for (const n of ['-12.50', '+3', '1500.00', '0', '-3600000']) expect(csvCell(n)).toBe(n);
    expect(csvCell(-12)).toBe('-12');
    expect(csvCell(-1200n)).toBe('-1200');
  });

  it('quotes as RFC 4180 and reads back as written (with the quote a neutralised cell gained)', () => {
    const text = csvTable([
      { name: 'Ada, "the first"', amount: '-12.50', note: '=1+1', data: { a: 1 }, none: null },
    ]);
    expect(text).toBe(
      `name,amount,note,data,none\n"Ada, ""the first""",-12.50,"'=1+1","{""a"":1}",\n`,
    );
    expect(parse(text, { columns: true })).toEqual([
      { name: 'Ada, "the first"', amount: '-12.50', note: "'=1+1", data: '{"a":1}', none: '' },
    ]);
    expect(csvLine(['a\nb', 'plain'])).toBe('"a\nb",plain\n');
  });
});
