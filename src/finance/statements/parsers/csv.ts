import { parse } from 'csv-parse/sync';
import { csvReason } from '../../../platform/reasons.ts';
import type { CsvDateFormat, CsvMapping } from '../csvMapping.ts';
import {
  problemAt,
  StatementFileError,
  StatementFinding,
  type FileProblem,
  type ParsedBalance,
  type ParsedLine,
  type ParsedStatement,
} from '../types.ts';
import { statementFact, type StatementFact } from '../facts.ts';
import { looseAmountToMinor } from './amounts.ts';

const datePatterns: Record<CsvDateFormat, { re: RegExp; order: 'ymd' | 'dmy' | 'mdy' }> = {
  'YYYY-MM-DD': { re: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: 'ymd' },
  'DD.MM.YYYY': { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: 'dmy' },
  'DD/MM/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: 'dmy' },
  'DD-MM-YYYY': { re: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, order: 'dmy' },
  'MM/DD/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: 'mdy' },
  YYYYMMDD: { re: /^(\d{4})(\d{2})(\d{2})$/, order: 'ymd' },
  'DD.MM.YY': { re: /^(\d{1,2})\.(\d{1,2})\.(\d{2})$/, order: 'dmy' },
  'MM/DD/YY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/, order: 'mdy' },
};

const notADate = (text: string, format: CsvDateFormat) =>
  new StatementFinding(
    'statement.not-a-date',
    { text, format },
    `“${text}” is not a date as ${format}`,
  );

function csvDate(text: string, format: CsvDateFormat): string {
  const { re, order } = datePatterns[format];
  const m = re.exec(text.trim());
  if (!m) throw notADate(text, format);
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  const [y, mo, d] = order === 'ymd' ? [a, b, c] : order === 'dmy' ? [c, b, a] : [c, a, b];
  const year = y.length === 2 ? `20${y}` : y;
  const day = `${year}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const time = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day)
    throw notADate(text, format);
  return day;
}

/**
 * A bank's CSV export read through its saved mapping: every bad row is reported, not only the
 * first. Rows come newest first or oldest first; lines are returned oldest first. With a
 * running balance column, the opening is the first balance less its row, the closing is the
 * last balance, and every step is checked.
 */
export function parseCsvStatement(content: string, mapping: CsvMapping): ParsedStatement[] {
  let records: Record<string, string>[];
  try {
    records = parse(content, {
      columns: (header: string[]) => header.map((c) => c.trim().toLowerCase()),
      delimiter: mapping.delimiter,
      from_line: mapping.skipLines + 1,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (error) {
    // csv-parse's reason, with its line and column where its code is one we word.
    const reason = csvReason(error);
    throw new StatementFileError(`The file is not valid CSV: ${reason.reason}`, [
      { pointer: '/content', message: reason.reason, code: 'statement.not-csv', params: reason },
    ]);
  }
  const headerLine = mapping.skipLines + 1;
  const named = (c: string | undefined) => c?.toLowerCase();
  const wanted = [
    mapping.dateColumn,
    mapping.valueDateColumn,
    mapping.amountColumn,
    mapping.debitColumn,
    mapping.creditColumn,
    mapping.descriptionColumn,
    mapping.referenceColumn,
    mapping.counterpartyColumn,
    mapping.counterpartyAccountColumn,
    mapping.balanceColumn,
    mapping.statusColumn,
  ].filter((c): c is string => !!c);
  const header = records[0] ? Object.keys(records[0]) : [];
  const missing = records.length > 0 ? wanted.filter((c) => !header.includes(c.toLowerCase())) : [];
  if (missing.length > 0)
    throw new StatementFileError(
      `The file's header has no column ${missing.join(', ')} (it has ${header.join(', ')}).`,
      missing.map((c) => ({
        pointer: `/lines/${headerLine}/${c}`,
        message: 'no such column',
        code: 'statement.no-column',
        params: { column: c, line: headerLine },
      })),
    );

  const problems: FileProblem[] = [];
  const separators = { decimal: mapping.decimalSeparator, thousands: mapping.thousandsSeparator };
  const rows: { line: number; parsed: ParsedLine; balance: bigint | null }[] = [];
  const booked = new Set(mapping.bookedStatuses?.map((s) => s.toLowerCase()));
  let notBooked = 0;
  records.forEach((record, index) => {
    const line = headerLine + 1 + index;
    const cell = (c: string | undefined) => (c ? (record[named(c)!] ?? '') : '');
    if (mapping.statusColumn && !booked.has(cell(mapping.statusColumn).toLowerCase())) {
      notBooked++;
      return;
    }
    const fail = (columnName: string, error: unknown) =>
      problems.push(problemAt(`/lines/${line}/${columnName}`, error));
    let bookedOn: string | undefined;
    try {
      bookedOn = csvDate(cell(mapping.dateColumn), mapping.dateFormat);
    } catch (error) {
      fail(mapping.dateColumn, error);
    }
    let valueOn: string | null = null;
    if (mapping.valueDateColumn && cell(mapping.valueDateColumn) !== '') {
      try {
        valueOn = csvDate(cell(mapping.valueDateColumn), mapping.dateFormat);
      } catch (error) {
        fail(mapping.valueDateColumn, error);
      }
    }
    let amount: bigint | undefined;
    const money = (c: string) => looseAmountToMinor(cell(c), mapping.currency, separators);
    if (mapping.amountColumn) {
      try {
        amount = money(mapping.amountColumn);
      } catch (error) {
        fail(mapping.amountColumn, error);
      }
    } else {
      const debit = cell(mapping.debitColumn);
      const credit = cell(mapping.creditColumn);
      try {
        if (debit !== '' && credit !== '')
          throw new StatementFinding('statement.in-and-out', {}, 'both money out and money in');
        if (debit === '' && credit === '')
          throw new StatementFinding(
            'statement.no-in-or-out',
            {},
            'neither money out nor money in',
          );
        const abs = (v: bigint) => (v < 0n ? -v : v);
        amount =
          debit !== '' ? -abs(money(mapping.debitColumn!)) : abs(money(mapping.creditColumn!));
      } catch (error) {
        fail((debit !== '' ? mapping.debitColumn : mapping.creditColumn)!, error);
      }
    }
    let balance: bigint | null = null;
    if (mapping.balanceColumn && cell(mapping.balanceColumn) !== '') {
      try {
        balance = money(mapping.balanceColumn);
      } catch (error) {
        fail(mapping.balanceColumn, error);
      }
    }
    if (bookedOn === undefined || amount === undefined) return;
    const reference = cell(mapping.referenceColumn);
    rows.push({
      line,
      balance,
      parsed: {
        bookedOn,
        valueOn,
        amountMinor: amount,
        currency: mapping.currency,
        counterparty: cell(mapping.counterpartyColumn).slice(0, 500),
        counterpartyAccount: cell(mapping.counterpartyAccountColumn).slice(0, 100),
        description: cell(mapping.descriptionColumn).replace(/\s+/g, ' ').slice(0, 2000),
        bankReference: reference || null,
        references: reference ? [reference] : [],
      },
    });
  });
  if (problems.length > 0)
    throw new StatementFileError(
      `The file has ${problems.length} problem(s); nothing was imported:\n` +
        problems
          .map(
            (p) => `  ${p.pointer.replace(/^\/lines\/(\d+)\/(.*)$/, 'line $1, $2')}: ${p.message}`,
          )
          .join('\n'),
      problems,
    );

  // Oldest first: a newest-first export is turned round (its running balances say which way).
  const first = rows[0]?.parsed.bookedOn ?? '';
  const last = rows.at(-1)?.parsed.bookedOn ?? '';
  let ordered = first > last ? [...rows].reverse() : rows;
  if (first === last && mapping.balanceColumn && stepProblems(ordered).length > 0) {
    const reversed = [...rows].reverse();
    if (stepProblems(reversed).length === 0) ordered = reversed;
  }

  let opening: ParsedBalance | null = null;
  let closing: ParsedBalance | null = null;
  const statementProblems: StatementFact[] = [];
  const firstRow = ordered[0];
  const lastRow = ordered.at(-1);
  if (mapping.balanceColumn && firstRow?.balance != null && lastRow?.balance != null) {
    opening = {
      amountMinor: firstRow.balance - firstRow.parsed.amountMinor,
      code: `${mapping.balanceColumn} before line ${firstRow.line}`,
      on: firstRow.parsed.bookedOn,
      column: mapping.balanceColumn,
      line: firstRow.line,
    };
    closing = {
      amountMinor: lastRow.balance,
      code: `${mapping.balanceColumn} after line ${lastRow.line}`,
      on: lastRow.parsed.bookedOn,
      column: mapping.balanceColumn,
      line: lastRow.line,
    };
    statementProblems.push(
      ...stepProblems(ordered).map((p) =>
        statementFact('running-balance', {
          line: p.line,
          statedMinor: p.stated,
          expectedMinor: p.expected,
          currency: mapping.currency,
        }),
      ),
    );
  }
  const days = ordered.map((r) => r.parsed.bookedOn).sort();
  return [
    {
      format: 'csv',
      bankAccountRef: null,
      currency: mapping.currency,
      statementRef: null,
      fromDay: days[0] ?? null,
      toDay: days.at(-1) ?? null,
      opening,
      closing,
      lines: ordered.map((r) => r.parsed),
      problems: statementProblems,
      notes:
        notBooked > 0
          ? [
              statementFact('rows-not-booked', {
                count: notBooked,
                statuses: mapping.bookedStatuses!,
              }),
            ]
          : [],
    },
  ];
}

/** Rows (oldest first) whose running balance is not the previous one plus their amount. */
function stepProblems(rows: { line: number; parsed: ParsedLine; balance: bigint | null }[]) {
  const out: { line: number; stated: bigint; expected: bigint }[] = [];
  for (let i = 1; i < rows.length; i++) {
    const before = rows[i - 1]!.balance;
    const row = rows[i]!;
    if (before === null || row.balance === null) continue;
    const expected = before + row.parsed.amountMinor;
    if (expected !== row.balance) out.push({ line: row.line, stated: row.balance, expected });
  }
  return out;
}
