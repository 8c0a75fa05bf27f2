/**
 * The domain's lists of allowed option values, repeated here so that declaring the commands (and
 * printing `--help`) does not load the domain modules that define them: those modules pull in
 * the database schema, which is most of the start-up time. The compiler checks each list against
 * the domain's type (no value missing, none extra) and cliLoads.test.ts checks the order.
 */
import type { ExportFormat } from '../finance/exports.ts';
import type { StatementCharset } from '../finance/statements/parsers/decode.ts';
import type { statementFormats as domainStatementFormats } from '../finance/schema.ts';
import type { MemberClass, MembershipStatus } from '../members/schema.ts';

type StatementFormat = (typeof domainStatementFormats)[number];

/** The list, if it holds exactly the values of T; a compile error naming the missing ones if not. */
const exactly =
  <T extends string>() =>
  <const L extends readonly T[]>(
    list: L &
      ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
  ): L =>
    list;

export const memberClasses = exactly<MemberClass>()(['hacker', 'sponsor', 'community']);
export const membershipStatuses = exactly<MembershipStatus>()([
  'applicant',
  'active',
  'suspended',
  'left',
]);
export const exportFormats = exactly<ExportFormat>()(['hledger', 'beancount', 'csv']);
export const statementFormats = exactly<StatementFormat>()(['camt053', 'mt940', 'ofx', 'csv']);
export const statementCharsets = exactly<StatementCharset>()([
  'utf-8',
  'windows-1252',
  'iso-8859-1',
  'cp850',
  'cp437',
]);
