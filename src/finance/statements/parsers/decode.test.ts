import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeStatementBytes } from './decode.ts';
import { parseStatementFile } from './index.ts';

const mt940 = (name: string) =>
  [
    ':20:STARTUMS',
    ':25:20090500/0006853030',
    ':28C:00001/001',
    ':60F:C100217EUR1818,90',
    ':61:1002170204C80,N05100001238972230329',
    `:86:051?00Überweisungsgutschr.?10931?20Miete März?3020010020?310012345678?32${name}`,
    ':62F:C100217EUR1898,90',
    '-',
  ].join('\r\n');

const ofx1 = (charset: string) =>
  [
    'OFXHEADER:100',
    'DATA:OFXSGML',
    'VERSION:102',
    'SECURITY:NONE',
    'ENCODING:USASCII',
    `CHARSET:${charset}`,
    'COMPRESSION:NONE',
    'OLDFILEUID:NONE',
    'NEWFILEUID:NONE',
    '',
    '<OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>',
    '<STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>1<ACCTID>42<ACCTTYPE>CHECKING</BANKACCTFROM>',
    '<BANKTRANLIST><DTSTART>20240101<DTEND>20240131',
    '<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20240105<TRNAMT>12.50<FITID>A1<NAME>Crème brûlée Café</STMTTRN>',
    '</BANKTRANLIST><LEDGERBAL><BALAMT>12.50<DTASOF>20240131</LEDGERBAL></STMTRS>',
    '</STMTTRNRS></BANKMSGSRSV1></OFX>',
  ].join('\r\n');

const counterparties = (text: string) =>
  parseStatementFile('x', text).statements.flatMap((s) => s.lines.map((l) => l.counterparty));

describe('reading a statement in its bank’s character set', () => {
  it.each([
    ['ISO 8859-1', 'latin1', 'iso-8859-1'],
    ['Windows-1252', 'windows-1252', 'windows-1252'],
    ['DOS code page 850', 'cp850', 'cp850'],
    ['DOS code page 437', 'cp437', 'cp437'],
  ])('reads a German MT940 written in %s', (_, encoding, readAs) => {
    const bytes = iconv.encode(mt940('MÜLLER, GRETEL'), encoding);
    const { text, charset } = decodeStatementBytes(bytes);
    expect(text).toContain('?32MÜLLER, GRETEL');
    expect(text).toContain('Überweisungsgutschr.?10931?20Miete März');
    // Latin-1 and Windows-1252 agree on every letter here; either reading is right.
    if (readAs === 'iso-8859-1' || readAs === 'windows-1252')
      expect(['iso-8859-1', 'windows-1252']).toContain(charset);
    else expect(['cp850', 'cp437']).toContain(charset);
    expect(counterparties(text)).toEqual(['MÜLLER, GRETEL']);
  });

  it('reads UTF-8, with or without a byte order mark, before guessing anything', () => {
    const text = mt940('MÜLLER, GRETEL');
    expect(decodeStatementBytes(Buffer.from(text, 'utf8'))).toEqual({ text, charset: 'utf-8' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(decodeStatementBytes(bom).text).toBe(text);
  });

  it('reads a CAMT.053 in the encoding its XML declaration names', () => {
    const camt = (encoding: string) =>
      `<?xml version="1.0" encoding="${encoding}"?><Document><Nm>Jürgen Groß</Nm></Document>`;
    expect(decodeStatementBytes(Buffer.from(camt('UTF-8'), 'utf8')).text).toContain('Jürgen Groß');
    const latin = iconv.encode(camt('ISO-8859-1'), 'latin1');
    expect(decodeStatementBytes(latin)).toMatchObject({ charset: 'iso-8859-1' });
    expect(decodeStatementBytes(latin).text).toContain('Jürgen Groß');
  });

  it('reads an OFX 1 file in the charset its header names', () => {
    const decoded = decodeStatementBytes(iconv.encode(ofx1('1252'), 'windows-1252'));
    expect(decoded.charset).toBe('windows-1252');
    expect(counterparties(decoded.text)).toEqual(['Crème brûlée Café']);
  });

  it('takes the person’s word over the guess', () => {
    const bytes = iconv.encode(mt940('MÜLLER'), 'cp850');
    expect(decodeStatementBytes(bytes, 'iso-8859-1').text).not.toContain('MÜLLER');
    expect(decodeStatementBytes(bytes, 'cp850').text).toContain('MÜLLER');
  });
});
