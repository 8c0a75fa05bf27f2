/**
 * The BLT ballot format (as used by OpenSTV, Droop, OpaVote and the Scottish councils' published
 * preference profiles):
 *
 *     4 2                 CANDIDATES SEATS
 *     -2                  optional: withdrawn candidates, as negative numbers
 *     3 1 3 0             WEIGHT PREF1 PREF2 ... 0   (candidates 1-based, most preferred first)
 *     1 2 0
 *     0                   end of the ballots
 *     "Alice"             one quoted name per candidate, in number order
 *     "Bob"
 *     "Carol"
 *     "Dan"
 *     "Example election"  the quoted title
 *
 * Blank lines are ignored. Equal rankings (`1 2=3 0`) are refused. Identical ballots are merged.
 * Every error is a `BltParseError` whose message starts with the 1-based line number; its `code`
 * and `params` say the same as a fact (`weight-not-whole` with the text found), which the web
 * words in the member's language (`reason.blt.*` in `web/src/app/problemMessages.ts`).
 */
import { BallotsBuilder } from './common.ts';
import type { Election } from './types.ts';

export class BltParseError extends Error {
  readonly line: number;
  /** What is wrong, as a code of `reason.blt` (`not-a-candidate`), and its figures. */
  readonly code: string;
  readonly params: Record<string, string | number>;

  constructor(
    line: number,
    message: string,
    code: string,
    params: Record<string, string | number> = {},
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'BltParseError';
    this.line = line;
    this.code = code;
    this.params = params;
  }
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const ZERO = 48;
const NINE = 57;
const EQUALS = 61;

const isSpace = (c: number) => c === SPACE || c === TAB || c === CR;
/** At most 40 characters of what was found, for a message (and as a fact's figure). */
const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
const quote = (text: string) => JSON.stringify(shorten(text));

export function parseBlt(text: string): Election {
  const length = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  let lineNo = 0;
  let start = 0; // current line is text[start, end), without its line break
  let end = 0;

  const nextLine = (): boolean => {
    if (pos >= length) return false;
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = length;
    start = pos;
    end = nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    pos = nl + 1;
    lineNo++;
    return true;
  };
  const isBlank = (): boolean => {
    for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
    return true;
  };
  /** Next non-blank line, or false at the end of the text. */
  const nextContentLine = (): boolean => {
    while (nextLine()) if (!isBlank()) return true;
    return false;
  };
  const lineText = () => text.slice(start, end).trim();
  /** The whitespace-delimited token starting at i (for messages). */
  const tokenAt = (i: number): string => {
    let j = i;
    while (j < end && !isSpace(text.charCodeAt(j))) j++;
    return text.slice(i, j);
  };
  const fail = (
    code: string,
    message: string,
    params: Record<string, string | number> = {},
    line = lineNo,
  ): never => {
    throw new BltParseError(line, message, code, params);
  };

  // Line 1: CANDIDATES SEATS
  if (!nextContentLine())
    fail('empty', 'the file is empty; expected "CANDIDATES SEATS" on the first line', {}, 1);
  const header = lineText().split(/\s+/);
  if (header.length !== 2 || !header.every((t) => /^\d+$/.test(t)))
    fail(
      'header',
      `expected "CANDIDATES SEATS" (two whole numbers, e.g. "10 4"), found ${quote(lineText())}`,
      { found: shorten(lineText()) },
    );
  const candidateCount = Number(header[0]);
  const seats = Number(header[1]);
  if (candidateCount < 1) fail('no-candidate', 'there must be at least one candidate');
  if (candidateCount > 65535)
    fail('too-many-candidates', `${candidateCount} candidates is more than this reader supports`, {
      candidates: candidateCount,
      most: 65535,
    });
  if (seats < 1) fail('no-seat', 'the number of seats must be at least 1');
  if (seats > candidateCount)
    fail(
      'seats-over-candidates',
      `${seats} seats but only ${candidateCount} candidate${candidateCount === 1 ? '' : 's'}`,
      { seats, candidates: candidateCount },
    );

  // Optional withdrawn line, then the ballots.
  const withdrawn: number[] = [];
  const builder = new BallotsBuilder();
  const buffer = new Uint16Array(candidateCount);
  const seen = new Int32Array(candidateCount + 1); // seen[c] === lineNo: c is on this line already
  let voters = 0;
  let blankBallots = 0;
  let ballotLines = 0;
  let ended = false;

  while (nextLine()) {
    let i = start;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i === end) continue; // blank line
    let ch = text.charCodeAt(i);

    if (ch === 45 /* - */) {
      if (ballotLines > 0 || withdrawn.length > 0)
        fail(
          'withdrawn-late',
          `unexpected ${quote(tokenAt(i))}: withdrawn candidates go on one line before the ballots`,
          { found: shorten(tokenAt(i)) },
        );
      for (const token of lineText().split(/\s+/)) {
        if (!/^-\d+$/.test(token))
          fail(
            'withdrawn-not-negative',
            `a withdrawn candidate must be written as a negative number, found ${quote(token)}`,
            { found: shorten(token) },
          );
        const c = -Number(token);
        if (c < 1 || c > candidateCount)
          fail(
            'withdrawn-unknown',
            `withdrawn candidate ${c} is not one of the ${candidateCount} candidates`,
            { candidate: c, candidates: candidateCount },
          );
        if (withdrawn.includes(c - 1))
          fail('withdrawn-twice', `candidate ${c} is withdrawn twice`, { candidate: c });
        withdrawn.push(c - 1);
      }
      continue;
    }

    // WEIGHT
    const weightStart = i;
    let weight = 0;
    while (i < end && (ch = text.charCodeAt(i)) >= ZERO && ch <= NINE) {
      weight = weight * 10 + (ch - ZERO);
      i++;
    }
    if (i === weightStart || (i < end && !isSpace(text.charCodeAt(i)))) {
      const token = tokenAt(weightStart);
      if (token.includes('='))
        fail(
          'equal-ranks',
          'equal rankings ("=") are not supported: rank the candidates in a strict order',
        );
      if (/^[+-]?(\d+\.\d*|\.\d+)$/.test(token))
        fail(
          'weight-not-whole',
          `the ballot weight must be a whole number, found ${quote(token)}`,
          { found: shorten(token) },
        );
      fail(
        'not-a-ballot',
        `expected a ballot line "WEIGHT PREFERENCES... 0" or the line "0" that ends the ballots, found ${quote(token)}`,
        { found: shorten(token) },
      );
    }
    if (!Number.isSafeInteger(weight))
      fail('weight-too-large', `the ballot weight ${tokenAt(weightStart)} is too large`, {
        weight: shorten(tokenAt(weightStart)),
      });
    if (weight === 0) {
      let j = i;
      while (j < end && isSpace(text.charCodeAt(j))) j++;
      if (j === end) {
        ended = true;
        break;
      }
      fail('weight-zero', 'a ballot weight must be at least 1 (a line "0" alone ends the ballots)');
    }
    ballotLines++;

    // PREFERENCES... 0
    let k = 0;
    let terminated = false;
    for (;;) {
      while (i < end && isSpace(text.charCodeAt(i))) i++;
      if (i === end) break;
      const prefStart = i;
      let c = 0;
      while (i < end && (ch = text.charCodeAt(i)) >= ZERO && ch <= NINE) {
        c = c * 10 + (ch - ZERO);
        i++;
      }
      if (i === prefStart || (i < end && !isSpace(text.charCodeAt(i)))) {
        if (i < end && text.charCodeAt(i) === EQUALS) {
          fail(
            'equal-ranks',
            'equal rankings ("=") are not supported: rank the candidates in a strict order',
          );
        }
        const token = tokenAt(prefStart);
        if (token.includes('='))
          fail(
            'equal-ranks',
            'equal rankings ("=") are not supported: rank the candidates in a strict order',
          );
        fail('not-a-candidate', `expected a candidate number, found ${quote(token)}`, {
          found: shorten(token),
        });
      }
      if (c === 0) {
        terminated = true;
        while (i < end && isSpace(text.charCodeAt(i))) i++;
        if (i < end)
          fail(
            'after-ballot-end',
            `unexpected ${quote(tokenAt(i))} after the 0 that ends the ballot`,
            { found: shorten(tokenAt(i)) },
          );
        break;
      }
      if (c > candidateCount)
        fail(
          'unknown-candidate',
          `candidate ${tokenAt(prefStart)} is not one of the ${candidateCount} candidates (1 to ${candidateCount})`,
          { candidate: shorten(tokenAt(prefStart)), candidates: candidateCount },
        );
      if (seen[c] === lineNo)
        fail('ranked-twice', `candidate ${c} is ranked twice on this ballot`, { candidate: c });
      seen[c] = lineNo;
      buffer[k++] = c - 1;
    }
    if (!terminated) fail('no-ballot-end', 'the ballot does not end with 0');
    if (k === 0) {
      blankBallots += weight;
      continue;
    }
    voters += weight;
    if (!Number.isSafeInteger(voters))
      fail('weights-too-large', 'the total of the ballot weights is too large');
    builder.add(buffer, k, weight);
  }
  if (!ended) fail('no-ballots-end', 'missing the line "0" that ends the ballots', {}, lineNo + 1);

  /** A quoted line: a candidate's name (`candidate` its number) or the title (`candidate` 0). */
  const readQuoted = (
    what: string,
    candidate: number,
    missing: [code: string, message: string, params: Record<string, string | number>],
  ): string => {
    if (!nextContentLine()) fail(missing[0], missing[1], missing[2], lineNo + 1);
    const line = lineText();
    const which: Record<string, number> = candidate > 0 ? { candidate } : {};
    const kind = candidate > 0 ? 'name' : 'title';
    if (line.length < 2 || !line.startsWith('"') || !line.endsWith('"'))
      fail(`${kind}-not-quoted`, `expected ${what} in double quotes, found ${quote(line)}`, {
        ...which,
        found: shorten(line),
      });
    const inner = line.slice(1, -1);
    if (inner.includes('"'))
      fail(`${kind}-quotes`, `expected one quoted ${what} on the line, found ${quote(line)}`, {
        ...which,
        found: shorten(line),
      });
    return inner;
  };
  const candidates: string[] = [];
  for (let c = 1; c <= candidateCount; c++) {
    candidates.push(
      readQuoted(`the name of candidate ${c}`, c, [
        'names-missing',
        `missing candidate names: expected ${candidateCount}, found ${c - 1}`,
        { candidates: candidateCount, names: c - 1 },
      ]),
    );
  }
  const title = readQuoted('the election title', 0, [
    'title-missing',
    'missing the quoted election title',
    {},
  ]);
  if (nextContentLine())
    fail('after-title', `unexpected text after the election title: ${quote(lineText())}`, {
      found: shorten(lineText()),
    });

  return {
    title,
    seats,
    candidates,
    withdrawn: withdrawn.sort((a, b) => a - b),
    ballots: builder.build(),
    voters,
    blankBallots,
  };
}

/** Writes an election as BLT text (one line per distinct ballot); `parseBlt` reads it back. */
export function writeBlt(election: {
  title: string;
  seats: number;
  candidates: readonly string[];
  withdrawn?: readonly number[];
  ballots: Election['ballots'];
  blankBallots?: number;
}): string {
  const check = (text: string, what: string) => {
    if (/["\r\n]/.test(text)) throw new RangeError(`${what} cannot contain quotes or line breaks`);
    return `"${text}"`;
  };
  const { ballots } = election;
  const lines = [`${election.candidates.length} ${election.seats}`];
  if (election.withdrawn?.length) lines.push(election.withdrawn.map((c) => -(c + 1)).join(' '));
  for (let i = 0; i < ballots.count; i++) {
    let line = String(ballots.weights[i]!);
    for (let p = ballots.offsets[i]!; p < ballots.offsets[i + 1]!; p++)
      line += ` ${ballots.prefs[p]! + 1}`;
    lines.push(`${line} 0`);
  }
  if (election.blankBallots) lines.push(`${election.blankBallots} 0`);
  lines.push('0');
  for (const name of election.candidates) lines.push(check(name, 'a candidate name'));
  lines.push(check(election.title, 'the title'));
  return `${lines.join('\n')}\n`;
}
