import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CsvMappingInput } from './csvMapping.ts';
import type { StatementFormat } from './types.ts';

/**
 * The real sample statements (copied byte for byte from `../shared/data/bank` into `fixtures/`,
 * with their README giving each file's source and MIT licence), with the figures each states:
 * the tests check every parser and the whole import against them, on any clone.
 */
export const sampleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export const readSample = (name: string) => fs.readFileSync(path.join(sampleDir, name), 'utf8');

export interface SampleStatement {
  bankAccountRef: string | null;
  currency: string;
  lines: number;
  /** Decimal strings; the opening is implied when the file states none (OFX). */
  opening: string | null;
  openingCode: string | null;
  closing: string | null;
  closingCode: string | null;
  credits: string;
  debits: string;
  check: 'ok' | 'mismatch' | 'unknown';
}

export interface Sample {
  file: string;
  format: StatementFormat;
  statements: SampleStatement[];
}

const one = (s: SampleStatement): SampleStatement[] => [s];

export const samples: Sample[] = [
  {
    file: 'camt053-v02-abnamro-nl-format-sample.xml',
    format: 'camt053',
    statements: one({
      bankAccountRef: 'NL77ABNA0574908765',
      currency: 'EUR',
      lines: 13,
      opening: '1000.01',
      openingCode: 'PRCD',
      closing: '100.01',
      closingCode: 'CLBD',
      credits: '28.00',
      debits: '928.00',
      check: 'ok',
    }),
  },
  {
    file: 'camt053-v04-postfinance-ch-sps-sample.xml',
    format: 'camt053',
    statements: one({
      bankAccountRef: 'CH0309000000250090342',
      currency: 'CHF',
      lines: 13,
      opening: '322152.16',
      openingCode: 'OPBD',
      closing: '322689.77',
      closingCode: 'CLBD',
      credits: '1810.56',
      debits: '1272.95',
      check: 'ok',
    }),
  },
  {
    file: 'camt053-v08-ubs-ch-sps2-sample.xml',
    format: 'camt053',
    statements: one({
      bankAccountRef: 'CH1111111111111111111',
      currency: 'CHF',
      lines: 3,
      opening: '82721.95',
      openingCode: 'OPBD',
      closing: '84515.25',
      closingCode: 'CLBD',
      // The EUR 20.97 debit is not in the account's currency: it is not counted.
      credits: '563.25',
      debits: '0.00',
      check: 'mismatch',
    }),
  },
  {
    file: 'mt940-ing-nl-structured.sta',
    format: 'mt940',
    statements: one({
      bankAccountRef: 'NL68INGB0000012345EUR',
      currency: 'EUR',
      lines: 21,
      opening: '436.90',
      openingCode: '60F',
      closing: '246.45',
      closingCode: '62F',
      credits: '14640.00',
      debits: '14830.45',
      check: 'ok',
    }),
  },
  {
    file: 'mt940-sparkasse-de.sta',
    format: 'mt940',
    statements: [
      ['1818.90', '60F', '2330.90', '62M', 4, '512.00', '0.00'],
      ['2330.90', '60M', '2624.22', '62F', 4, '310.00', '16.68'],
      ['2624.22', '60F', '2724.22', '62M', 1, '100.00', '0.00'],
      ['2724.22', '60M', '2734.22', '62F', 1, '10.00', '0.00'],
    ].map(([opening, openingCode, closing, closingCode, lines, credits, debits]) => ({
      bankAccountRef: '20090500/0006853030',
      currency: 'EUR',
      lines: lines as number,
      opening: opening as string,
      openingCode: openingCode as string,
      closing: closing as string,
      closingCode: closingCode as string,
      credits: credits as string,
      debits: debits as string,
      check: 'ok' as const,
    })),
  },
  {
    file: 'mt940-triodos-nl-two-accounts.sta',
    format: 'mt940',
    statements: [
      {
        bankAccountRef: 'TRIODOSBANK/0666666666',
        currency: 'EUR',
        lines: 4,
        opening: '1000.00',
        openingCode: '60F',
        closing: '850.00',
        closingCode: '62F',
        credits: '150.00',
        debits: '300.00',
        check: 'ok',
      },
      {
        bankAccountRef: 'TRIODOSBANK/0999999999',
        currency: 'EUR',
        lines: 4,
        opening: '950.12',
        openingCode: '60F',
        closing: '1009.14',
        closingCode: '62F',
        credits: '150.00',
        debits: '90.98',
        check: 'ok',
      },
    ],
  },
  {
    file: 'ofx102-sgml-wellsfargo-checking.ofx',
    format: 'ofx',
    statements: one({
      bankAccountRef: '000000000/1234567890',
      currency: 'USD',
      lines: 11,
      opening: '2630.13',
      openingCode: null,
      closing: '16.00',
      closingCode: 'LEDGERBAL',
      credits: '1236.40',
      debits: '3850.53',
      check: 'unknown',
    }),
  },
  {
    file: 'ofx200-xml-mybank-savings.ofx',
    format: 'ofx',
    statements: one({
      bankAccountRef: '987654321/098-121',
      currency: 'USD',
      lines: 3,
      opening: '5000.00',
      openingCode: null,
      closing: '5250.00',
      closingCode: 'LEDGERBAL',
      credits: '350.00',
      debits: '100.00',
      check: 'unknown',
    }),
  },
  {
    file: 'csv-schwab-checking-us.csv',
    format: 'csv',
    statements: one({
      bankAccountRef: null,
      currency: 'USD',
      lines: 4,
      opening: '1093.74',
      openingCode: 'RunningBalance before line 5',
      closing: '878.47',
      closingCode: 'RunningBalance after line 2',
      credits: '20.00',
      debits: '235.27',
      check: 'ok',
    }),
  },
];

/** Charles Schwab's checking export: `$1,036.47`, money out and in in two columns. */
export const schwabMapping: CsvMappingInput = {
  dateColumn: 'Date',
  dateFormat: 'MM/DD/YYYY',
  debitColumn: 'Withdrawal',
  creditColumn: 'Deposit',
  descriptionColumn: 'Description',
  referenceColumn: 'CheckNumber',
  balanceColumn: 'RunningBalance',
  statusColumn: 'Status',
  bookedStatuses: ['Posted'],
  currency: 'USD',
  decimalSeparator: '.',
  thousandsSeparator: ',',
};
