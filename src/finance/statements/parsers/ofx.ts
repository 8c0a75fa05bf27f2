import { parseSync } from 'ofx-js';
import { codedReason, type ReasonParams } from '../../../platform/reasons.ts';
import {
  problemAt,
  StatementFileError,
  type FileProblem,
  type ParsedLine,
  type ParsedStatement,
} from '../types.ts';
import { decimalToMinor, isCurrencyCode } from './amounts.ts';

type Node = { [key: string]: unknown };
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const field = (node: unknown, name: string): unknown => (isNode(node) ? node[name] : undefined);
const str = (node: unknown, name: string): string | undefined => {
  const value = field(node, name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/** OFX dates (`20120103120000.000[0:GMT]`, `20070315`) as the day they name. */
function ofxDay(value: string | undefined): string | null {
  const m = value ? /^(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** OFX amounts are dot-decimal strings ("-49.95", "+100"); some banks write a comma. */
function ofxAmount(value: string, currency: string): bigint {
  return decimalToMinor(value.includes('.') ? value : value.replace(',', '.'), currency);
}

/**
 * ofx-js's refusal: an element it finds no end of ("Missing closing tag for STMTTRNRS"), worded
 * with the element's name; any other message is quoted.
 */
function ofxReason(error: unknown): ReasonParams {
  const reason = error instanceof Error ? error.message : String(error);
  const unclosed = /^Missing closing tag for (\S+)$/.exec(reason);
  return unclosed ? codedReason(reason, 'ofx.unclosed', { tag: unclosed[1]! }) : { reason };
}

/**
 * OFX 1.x (SGML) and 2.x (XML) bank and credit card statements, read by ofx-js; every amount
 * is re-read from its text as integer minor units. OFX states no opening balance: LEDGERBAL is
 * the closing booked balance (AVAILBAL, the available one, is not used).
 */
export function parseOfx(content: string): ParsedStatement[] {
  let document: Node;
  try {
    const parsed = parseSync(content.replace(/^\uFEFF/, ''));
    document = isNode(parsed.OFX) ? parsed.OFX : {};
  } catch (error) {
    const reason = ofxReason(error);
    throw new StatementFileError(`The file is not readable OFX: ${reason.reason}`, [
      { pointer: '/content', message: reason.reason, code: 'statement.not-ofx', params: reason },
    ]);
  }
  const problems: FileProblem[] = [];
  const statements: ParsedStatement[] = [];
  const responses = [
    ...list(field(field(document, 'BANKMSGSRSV1'), 'STMTTRNRS')).map((r) => field(r, 'STMTRS')),
    ...list(field(field(document, 'CREDITCARDMSGSRSV1'), 'CCSTMTTRNRS')).map((r) =>
      field(r, 'CCSTMTRS'),
    ),
  ].filter(isNode);
  responses.forEach((rs, s) => {
    const where = `/statements/${s}`;
    const currency = str(rs, 'CURDEF')?.toUpperCase() ?? '';
    if (!isCurrencyCode(currency)) {
      problems.push({
        pointer: `${where}/currency`,
        message: 'no CURDEF currency',
        code: 'statement.no-currency',
      });
      return;
    }
    const from = field(rs, 'BANKACCTFROM') ?? field(rs, 'CCACCTFROM');
    const bankId = str(from, 'BANKID');
    const accountId = str(from, 'ACCTID');
    const tranList = field(rs, 'BANKTRANLIST');
    const lines: ParsedLine[] = [];
    list(field(tranList, 'STMTTRN')).forEach((trn, t) => {
      const pointer = `${where}/transactions/${t}`;
      const amount = str(trn, 'TRNAMT');
      const bookedOn = ofxDay(str(trn, 'DTPOSTED'));
      if (!amount || !bookedOn) {
        problems.push({
          pointer,
          message: 'a transaction needs TRNAMT and DTPOSTED',
          code: 'statement.ofx-transaction',
        });
        return;
      }
      try {
        const fitId = str(trn, 'FITID');
        const check = str(trn, 'CHECKNUM');
        const name = str(trn, 'NAME') ?? str(field(trn, 'PAYEE'), 'NAME') ?? '';
        const memo = str(trn, 'MEMO') ?? '';
        const references = [fitId, check, str(trn, 'REFNUM')].filter((r): r is string => !!r);
        lines.push({
          bookedOn,
          valueOn: ofxDay(str(trn, 'DTUSER')),
          amountMinor: ofxAmount(amount, currency),
          currency,
          counterparty: name,
          counterpartyAccount: str(field(trn, 'BANKACCTTO'), 'ACCTID') ?? '',
          description: [memo || (check ? '' : name), check ? `check ${check}` : '']
            .filter(Boolean)
            .join(' ')
            .slice(0, 2000),
          bankReference: fitId ?? null,
          references,
        });
      } catch (error) {
        problems.push(problemAt(`${pointer}/amount`, error));
      }
    });
    const ledger = field(rs, 'LEDGERBAL');
    const balance = str(ledger, 'BALAMT');
    let closing = null;
    if (balance) {
      try {
        closing = {
          amountMinor: ofxAmount(balance, currency),
          code: 'LEDGERBAL',
          on: ofxDay(str(ledger, 'DTASOF')),
        };
      } catch (error) {
        problems.push(problemAt(`${where}/ledgerBalance`, error));
      }
    }
    statements.push({
      format: 'ofx',
      bankAccountRef: accountId ? [bankId, accountId].filter(Boolean).join('/') : null,
      currency,
      statementRef: null,
      fromDay: ofxDay(str(tranList, 'DTSTART')),
      toDay: ofxDay(str(tranList, 'DTEND')) ?? closing?.on ?? null,
      opening: null,
      closing,
      lines,
      problems: [],
      notes: [],
    });
  });
  if (problems.length > 0)
    throw new StatementFileError(
      `The OFX file has ${problems.length} problem(s): ${problems.map((p) => `${p.pointer}: ${p.message}`).join('; ')}`,
      problems,
    );
  if (statements.length === 0)
    throw new StatementFileError('The OFX file holds no bank or credit card statement.', [
      {
        pointer: '/content',
        message: 'no STMTRS or CCSTMTRS',
        code: 'statement.no-element',
        params: { element: 'STMTRS / CCSTMTRS' },
      },
    ]);
  return statements;
}
