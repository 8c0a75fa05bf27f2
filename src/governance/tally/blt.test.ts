import { describe, expect, it } from 'vitest';
import { BltParseError, parseBlt, writeBlt } from './blt.ts';

const rankings = (e: ReturnType<typeof parseBlt>) =>
  Array.from({ length: e.ballots.count }, (_, i) => ({
    weight: e.ballots.weights[i]!,
    ranking: Array.from(e.ballots.prefs.subarray(e.ballots.offsets[i]!, e.ballots.offsets[i + 1]!)),
  }));

const sample = [
  '4 2',
  '-4',
  '3 1 3 0',
  '1 2 0',
  '2 1 3 0',
  '',
  '1  2   1 0',
  '5 0',
  '0',
  '"Alice"',
  '"Bob Smith"',
  '"Carol  DOUBLE"',
  '"Dan"',
  '"Example election"',
  '',
].join('\n');

describe('parseBlt', () => {
  it('reads the header, withdrawals, ballots, names and title, merging identical ballots', () => {
    const e = parseBlt(sample);
    expect(e.seats).toBe(2);
    expect(e.candidates).toEqual(['Alice', 'Bob Smith', 'Carol  DOUBLE', 'Dan']);
    expect(e.title).toBe('Example election');
    expect(e.withdrawn).toEqual([3]);
    expect(rankings(e)).toEqual([
      { weight: 5, ranking: [0, 2] },
      { weight: 1, ranking: [1] },
      { weight: 1, ranking: [1, 0] },
    ]);
    expect(e.voters).toBe(7);
    expect(e.blankBallots).toBe(5);
  });

  it('accepts CRLF line breaks, a byte-order mark, tabs and a missing final newline', () => {
    const text = '\ufeff3 1\r\n2\t1 2 0\r\n1 3 0\r\n0\r\n"A"\r\n"B"\r\n"C"\r\n"T"';
    const e = parseBlt(text);
    expect(e.candidates).toEqual(['A', 'B', 'C']);
    expect(rankings(e)).toEqual([
      { weight: 2, ranking: [0, 1] },
      { weight: 1, ranking: [2] },
    ]);
    expect(e.title).toBe('T');
  });

  it('round-trips through writeBlt', () => {
    const e = parseBlt(sample);
    const again = parseBlt(writeBlt(e));
    expect(again.candidates).toEqual(e.candidates);
    expect(again.withdrawn).toEqual(e.withdrawn);
    expect(again.title).toBe(e.title);
    expect(again.blankBallots).toBe(e.blankBallots);
    expect(rankings(again)).toEqual(rankings(e));
  });

  it('refuses names or titles that BLT cannot quote', () => {
    const e = parseBlt(sample);
    expect(() => writeBlt({ ...e, title: 'say "hi"' })).toThrow(/quotes/);
  });

  const good = ['3 1', '1 1 2 0', '0', '"A"', '"B"', '"C"', '"T"'];
  const withLine = (line: number, text: string) => {
    const lines = [...good];
    lines[line - 1] = text;
    return lines.join('\n');
  };
  it.each([
    ['', 1, /empty/],
    ['3\n1 1 0\n0\n"A"\n"B"\n"C"\n"T"', 1, /CANDIDATES SEATS/],
    [withLine(1, '3 x'), 1, /CANDIDATES SEATS/],
    [withLine(1, '3 0'), 1, /at least 1/],
    [withLine(1, '2 3'), 1, /3 seats but only 2 candidates/],
    [withLine(2, '1 1 4 0'), 2, /candidate 4 is not one of the 3 candidates/],
    [withLine(2, '1 1 2 1 0'), 2, /candidate 1 is ranked twice/],
    [withLine(2, '1 1 2'), 2, /does not end with 0/],
    [withLine(2, '1 1 2 0 3'), 2, /after the 0/],
    [withLine(2, '1.5 1 2 0'), 2, /weight must be a whole number, found "1\.5"/],
    [withLine(2, 'x 1 2 0'), 2, /expected a ballot line/],
    [withLine(2, '0 1 2 0'), 2, /at least 1/],
    [withLine(2, '1 1=2 0'), 2, /equal rankings/],
    [withLine(2, '1 1 = 2 0'), 2, /equal rankings/],
    [withLine(2, '1 1 b 0'), 2, /expected a candidate number, found "b"/],
    [withLine(2, '-1 -5'), 2, /withdrawn candidate 5 is not one/],
    [withLine(2, '-1 -1'), 2, /withdrawn twice/],
    [['3 1', '1 1 0', '-2', '0', '"A"', '"B"', '"C"', '"T"'].join('\n'), 3, /before the ballots/],
    [['3 1', '1 1 0', '2 2 0'].join('\n'), 4, /missing the line "0"/],
    [
      ['3 1', '1 1 0', '0', '"A"', '"B"'].join('\n'),
      6,
      /missing candidate names: expected 3, found 2/,
    ],
    [['3 1', '1 1 0', '0', '"A"', 'B', '"C"', '"T"'].join('\n'), 5, /candidate 2 in double quotes/],
    [['3 1', '1 1 0', '0', '"A"', '"B"', '"C"'].join('\n'), 7, /missing the quoted election title/],
    [[...good, '"extra"'].join('\n'), 8, /after the election title/],
  ])('rejects malformed input %#, naming line %i', (text, line, message) => {
    let error: unknown;
    try {
      parseBlt(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BltParseError);
    expect((error as BltParseError).line).toBe(line);
    expect((error as BltParseError).message).toMatch(new RegExp(`^line ${line}: `));
    expect((error as BltParseError).message).toMatch(message);
  });

  it('merges a large file quickly into distinct ballots', () => {
    const lines = ['5 2'];
    for (let i = 0; i < 100_000; i++) lines.push(`1 ${(i % 5) + 1} ${((i + 1) % 5) + 1} 0`);
    lines.push('0', '"A"', '"B"', '"C"', '"D"', '"E"', '"T"');
    const e = parseBlt(lines.join('\n'));
    expect(e.ballots.count).toBe(5);
    expect(e.voters).toBe(100_000);
    expect(Array.from(e.ballots.weights)).toEqual([20_000, 20_000, 20_000, 20_000, 20_000]);
  });
});
