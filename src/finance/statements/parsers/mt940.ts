import {
  problemAt,
  StatementFileError,
  StatementFinding,
  type FileProblem,
  type ParsedBalance,
  type ParsedLine,
  type ParsedStatement,
} from '../types.ts';
import { isCurrencyCode, swiftAmountToMinor } from './amounts.ts';

/**
 * SWIFT MT940, as banks really write it: SWIFT block envelopes (`{1:}{2:}{4: ... -}`) or none,
 * several statements per file (for one account or several), `:28:` or `:28C:`, intermediate
 * 60M/62M balances, reversal marks (RD is a credit, RC a debit), funds codes after the mark
 * (`CN0,01`), amounts like `500,` or `000000000127,50`, blank entry dates, type codes such as
 * `NIT ` (after a space, at Commerzbank) and `:86:` details over several lines in `/KEY/`, `?NN`
 * or `>NN` structures. Around the messages: `{5:...}` trailers, SOH and ETX framing, and the
 * bank's header lines before each `:20:` (`ABNANL2A` / `940`, `:940:`), which are skipped.
 *
 * Written here rather than on an npm package: mt940-js 1.0.0 does not load (it requires tslib
 * without depending on it), reads RD as a debit and drops bank references that are not exactly
 * 16 characters; mt940js 1.3.5 refuses the Triodos sample (`NIT NONREF`) and throws on any
 * statement whose balances do not add up, which must be reported with its figures instead.
 */
export function parseMt940(content: string): ParsedStatement[] {
  const problems: FileProblem[] = [];
  const statements: ParsedStatement[] = [];
  let current: Draft | undefined;
  for (const field of fields(content)) {
    if (field.tag === '20') {
      current = newDraft(field.value.trim());
      statements.push(current.statement);
      continue;
    }
    // Text outside any field: the bank's header lines before a message (`ABNANL2A`, `940`,
    // `0000 01INGBNL2AXXXX00001`), which say nothing the import needs.
    if (field.tag === '?') continue;
    if (!current) {
      problems.push({
        pointer: `/lines/${field.line}`,
        message: `:${field.tag}: before the first :20: (transaction reference)`,
        code: 'statement.before-20',
        params: { tag: field.tag },
      });
      continue;
    }
    readField(current, field, problems);
  }
  for (const s of statements) {
    const where = s.statementRef ?? '';
    if (!s.opening)
      problems.push({
        pointer: '/content',
        message: `statement ${where} has no :60F: or :60M:`,
        code: 'statement.no-opening-field',
        params: { statement: where },
      });
    if (!s.closing)
      problems.push({
        pointer: '/content',
        message: `statement ${where} has no :62F: or :62M:`,
        code: 'statement.no-closing-field',
        params: { statement: where },
      });
  }
  if (statements.length === 0 && problems.length === 0)
    problems.push({
      pointer: '/content',
      message: 'no statement (no :20: field) in the file',
      code: 'statement.no-20',
    });
  if (problems.length > 0)
    throw new StatementFileError(
      `The MT940 file has ${problems.length} problem(s): ${problems
        .slice(0, 20)
        .map((p) => `${p.pointer}: ${p.message}`)
        .join('; ')}`,
      problems,
    );
  return statements;
}

interface Field {
  tag: string;
  /** Continuation lines joined with "\n". */
  value: string;
  /** The 1-based line number of the file where the field starts. */
  line: number;
  /** Raw lengths of its lines (tag included), to tell a wrapped line from a short one. */
  lengths: number[];
}

// eslint-disable-next-line no-control-regex -- SOH and ETX are exactly what is matched
const framing = /^[\x00-\x08\x0E-\x1F]+|[\x00-\x08\x0E-\x1F]+$/g;

/** The message's fields, outside any SWIFT block envelope; `-` and `-}` lines end a message. */
function* fields(content: string): Generator<Field> {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let field: Field | undefined;
  for (let i = 0; i < lines.length; i++) {
    // Transmission framing (SOH before `{1:`, ETX after `-}`) is not text.
    let line = lines[i]!.replace(framing, '');
    // `{1:...}{2:...}{4:` opens a message; what follows `{4:` on the same line is its text.
    const block4 = line.indexOf('{4:');
    if (block4 >= 0) {
      if (field) yield field;
      field = undefined;
      line = line.slice(block4 + 3);
      if (line.trim() === '') continue;
    } else if (/^\{\d:/.test(line)) {
      continue;
    }
    // `-` or `-}` (maybe with a `{5:...}` trailer) ends a message; a `:940:` line (Rabobank)
    // heads one.
    if (/^-\}?\s*$/.test(line) || /^-\}/.test(line) || /^:9\d\d:\s*$/.test(line)) {
      if (field) yield field;
      field = undefined;
      continue;
    }
    const tag = /^:(\d{2}[A-Z]?|NS):/.exec(line);
    if (tag) {
      if (field) yield field;
      field = {
        tag: tag[1]!,
        value: line.slice(tag[0].length),
        line: i + 1,
        lengths: [line.length],
      };
    } else if (field) {
      field.value += `\n${line}`;
      field.lengths.push(line.length);
    } else if (line.trim() !== '') {
      field = { tag: '?', value: line, line: i + 1, lengths: [line.length] };
    }
  }
  if (field) yield field;
}

interface Draft {
  statement: ParsedStatement;
  number: string;
  lastLine: ParsedLine | null;
  /** Whether the last field was a :61: (so an :86: belongs to it). */
  afterLine: boolean;
  info: string[];
}

const newDraft = (reference: string): Draft => ({
  statement: {
    format: 'mt940',
    bankAccountRef: null,
    currency: 'XXX',
    statementRef: reference || null,
    fromDay: null,
    toDay: null,
    opening: null,
    closing: null,
    lines: [],
    problems: [],
    notes: [],
  },
  number: '',
  lastLine: null,
  afterLine: false,
  info: [],
});

function readField(draft: Draft, field: Field, problems: FileProblem[]) {
  const s = draft.statement;
  const pointer = `/lines/${field.line}`;
  const wasAfterLine = draft.afterLine;
  draft.afterLine = false;
  try {
    switch (field.tag) {
      case '25':
        s.bankAccountRef = field.value.trim();
        return;
      case '28':
      case '28C':
        draft.number = field.value.trim();
        s.statementRef = [s.statementRef, draft.number].filter(Boolean).join(' ');
        return;
      case '60F':
      case '60M': {
        const balance = parseBalance(field.value, field.tag);
        s.currency = balance.currency;
        s.opening = balance.balance;
        s.fromDay = balance.balance.on;
        return;
      }
      case '62F':
      case '62M': {
        const balance = parseBalance(field.value, field.tag);
        if (s.currency !== 'XXX' && balance.currency !== s.currency)
          throw new StatementFinding(
            'statement.closing-currency',
            { closing: balance.currency, opening: s.currency },
            `closing balance in ${balance.currency}, opening in ${s.currency}`,
          );
        s.closing = balance.balance;
        s.toDay = balance.balance.on;
        return;
      }
      case '61': {
        const line = parseStatementLine(field.value, s.currency, s.closing !== null);
        s.lines.push(line);
        draft.lastLine = line;
        draft.afterLine = true;
        return;
      }
      case '86': {
        if (wasAfterLine && draft.lastLine) applyDetails(draft.lastLine, field);
        else draft.info.push(joinWrapped(field));
        return;
      }
      default:
        // :21:, :34F:, :64:, :65:, NS and others say nothing the import needs.
        return;
    }
  } catch (error) {
    const problem = problemAt(pointer, error, 'statement.unreadable-part', { tag: field.tag });
    problems.push({ ...problem, message: `:${field.tag}: ${problem.message}` });
  }
}

function parseBalance(value: string, code: string) {
  const m = /^\s*([CD])(\d{6})([A-Z]{3})(\d[\d,]*)\s*$/.exec(value);
  if (!m)
    throw new StatementFinding(
      'statement.not-a-balance',
      { text: value.trim() },
      `“${value.trim()}” is not a balance like C140731EUR436,90`,
    );
  const currency = m[3]!;
  if (!isCurrencyCode(currency))
    throw new StatementFinding(
      'statement.not-a-currency',
      { text: currency },
      `${currency} is not a currency`,
    );
  const minor = swiftAmountToMinor(m[4]!, currency);
  const balance: ParsedBalance = {
    amountMinor: m[1] === 'D' ? -minor : minor,
    code,
    on: swiftDate(m[2]!),
  };
  return { currency, balance };
}

const validDay = (day: string) => {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
};

/** YYMMDD to YYYY-MM-DD (SWIFT's years 80-99 are the 1900s). */
function swiftDate(yymmdd: string): string {
  const yy = Number(yymmdd.slice(0, 2));
  const day = `${yy >= 80 ? 1900 + yy : 2000 + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  if (!validDay(day))
    throw new StatementFinding('statement.not-a-day', { text: yymmdd }, `${yymmdd} is not a date`);
  return day;
}

/** An entry date (MMDD) takes the value date's year, or its neighbour's across new year. */
function entryDay(valueDay: string, mmdd: string): string {
  let year = Number(valueDay.slice(0, 4));
  const valueMonth = Number(valueDay.slice(5, 7));
  const month = Number(mmdd.slice(0, 2));
  if (month - valueMonth > 6) year--;
  else if (valueMonth - month > 6) year++;
  const day = `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2, 4)}`;
  if (!validDay(day))
    throw new StatementFinding(
      'statement.not-an-entry-day',
      { text: mmdd },
      `entry date ${mmdd} is not a date`,
    );
  return day;
}

const statementLinePattern =
  /^(\d{6})(\d{4}|\s{4})?(RC|RD|C|D)([A-Z])?(\d[\d,]*) ?([NFS][A-Z0-9 ]{3})([^\n]*?)(?:\/\/([^\n]*))?(?:\n([\s\S]*))?$/;

function parseStatementLine(value: string, currency: string, afterClosing: boolean): ParsedLine {
  if (afterClosing)
    throw new StatementFinding(
      'statement.line-after-closing',
      {},
      'a statement line after the closing balance',
    );
  const m = statementLinePattern.exec(value.replace(/^\s+/, ''));
  if (!m)
    throw new StatementFinding(
      'statement.not-a-line',
      { text: value.split('\n')[0]! },
      `“${value.split('\n')[0]}” is not a statement line like 1408250825D192,36NTRFNONREF//1423...`,
    );
  const valueOn = swiftDate(m[1]!);
  const entry = m[2]?.trim();
  const mark = m[3]!;
  const minor = swiftAmountToMinor(m[5]!, currency);
  // C and RD (a reversed debit) bring money in; D and RC take it out.
  const credit = mark === 'C' || mark === 'RD';
  const customerRef = m[7]!.trim();
  const bankRef = m[8]?.trim();
  const references = [customerRef, bankRef].filter(
    (r): r is string => !!r && !['NONREF', 'EREF', 'NOTPROVIDED'].includes(r.toUpperCase()),
  );
  return {
    bookedOn: entry ? entryDay(valueOn, entry) : valueOn,
    valueOn,
    amountMinor: credit ? minor : -minor,
    currency,
    counterparty: '',
    counterpartyAccount: '',
    description: '',
    bankReference: references.at(-1) ?? null,
    references,
  };
}

/**
 * A field's lines joined back into one: SWIFT wraps at 65 characters, so a full line was cut
 * mid-word and continues without a space; a shorter line ended where its writer ended it.
 */
function joinWrapped(field: Field): string {
  const parts = field.value.split('\n');
  let joined = parts[0]!;
  for (let i = 1; i < parts.length; i++)
    joined += (field.lengths[i - 1] === 65 ? '' : ' ') + parts[i]!;
  return joined;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

const slashKeys = new Set([
  'ADDR',
  'BENM',
  'BIC',
  'CDTRREF',
  'CNTP',
  'CSID',
  'EREF',
  'IBAN',
  'ISDT',
  'MARF',
  'NAME',
  'ORDP',
  'PREF',
  'PURP',
  'REMI',
  'RTRN',
  'TRTP',
  'ULTB',
  'ULTC',
  'ULTD',
]);

/** `:86:` details: counterparty, account, description and references, by structure. */
function applyDetails(line: ParsedLine, field: Field) {
  const numbered = /^(\d{3})?([?>])(\d{2})/.exec(field.value);
  if (numbered) {
    applyNumbered(line, field.value.replace(/\n/g, ''), numbered[2]!);
    return;
  }
  // `/KEY/` structures are cut anywhere, even inside a key: their lines join without a space.
  if (/^\/[A-Z]{2,7}\//.test(field.value) && applySlashed(line, field.value.replace(/\n/g, '')))
    return;
  line.description = clean(joinWrapped(field)).slice(0, 2000);
}

/**
 * `?NN` (German, after a 3-digit GVC) or `>NN` (Dutch) subfields. Purpose lines are chunks of
 * at most 27 characters: a full chunk was cut mid-word, a shorter one ended a phrase.
 */
function applyNumbered(line: ParsedLine, details: string, separator: string) {
  const byKey = new Map<number, string>();
  for (const part of details.split(separator).slice(1)) {
    const key = Number(part.slice(0, 2));
    if (!/^\d{2}/.test(part)) continue;
    byKey.set(key, (byKey.get(key) ?? '') + part.slice(2));
  }
  const joinChunks = (keys: number[]) => {
    let out = '';
    let previous = 27;
    for (const key of keys) {
      const chunk = byKey.get(key);
      if (chunk === undefined) continue;
      out += previous >= 27 ? chunk : ` ${chunk}`;
      previous = chunk.length;
    }
    return clean(out);
  };
  const purpose = joinChunks([20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 60, 61, 62, 63]);
  line.description = clean([byKey.get(0) ?? '', purpose].join(' ')).slice(0, 2000);
  line.counterparty = joinChunks([32, 33]);
  if (separator === '?') {
    line.counterpartyAccount = [byKey.get(30)?.trim(), byKey.get(31)?.trim()]
      .filter(Boolean)
      .join('/');
  } else {
    const account = byKey.get(10)?.trim() ?? '';
    line.counterpartyAccount = /^0*$/.test(account) ? '' : account;
  }
}

/** `/KEY/value/` structures (ING, ABN AMRO, Rabobank): CNTP, NAME, IBAN, REMI, EREF... */
function applySlashed(line: ParsedLine, details: string): boolean {
  const flat = details.replace(/\n/g, '');
  const positions: { key: string; start: number; end: number }[] = [];
  const keyPattern = /\/([A-Z]{2,7})\//g;
  for (let m = keyPattern.exec(flat); m; m = keyPattern.exec(flat)) {
    if (slashKeys.has(m[1]!)) {
      positions.push({ key: m[1]!, start: m.index, end: m.index + m[0].length });
      // Values may contain `/`; the next key search starts after this key's name.
      keyPattern.lastIndex = m.index + m[0].length;
    } else {
      keyPattern.lastIndex = m.index + 1;
    }
  }
  if (positions.length === 0) return false;
  const values = new Map<string, string>();
  positions.forEach((p, i) => {
    const end = positions[i + 1]?.start ?? flat.length;
    values.set(p.key, flat.slice(p.end, end).replace(/\/+$/, ''));
  });
  const cntp = values.get('CNTP')?.split('/');
  line.counterparty = clean(
    cntp?.[2] ?? values.get('NAME') ?? values.get('BENM') ?? values.get('ORDP') ?? '',
  );
  line.counterpartyAccount = clean(cntp?.[0] ?? values.get('IBAN') ?? '');
  const remi = values.get('REMI') ?? '';
  // REMI/USTD//free text, or REMI/STRD/CUR/structured reference.
  const remittance = /^USTD\/\/?/.test(remi)
    ? remi.replace(/^USTD\/\/?/, '')
    : /^STRD\//.test(remi)
      ? remi.split('/').slice(2).join(' ')
      : remi;
  if (/^STRD\//.test(remi)) line.references.push(clean(remi.split('/').slice(2).join('')));
  const eref = values.get('EREF')?.replace(/\/+$/, '').trim();
  if (eref && eref !== 'NOTPROVIDED') line.references.push(eref);
  line.description = clean(
    [remittance, values.get('TRTP') ? `(${values.get('TRTP')})` : '']
      .filter((p) => p.trim() !== '')
      .join(' '),
  ).slice(0, 2000);
  return true;
}
