import { XMLParser } from 'fast-xml-parser';
import { xmlProblem } from '../../../platform/reasons.ts';
import {
  problemAt,
  StatementFileError,
  StatementFinding,
  type FileProblem,
  type ParsedBalance,
  type ParsedLine,
  type ParsedStatement,
} from '../types.ts';
import { decimalToMinor, isCurrencyCode } from './amounts.ts';
import { statementFact, type StatementFact } from '../facts.ts';

/** A parsed XML element: text under `#text`, attributes under `@Name`, children by local name. */
type Node = { [key: string]: unknown };

const repeated = new Set([
  'Stmt',
  'Bal',
  'Ntry',
  'NtryDtls',
  'TxDtls',
  'Ustrd',
  'Strd',
  'CdtrRefInf',
  'AddtlNtryInf',
  'AddtlTxInf',
]);

// Values stay strings (parseTagValue: false): an amount never passes through a float.
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => repeated.has(name),
});

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The child at a path of element names; the first of each repeated element. */
function at(node: unknown, ...path: string[]): unknown {
  let current: unknown = node;
  for (const name of path) {
    if (Array.isArray(current)) current = current[0];
    if (!isNode(current)) return undefined;
    current = current[name];
  }
  return Array.isArray(current) ? current[0] : current;
}

const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** Every child element of that name. */
const children = (node: unknown, name: string): unknown[] => (isNode(node) ? list(node[name]) : []);

/** An element's text, whether or not it carries attributes. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isNode(value) && typeof value['#text'] === 'string') return value['#text'];
  return undefined;
}

const textAt = (node: unknown, ...path: string[]) => text(at(node, ...path))?.trim() || undefined;

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** `<Dt>` or `<DtTm>` under a date element, as YYYY-MM-DD. */
function dayOf(node: unknown): string | null {
  const value = textAt(node, 'Dt') ?? textAt(node, 'DtTm');
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

/** A party's name: `<Nm>` directly (v02/v04) or inside `<Pty>` (v08). */
const partyName = (party: unknown): string | undefined =>
  textAt(party, 'Nm') ?? textAt(party, 'Pty', 'Nm');

const accountId = (account: unknown): string | undefined =>
  textAt(account, 'Id', 'IBAN') ?? textAt(account, 'Id', 'Othr', 'Id');

/** The statement's version: camt.053.001.02, .04, .08... from the namespace. */
export function camtVersion(content: string): string | null {
  return /urn:iso:std:iso:20022:tech:xsd:(camt\.\d{3}\.\d{3}\.\d{2})/.exec(content)?.[1] ?? null;
}

/**
 * CAMT.053 (bank to customer statement), any version from .02 on: one ParsedStatement per
 * `<Stmt>`, one line per booked `<Ntry>` (a batch counts once, whatever its `TxDtls`).
 */
export function parseCamt053(content: string): ParsedStatement[] {
  const version = camtVersion(content);
  if (version && !version.startsWith('camt.053'))
    throw new StatementFileError(
      `This is a ${version} message, not a camt.053 statement: import the bank's end-of-day statement (camt.053).`,
      [
        {
          pointer: '/content',
          message: `${version} is not a statement`,
          code: 'statement.not-camt053',
          params: { version },
        },
      ],
    );
  // Validated first, by fast-xml-parser's validator, for its error code and place: the reason
  // is worded by them (`xmlProblem`), its English is what `parse(content, true)` would throw.
  const invalid = xmlProblem(content);
  if (invalid)
    throw new StatementFileError(`The file is not valid XML: ${invalid.reason}`, [
      { pointer: '/content', message: invalid.reason, code: 'statement.not-xml', params: invalid },
    ]);
  let document: unknown;
  try {
    document = xml.parse(content);
  } catch (error) {
    // What the parser refuses after the validator passed (an entity...): its words, quoted.
    throw new StatementFileError(`The file is not valid XML: ${(error as Error).message}`, [
      problemAt('/content', error, 'statement.not-xml'),
    ]);
  }
  const root = at(document, 'Document', 'BkToCstmrStmt');
  if (!isNode(root))
    throw new StatementFileError(
      'The file is XML but not a camt.053 statement (no Document/BkToCstmrStmt).',
      [
        {
          pointer: '/content',
          message: 'no BkToCstmrStmt element',
          code: 'statement.no-element',
          params: { element: 'Document/BkToCstmrStmt' },
        },
      ],
    );
  const problems: FileProblem[] = [];
  const statements = children(root, 'Stmt').map((stmt, s) => parseStmt(stmt, s, problems));
  if (problems.length > 0)
    throw new StatementFileError(
      `The statement has ${problems.length} problem(s): ${problems.map((p) => `${p.pointer}: ${p.message}`).join('; ')}`,
      problems,
    );
  if (statements.length === 0)
    throw new StatementFileError('The file holds no statement (no Stmt element).', [
      {
        pointer: '/content',
        message: 'no Stmt element',
        code: 'statement.no-element',
        params: { element: 'Stmt' },
      },
    ]);
  return statements;
}

function amountOf(
  node: unknown,
  fallbackCurrency: string | undefined,
): { text: string; currency: string | undefined } | undefined {
  const amt = at(node, 'Amt');
  const value = text(amt)?.trim();
  if (value === undefined) return undefined;
  const currency = isNode(amt) && typeof amt['@Ccy'] === 'string' ? amt['@Ccy'] : fallbackCurrency;
  return { text: value, currency };
}

function parseStmt(stmt: unknown, s: number, problems: FileProblem[]): ParsedStatement {
  const where = `/statements/${s}`;
  const account = at(stmt, 'Acct');
  const balances = children(stmt, 'Bal');
  // The account's currency; when `Acct` has none (PostFinance), the balances' currency.
  let currency = textAt(account, 'Ccy');
  currency ??= balances.map((b) => amountOf(b, undefined)?.currency).find((c) => c);
  const entries = children(stmt, 'Ntry');
  currency ??= entries.map((n) => amountOf(n, undefined)?.currency).find((c) => c);
  if (!currency || !isCurrencyCode(currency)) {
    problems.push({
      pointer: `${where}/currency`,
      message: 'no currency on the account',
      code: 'statement.no-currency',
    });
    currency = 'XXX';
  }

  const stated = new Map<string, ParsedBalance[]>();
  balances.forEach((bal, b) => {
    const code = textAt(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? textAt(bal, 'Tp', 'CdOrPrtry', 'Prtry');
    const amount = amountOf(bal, currency);
    const sign = textAt(bal, 'CdtDbtInd');
    if (!code || !amount) return;
    try {
      const minor = decimalToMinor(amount.text, amount.currency ?? currency);
      const balance = {
        amountMinor: sign === 'DBIT' ? -minor : minor,
        code,
        on: dayOf(at(bal, 'Dt')),
      };
      stated.set(code, [...(stated.get(code) ?? []), balance]);
    } catch (error) {
      problems.push(problemAt(`${where}/balances/${b}`, error));
    }
  });
  // OPBD, else PRCD (ABN AMRO states only PRCD), else the first intermediate (a later page).
  const opening =
    stated.get('OPBD')?.[0] ?? stated.get('PRCD')?.[0] ?? stated.get('ITBD')?.[0] ?? null;
  const closing = stated.get('CLBD')?.[0] ?? stated.get('ITBD')?.at(-1) ?? null;

  const lines: ParsedLine[] = [];
  let notBooked = 0;
  entries.forEach((entry, e) => {
    const status = textAt(entry, 'Sts', 'Cd') ?? textAt(entry, 'Sts');
    if (status !== undefined && status !== 'BOOK') {
      notBooked++;
      return;
    }
    const line = parseEntry(entry, currency, `${where}/entries/${e}`, problems);
    if (line) lines.push(line);
  });

  const notes: StatementFact[] = [];
  if (notBooked > 0) notes.push(statementFact('not-booked', { count: notBooked }));
  if (!stated.has('OPBD') && stated.has('PRCD')) notes.push(statementFact('opening-from-prcd'));
  const frToDt = at(stmt, 'FrToDt');
  const fromDay = textAt(frToDt, 'FrDtTm')?.slice(0, 10) ?? opening?.on ?? null;
  const toDay = textAt(frToDt, 'ToDtTm')?.slice(0, 10) ?? closing?.on ?? null;
  return {
    format: 'camt053',
    bankAccountRef: accountId(account) ?? null,
    currency,
    statementRef: textAt(stmt, 'Id') ?? null,
    fromDay,
    toDay,
    opening,
    closing,
    lines,
    problems: [],
    notes,
  };
}

function parseEntry(
  entry: unknown,
  accountCurrency: string,
  where: string,
  problems: FileProblem[],
): ParsedLine | null {
  const amount = amountOf(entry, accountCurrency);
  const sign = textAt(entry, 'CdtDbtInd');
  const bookedOn = dayOf(at(entry, 'BookgDt')) ?? dayOf(at(entry, 'ValDt'));
  if (!amount) {
    problems.push({
      pointer: `${where}/amount`,
      message: 'no amount',
      code: 'statement.no-amount',
    });
    return null;
  }
  if (sign !== 'CRDT' && sign !== 'DBIT') {
    problems.push({
      pointer: `${where}/creditDebit`,
      message: 'CdtDbtInd must be CRDT or DBIT',
      code: 'statement.credit-or-debit',
    });
    return null;
  }
  if (!bookedOn) {
    problems.push({
      pointer: `${where}/bookedOn`,
      message: 'no booking date',
      code: 'statement.no-booking-date',
    });
    return null;
  }
  const currency = amount.currency ?? accountCurrency;
  let minor: bigint;
  try {
    // CdtDbtInd is the direction of this booking, reversal or not (RvslInd only says why).
    minor = decimalToMinor(amount.text, currency);
    if (minor < 0n)
      throw new StatementFinding(
        'statement.negative',
        { text: amount.text },
        `“${amount.text}” must not be negative`,
      );
  } catch (error) {
    problems.push(problemAt(`${where}/amount`, error));
    return null;
  }
  const details = children(entry, 'NtryDtls').flatMap((d) => children(d, 'TxDtls'));
  const single = details.length === 1 ? details[0] : undefined;
  const credit = sign === 'CRDT';
  const parties = at(single, 'RltdPties');
  const counterparty = single
    ? (partyName(at(parties, credit ? 'Dbtr' : 'Cdtr')) ??
      partyName(at(parties, credit ? 'UltmtDbtr' : 'UltmtCdtr')) ??
      '')
    : '';
  const counterpartyAccount = single
    ? (accountId(at(parties, credit ? 'DbtrAcct' : 'CdtrAcct')) ?? '')
    : '';

  const references: string[] = [];
  const remittance: string[] = [];
  for (const tx of details) {
    const endToEnd = textAt(tx, 'Refs', 'EndToEndId');
    if (endToEnd && endToEnd !== 'NOTPROVIDED') references.push(endToEnd);
    for (const strd of children(at(tx, 'RmtInf'), 'Strd'))
      for (const ref of children(strd, 'CdtrRefInf')) {
        const value = textAt(ref, 'Ref');
        if (value) references.push(value);
      }
    if (details.length === 1)
      for (const u of children(at(tx, 'RmtInf'), 'Ustrd')) {
        const value = text(u);
        if (value) remittance.push(clean(value));
      }
  }
  const additional = children(entry, 'AddtlNtryInf')
    .map((a) => clean(text(a) ?? ''))
    .filter((a) => a && !remittance.includes(a));
  const batchCount = textAt(entry, 'NtryDtls', 'Btch', 'NbOfTxs');
  const parts = [
    ...(batchCount && details.length !== 1 ? [`Batch of ${batchCount}`] : []),
    ...remittance,
    ...additional,
  ];
  const uniqueRefs = [...new Set(references)];
  if (uniqueRefs.length > 0) parts.push(`[ref ${uniqueRefs.join(' ')}]`);
  return {
    bookedOn,
    valueOn: dayOf(at(entry, 'ValDt')),
    amountMinor: credit ? minor : -minor,
    currency,
    counterparty: clean(counterparty),
    counterpartyAccount,
    description: parts.join(' ').slice(0, 2000),
    bankReference:
      textAt(entry, 'AcctSvcrRef') ??
      textAt(entry, 'NtryRef') ??
      (single ? textAt(single, 'Refs', 'AcctSvcrRef') : undefined) ??
      null,
    references: uniqueRefs,
  };
}
