import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../web/src/app/i18n.ts';
import { factMessage, problemCatalogue } from '../../../web/src/app/problemMessages.ts';
import { fillTemplate } from '../../documents/templates.ts';
import { StatementFileError } from '../../finance/statements/types.ts';
import { parseStatementFile } from '../../finance/statements/parsers/index.ts';
import { bltReason } from '../../governance/commands/importBallots.ts';
import { BltParseError, parseBlt } from '../../governance/tally/index.ts';
import { witnessKeyReason } from '../../transparency/commands/registerWitness.ts';
import { generateWitnessKey, parseWitnessKey } from '../../transparency/core/cosignature.ts';
import { parseCsvRecords } from '../csv.ts';
import { AppError, type ProblemFact } from '../errors.ts';
import { leaves } from '../i18n/messages.ts';
import { jsonReason } from '../reasons.ts';

/**
 * The reason inside a refusal of a file or a key (a library's or a reader's own), worded by the
 * web in the member's language from its code and figures: every reason the web words is reached
 * by a broken input below, each with every figure in its sentence, in English and German.
 */

/** The refusal a CSV import gives (members, work items, hours). */
function csvRefusal(content: string): ProblemFact {
  try {
    parseCsvRecords(content);
  } catch (error) {
    if (error instanceof AppError && error.fact) return error.fact;
    throw error;
  }
  throw new Error(`${JSON.stringify(content)} was read`);
}

/** The one problem a bank statement file's refusal lists. */
function statementRefusal(fileName: string, content: string): ProblemFact {
  try {
    parseStatementFile(fileName, content);
  } catch (error) {
    if (error instanceof StatementFileError && error.problems.length === 1) {
      const [problem] = error.problems;
      return { code: problem!.code!, params: problem!.params ?? {} };
    }
    throw error;
  }
  throw new Error(`${fileName} was read`);
}

function bltRefusal(blt: string): ProblemFact {
  try {
    parseBlt(blt);
  } catch (error) {
    if (error instanceof BltParseError) return { code: 'blt.unreadable', params: bltReason(error) };
    throw error;
  }
  throw new Error(`${JSON.stringify(blt)} was read`);
}

function jsonRefusal(text: string): ProblemFact {
  try {
    JSON.parse(text);
  } catch (error) {
    return { code: 'file.not-json', params: jsonReason(text, error) };
  }
  throw new Error(`${JSON.stringify(text)} was read`);
}

function witnessRefusal(vkey: string): ProblemFact {
  const key = parseWitnessKey(vkey);
  if (typeof key !== 'string') throw new Error(`${vkey} was read`);
  return { code: 'witness.key-invalid', params: witnessKeyReason(key) };
}

async function templateRefusal(body: string): Promise<ProblemFact> {
  try {
    await fillTemplate({ key: 'quote', body }, { buyer: {} });
  } catch (error) {
    if (error instanceof AppError && error.fact) return error.fact;
    throw error;
  }
  throw new Error(`${body} was filled`);
}

const witness = generateWitnessKey('bea-laptop').vkey;
const [witnessName, witnessHash, ...keyParts] = witness.split('+') as [string, string, string];
const witnessKey = keyParts.join('+');
const otherAlgorithm = Buffer.from(witnessKey, 'base64');
otherAlgorithm[0] = 0x09;

const ballots = '2 1\n1 1 0\n0\n';
const refusals: [string, ProblemFact | Promise<ProblemFact>][] = [
  ['csv after-quote', csvRefusal('email,name\na@b.test,"Ada"x\n')],
  ['csv quote-inside', csvRefusal('email,name\na@b.test,A"d"a\n')],
  ['csv quote-not-closed', csvRefusal('email,name\na@b.test,"Ada\nb@c.test,Bob\n')],
  ['csv field-count', csvRefusal('email,name\na@b.test,Ada,extra\n')],
  ['xml no-element', statementRefusal('s.xml', ' ')],
  ['xml unclosed', statementRefusal('s.xml', '<Document>\n  <Stmt></Stmt>')],
  ['xml unclosed-tags', statementRefusal('s.xml', '<Document><BkToCstmrStmt><Stmt>')],
  ['xml not-opened', statementRefusal('s.xml', '<Document></Document></Stmt>')],
  ['xml wrong-closing', statementRefusal('s.xml', '<Document>\n  <Stmt>\n</Document>')],
  ['xml closing-tag', statementRefusal('s.xml', '<Document></Document x>')],
  ['xml tag-name', statementRefusal('s.xml', '<Document><1Stmt/></Document>')],
  ['xml space-after-lt', statementRefusal('s.xml', '<Document>< Stmt/></Document>')],
  ['xml several-roots', statementRefusal('s.xml', '<Document></Document><Document></Document>')],
  ['xml after-end', statementRefusal('s.xml', '<Document></Document>text')],
  [
    'xml declaration',
    statementRefusal('s.xml', '<!-- a bank -->\n<?xml version="1.0"?><Document/>'),
  ],
  ['xml character', statementRefusal('s.xml', '<Document>&</Document>')],
  ['xml attribute-repeated', statementRefusal('s.xml', '<Document a="1" a="2"/>')],
  ['xml attribute-no-value', statementRefusal('s.xml', '<Document a/>')],
  ['xml attribute-space', statementRefusal('s.xml', '<Document a="1"b="2"/>')],
  ['xml attribute-name', statementRefusal('s.xml', '<Document 1a="x"/>')],
  ['xml attribute-quote', statementRefusal('s.xml', '<Document a="1/>')],
  ['ofx unclosed', statementRefusal('s.ofx', 'OFXHEADER:100\n\n<OFX><BANKMSGSRSV1><STMTTRNRS>')],
  ['json ends-early', jsonRefusal('[{"title": "Crash"},\n')],
  ['json unexpected', jsonRefusal('[\n  {"title": "Crash",}\n]')],
  ['json after-end', jsonRefusal('[] []')],
  ['witness-key malformed', witnessRefusal('bea-laptop+nothex+AAAA')],
  [
    'witness-key algorithm',
    witnessRefusal(`${witnessName}+${witnessHash}+${otherAlgorithm.toString('base64')}`),
  ],
  ['witness-key hash', witnessRefusal(`${witnessName}+00000000+${witnessKey}`)],
  ['template undefined-variable', templateRefusal('Dear {{ buyer.name }}')],
  ['template undefined-filter', templateRefusal('{{ buyer | shout }}')],
  ['template unknown-tag', templateRefusal('{% shout %}')],
  ['template not-closed', templateRefusal('Dear\n  {% if buyer %}you')],
  ['template reads-file', templateRefusal('{% include "/etc/passwd" %}')],
  ['template syntax', templateRefusal('{% assign %}')],
  ['template render', templateRefusal('{{ "a" | append }}')],
  ['blt empty', bltRefusal('')],
  ['blt header', bltRefusal('two candidates\n')],
  ['blt no-candidate', bltRefusal('0 1\n')],
  ['blt too-many-candidates', bltRefusal('70000 1\n')],
  ['blt no-seat', bltRefusal('2 0\n')],
  ['blt seats-over-candidates', bltRefusal('2 3\n')],
  ['blt withdrawn-late', bltRefusal('2 1\n1 1 0\n-1\n')],
  ['blt withdrawn-not-negative', bltRefusal('2 1\n-1 x\n')],
  ['blt withdrawn-unknown', bltRefusal('2 1\n-3\n')],
  ['blt withdrawn-twice', bltRefusal('2 1\n-1 -1\n')],
  ['blt equal-ranks', bltRefusal('2 1\n1 1=2 0\n')],
  ['blt weight-not-whole', bltRefusal('2 1\n1.5 1 0\n')],
  ['blt not-a-ballot', bltRefusal('2 1\nHilda\n')],
  ['blt weight-too-large', bltRefusal('2 1\n99999999999999999999 1 0\n')],
  ['blt weight-zero', bltRefusal('2 1\n0 1 0\n')],
  ['blt not-a-candidate', bltRefusal('2 1\n1 x 0\n')],
  ['blt after-ballot-end', bltRefusal('2 1\n1 1 0 2\n')],
  ['blt unknown-candidate', bltRefusal('2 1\n1 3 0\n')],
  ['blt ranked-twice', bltRefusal('2 1\n1 1 1 0\n')],
  ['blt no-ballot-end', bltRefusal('2 1\n1 1\n')],
  ['blt weights-too-large', bltRefusal('2 1\n9007199254740991 1 0\n1 2 0\n')],
  ['blt no-ballots-end', bltRefusal('2 1\n1 1 0\n')],
  ['blt name-not-quoted', bltRefusal(`${ballots}Hilda\n`)],
  ['blt name-quotes', bltRefusal(`${ballots}"Hil"da"\n`)],
  ['blt title-not-quoted', bltRefusal(`${ballots}"Hilda"\n"Hugo"\nAGM\n`)],
  ['blt title-quotes', bltRefusal(`${ballots}"Hilda"\n"Hugo"\n"A"G"M"\n`)],
  ['blt names-missing', bltRefusal(`${ballots}"Hilda"\n`)],
  ['blt title-missing', bltRefusal(`${ballots}"Hilda"\n"Hugo"\n`)],
  ['blt after-title', bltRefusal(`${ballots}"Hilda"\n"Hugo"\n"AGM"\nmore\n`)],
];

const resolved = async () =>
  Promise.all(refusals.map(async ([label, refusal]) => [label, await refusal] as const));

/** The figures a reason's sentence must say: all its params but the English and the code. */
const figures = (params: ProblemFact['params']) =>
  Object.entries(params).filter(([name]) => name !== 'reason' && name !== 'reasonCode');

describe('the reason inside a refusal, in the reader’s language', () => {
  afterEach(() => setLocale('en', { remember: false }));

  it('reaches every reason the web words, each by the refusal its input meets', async () => {
    const reached = new Set<string>();
    for (const [label, { params }] of await resolved()) {
      expect(params.reasonCode, `${label}: ${String(params.reason)}`).toBe(
        `reason.${label.replace(' ', '.')}`,
      );
      reached.add(String(params.reasonCode));
    }
    const worded = leaves(problemCatalogue.messages.en)
      .map(([key]) => key)
      .filter((key) => key.startsWith('reason.'));
    expect([...reached].sort()).toEqual(worded.sort());
  });

  it('words each with every figure it carries, in English and German', async () => {
    for (const locale of ['en', 'de'] as const) {
      setLocale(locale, { remember: false });
      for (const [label, fact] of await resolved()) {
        const sentence = factMessage(fact);
        expect(sentence, label).toBeDefined();
        expect(sentence, label).not.toMatch(/\{\{/);
        for (const [name, value] of figures(fact.params))
          expect(sentence, `${label}: ${name}`).toContain(String(value));
        // In German the library's English is gone, said by its code instead.
        if (locale === 'de' && fact.params.reasonCode)
          expect(sentence, label).not.toContain(String(fact.params.reason));
      }
    }
  });

  it('says them in German', async () => {
    setLocale('de', { remember: false });
    const byLabel = new Map(await resolved());
    const say = (label: string) => factMessage(byLabel.get(label)!);
    expect(say('csv field-count')).toBe(
      'Die Datei ist kein gültiges CSV: Zeile 2 hat eine andere Zahl von Feldern (3) als die Kopfzeile (2)',
    );
    expect(say('csv quote-inside')).toBe(
      'Die Datei ist kein gültiges CSV: Zeile 2, Spalte name: ein Anführungszeichen mitten in einem Feld, das nicht mit einem beginnt',
    );
    expect(say('xml wrong-closing')).toBe(
      'Die Datei ist kein gültiges XML: Zeile 3, Spalte 1: </Document> statt </Stmt> (<Stmt> geöffnet in Zeile 2, Spalte 3)',
    );
    expect(say('ofx unclosed')).toBe(
      'Die Datei ist kein lesbares OFX: <STMTTRNRS> wird nie geschlossen',
    );
    expect(say('json unexpected')).toBe(
      'Die Datei ist kein JSON: Zeile 2, Spalte 21: „}“ gehört dort nicht hin',
    );
    expect(say('witness-key hash')).toBe(
      'Kein Zeugenschlüssel: Sein Hash passt nicht zum Schlüssel.',
    );
    expect(say('template undefined-variable')).toBe(
      'Die Vorlage quote lässt sich nicht füllen: Zeile 1, Spalte 9: In den Daten fehlt buyer.name',
    );
    expect(say('blt unknown-candidate')).toBe(
      'Die BLT-Datei ist nicht lesbar: Zeile 2: Kandidatur 3 ist keine der 2 Kandidaturen (1 bis 2)',
    );
  });

  it('keeps a reason it has no code for in the library’s English, quoted in the sentence', () => {
    // JSON.parse refused for a cause the grammar's reading does not see.
    const odd = { code: 'file.not-json', params: jsonReason('[1]', new Error('odd input')) };
    expect(odd.params).toEqual({ reason: 'odd input' });
    setLocale('de', { remember: false });
    expect(factMessage(odd)).toBe('Die Datei ist kein JSON: odd input');
    // A key text the key reader does not give.
    expect(witnessKeyReason('a new reason')).toEqual({ reason: 'a new reason' });
  });
});
