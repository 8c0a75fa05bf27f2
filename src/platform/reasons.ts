import { XMLValidator } from 'fast-xml-parser';

/**
 * Why a file could not be read, as a fact inside a refusal's own sentence ("The file is not
 * valid CSV: {{reason}}"). `reason` is the library's or parser's English, which API clients
 * read and which a client that does not know `reasonCode` shows as it is, quoted after the
 * colon; `reasonCode` (`reason.csv.field-count`) and its figures (`line`, `column`, …) are what
 * the web app words in the member's language instead (`web/src/app/problemMessages.ts`, under
 * `reason`). A reason no code is known for keeps only `reason`: that is the quoted fallback.
 */
export type ReasonParams = Record<string, string | number> & { reason: string };

/** A reason the web words, with its figures beside the English. */
export const codedReason = (
  reason: string,
  code: string,
  figures: Record<string, string | number> = {},
): ReasonParams => ({ reason, reasonCode: `reason.${code}`, ...figures });

/** A character as a reader can see it: a control character or a space by its code point. */
const visible = (c: string): string =>
  /^[\s\p{Cc}]$/u.test(c)
    ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
    : c;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * csv-parse's refusal, by its `code`: a quote misplaced or never closed, a line with another
 * number of fields than the header, each with its line (counted from the file's first line,
 * skipped lines included) and column (the header's name, or its position when the header itself
 * is at fault). Any other code (an option csv-parse refuses, a record too large) is quoted.
 */
export function csvReason(error: unknown): ReasonParams {
  const reason = messageOf(error);
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    lines?: unknown;
    column?: unknown;
    record?: unknown;
  };
  if (typeof e.lines !== 'number') return { reason };
  const line = e.lines;
  const column =
    typeof e.column === 'string' ? e.column : typeof e.column === 'number' ? e.column + 1 : null;
  switch (e.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return column === null
        ? { reason }
        : codedReason(reason, 'csv.after-quote', { line, column });
    case 'INVALID_OPENING_QUOTE':
      return column === null
        ? { reason }
        : codedReason(reason, 'csv.quote-inside', { line, column });
    case 'CSV_QUOTE_NOT_CLOSED':
      return codedReason(reason, 'csv.quote-not-closed', { line });
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const expected = /(?:columns length is|expect) (\d+)/.exec(reason)?.[1];
      const got = Array.isArray(e.record) ? e.record.length : undefined;
      return expected === undefined || got === undefined
        ? { reason }
        : codedReason(reason, 'csv.field-count', { line, got, expected: Number(expected) });
    }
    default:
      return { reason };
  }
}

/** Recognised wordings of fast-xml-parser's validator, by its error code: [pattern, our code, figures]. */
const xmlMessages: Record<
  string,
  [RegExp, string, (m: RegExpExecArray) => Record<string, string | number>][]
> = {
  InvalidTag: [
    [/^Unclosed tag '(.*)'\.$/, 'xml.unclosed', (m) => ({ tag: m[1]! })],
    [/^Closing tag '(.*)' has not been opened\.$/, 'xml.not-opened', (m) => ({ tag: m[1]! })],
    [
      /^Expected closing tag '(.*)' \(opened in line (\d+), col (\d+)\) instead of closing tag '(.*)'\.$/,
      'xml.wrong-closing',
      (m) => ({
        expected: m[1]!,
        openedLine: Number(m[2]),
        openedColumn: Number(m[3]),
        found: m[4]!,
      }),
    ],
    [
      /^Closing tag '(.*)' (?:doesn't have proper closing|can't have attributes or invalid starting)\.$/,
      'xml.closing-tag',
      (m) => ({ tag: m[1]! }),
    ],
    [/^Tag '(.*)' is an invalid name\.$/, 'xml.tag-name', (m) => ({ tag: m[1]! })],
    [/^Invalid space after '<'\.$/, 'xml.space-after-lt', () => ({})],
  ],
  InvalidAttr: [
    [/^Attribute '(.*)' is repeated\.$/, 'xml.attribute-repeated', (m) => ({ attribute: m[1]! })],
    [
      /^(?:Attribute '(.*)' is without value|boolean attribute '(.*)' is not allowed)\.$/,
      'xml.attribute-no-value',
      (m) => ({ attribute: (m[1] ?? m[2])! }),
    ],
    [
      /^Attribute '(.*)' has no space in starting\.$/,
      'xml.attribute-space',
      (m) => ({ attribute: m[1]! }),
    ],
    [
      /^Attribute '(.*)' is an invalid name\.$/,
      'xml.attribute-name',
      (m) => ({ attribute: m[1]! }),
    ],
    [/^Attributes for '(.*)' have open quote\.$/, 'xml.attribute-quote', (m) => ({ tag: m[1]! })],
  ],
  InvalidChar: [
    [/^char '(.*)' is not expected\.$/s, 'xml.character', (m) => ({ character: visible(m[1]!) })],
  ],
  InvalidXml: [
    [/^Multiple possible root nodes found\.$/, 'xml.several-roots', () => ({})],
    [/^Extra text at the end$/, 'xml.after-end', () => ({})],
    [
      /^XML declaration allowed only at the start of the document\.$/,
      'xml.declaration',
      () => ({}),
    ],
  ],
};

/**
 * Whether `content` is well-formed XML, by fast-xml-parser's validator: undefined when it is,
 * else the refusal's English (what `XMLParser.parse(content, true)` throws: the message, line
 * and column) and its reason. The validator's error codes (InvalidTag, InvalidAttr, InvalidChar,
 * InvalidXml) are worded by their message: a tag never closed, closed where another was due, an
 * attribute repeated…, each with its line and column; a wording or a code not listed above is
 * quoted.
 */
export function xmlProblem(content: string): ReasonParams | undefined {
  const result = XMLValidator.validate(content);
  if (result === true) return undefined;
  const { code, msg, line, col } = result.err;
  const reason = `${msg}:${line}:${col}`;
  if (code === 'InvalidXml' && msg === 'Start tag expected.')
    return codedReason(reason, 'xml.no-element');
  // Several elements left open: the validator names them all, at no particular place.
  const open = code === 'InvalidXml' ? /^Invalid '(\[.*\])' found\.$/.exec(msg) : null;
  if (open) {
    try {
      const tags = JSON.parse(open[1]!) as unknown;
      if (Array.isArray(tags))
        return codedReason(reason, 'xml.unclosed-tags', { tags: tags.join(', ') });
    } catch {
      return { reason };
    }
  }
  for (const [pattern, ours, figures] of xmlMessages[code] ?? []) {
    const m = pattern.exec(msg);
    if (m) return codedReason(reason, ours, { ...figures(m), line, column: col });
  }
  return { reason };
}

/** Line and column (1-based) of a position in a text. */
export function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: at - start + 1 };
}

type JsonFault = { kind: 'ends-early' | 'unexpected' | 'after-end'; at: number };

/**
 * Where JSON text first goes wrong, by a reading of its grammar (RFC 8259) that only looks:
 * JSON.parse's message names no place for an unexpected character ("Unexpected token 'x', …").
 * Undefined when this reading finds nothing wrong (JSON.parse refused it for another cause).
 */
function jsonFault(text: string): JsonFault | undefined {
  let i = 0;
  const fault = (kind: JsonFault['kind'], at = i): never => {
    throw { kind, at } satisfies JsonFault;
  };
  const next = () => (i < text.length ? text[i]! : fault('ends-early'));
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (c: string) => (next() === c ? i++ : fault('unexpected'));
  const string = () => {
    expect('"');
    for (;;) {
      const c = next();
      if (c === '"') return void i++;
      if (c < ' ') fault('unexpected');
      i++;
      if (c !== '\\') continue;
      const e = next();
      if (e === 'u') {
        for (let k = 1; k <= 4; k++) {
          i++;
          if (!/[0-9a-fA-F]/.test(next())) fault('unexpected');
        }
        i++;
      } else if ('"\\/bfnrt'.includes(e)) i++;
      else fault('unexpected');
    }
  };
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    space();
    const c = next();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (next() === close) return void i++;
      for (;;) {
        if (c === '{') {
          space();
          string();
          space();
          expect(':');
        }
        value();
        space();
        if (next() === ',') i++;
        else return void expect(close);
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null'])
      if (c === word[0]) {
        for (const w of word) expect(w);
        return;
      }
    number.lastIndex = i;
    const m = number.exec(text);
    if (!m) return void fault('unexpected');
    i += m[0].length;
    // "1." or "-": the number stops short of what follows.
    if (i < text.length && /[.eE\d]/.test(text[i]!)) fault('unexpected');
  };
  try {
    value();
    space();
    if (i < text.length) fault('after-end');
    return undefined;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'kind' in error) return error as JsonFault;
    // Nested too deep for this reading: JSON.parse's own words stand.
    return undefined;
  }
}

/**
 * JSON.parse's refusal of `text`, with where the text goes wrong: it ends too early, a character
 * is not expected where it stands, or text follows the value; each at its line and column.
 * When the reading above finds no fault, JSON.parse's message is quoted.
 */
export function jsonReason(text: string, error: unknown): ReasonParams {
  const reason = messageOf(error);
  const found = jsonFault(text);
  if (!found) return { reason };
  const place = lineAndColumn(text, found.at);
  if (found.kind === 'unexpected')
    return codedReason(reason, 'json.unexpected', {
      character: visible(String.fromCodePoint(text.codePointAt(found.at)!)),
      ...place,
    });
  return codedReason(reason, `json.${found.kind}`, place);
}
