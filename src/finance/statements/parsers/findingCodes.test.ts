import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../../web/src/app/i18n.ts';
import { factMessage, knowsProblem } from '../../../../web/src/app/problemMessages.ts';
import { csvMappingSchema } from '../csvMapping.ts';
import { StatementFileError, type FileProblem } from '../types.ts';
import { parseStatementFile } from './index.ts';

/** What a file's refusal lists, line by line. */
function findings(fileName: string, content: string, mapping?: unknown): FileProblem[] {
  try {
    parseStatementFile(fileName, content, {
      mapping: mapping ? csvMappingSchema.parse(mapping) : undefined,
    });
  } catch (error) {
    if (error instanceof StatementFileError) return error.problems;
    throw error;
  }
  throw new Error(`${fileName} was read without a problem`);
}

const camt = (statement: string) => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>1</MsgId><CreDtTm>2026-11-30T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id>${statement}</Stmt></BkToCstmrStmt></Document>`;

const mt940 = (body: string) => `${body}\n-`;

const csvMapping = {
  dateColumn: 'Date',
  dateFormat: 'DD.MM.YYYY',
  debitColumn: 'Out',
  creditColumn: 'In',
  descriptionColumn: 'Text',
  currency: 'EUR',
  decimalSeparator: ',',
};

/** Files with every kind of finding the parsers report. */
const broken: [string, FileProblem[]][] = [
  ['unknown format', findings('statement.pdf', 'not a statement')],
  ['CSV without a mapping', findings('statement.csv', 'Date;Text\n')],
  ['not XML', findings('s.xml', '<Document><BkToCstmrStmt><Stmt>')],
  ['camt.052', findings('s.xml', camt('').replace('camt.053.001.02', 'camt.052.001.02'))],
  ['no statement', findings('s.xml', '<?xml version="1.0"?><Document><Other/></Document>')],
  [
    'CAMT entries',
    findings(
      's.xml',
      camt(`<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">12.345</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-01</Dt></Dt></Bal>
<Ntry><Sts>BOOK</Sts><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-02</Dt></BookgDt></Ntry>
<Ntry><Amt Ccy="EUR">-5.00</Amt><Sts>BOOK</Sts><CdtDbtInd>UP</CdtDbtInd></Ntry>`),
    ),
  ],
  [
    'MT940 fields',
    findings(
      's.sta',
      mt940(`:25:DE89370400440532013000
:20:STMT1
:25:DE89370400440532013000
:28C:1/1
:60F:C261101EUR100,00
:61:2611021102CX
:62F:C261130USD100,00
:20:STMT2
:25:DE89370400440532013000
:28C:2/1
:60F:C261301EUR100,00
:61:2611021399C5,00NTRFNONREF`),
    ),
  ],
  [
    'OFX transactions',
    findings(
      's.ofx',
      `OFXHEADER:100
DATA:OFXSGML
VERSION:102

<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKACCTFROM><ACCTID>1</ACCTID></BANKACCTFROM>
<BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT<NAME>Shop</STMTTRN></BANKTRANLIST>
</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`,
    ),
  ],
  [
    'CSV lines',
    findings(
      's.csv',
      'Date,Out,In,Text\n31.02.2026,"1,00",,rent\n01.11.2026,"1.234,5","2,00",both\n02.11.2026,,,none\n',
      { ...csvMapping, delimiter: ',' },
    ),
  ],
  ['CSV columns', findings('s.csv', 'Day,Out,In,Text\n01.11.2026,1,,x\n', csvMapping)],
  [
    'CSV quotes',
    findings('s.csv', 'Date,Out,In,Text\n01.11.2026,"1,00"x,,rent\n', {
      ...csvMapping,
      delimiter: ',',
    }),
  ],
];

describe('a statement parser’s findings, in the reader’s language', () => {
  afterEach(() => setLocale('en', { remember: false }));

  it('names every finding by a code the web words, with every figure its sentence needs', () => {
    const all = broken.flatMap(([, problems]) => problems);
    const codes = new Set(all.map((p) => p.code));
    // The files above reach most of the parsers' findings, not one or two.
    expect(codes.size).toBeGreaterThanOrEqual(20);
    for (const problem of all) {
      expect(problem.code, `${problem.pointer}: ${problem.message}`).toBeDefined();
      expect(knowsProblem(problem.code!), problem.code).toBe(true);
      const sentence = factMessage({ code: problem.code, params: problem.params ?? {} });
      expect(sentence, problem.code).not.toMatch(/\{\{/);
    }
  });

  it('says them in German', () => {
    const byCode = new Map(
      broken.flatMap(([, problems]) => problems).map((p) => [p.code, p] as const),
    );
    setLocale('de', { remember: false });
    const say = (code: string) =>
      factMessage({ code, params: byCode.get(code)?.params ?? {} }) ?? '';
    expect(say('statement.no-booking-date')).toBe('Der Umsatz hat kein Buchungsdatum.');
    expect(say('statement.closing-currency')).toBe(
      'Der Schlusssaldo lautet auf USD, der Anfangssaldo auf EUR.',
    );
    expect(say('statement.not-a-date')).toBe('„31.02.2026“ ist kein Datum im Format DD.MM.YYYY.');
    expect(say('statement.in-and-out')).toBe(
      'Die Zeile hat sowohl eine Ausgabe als auch eine Einnahme.',
    );
    // A library's own reason, by its code and figures (src/platform/reasons.ts).
    expect(say('statement.not-xml')).toBe(
      'Die Datei ist kein gültiges XML: Die Elemente Document, BkToCstmrStmt, Stmt werden nie geschlossen',
    );
    expect(say('statement.not-csv')).toBe(
      'Die Datei ist kein gültiges CSV: Zeile 2, Spalte out: Ein Feld in Anführungszeichen geht nach dem schließenden Anführungszeichen weiter',
    );
  });
});
