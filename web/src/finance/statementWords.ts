import type { StatementFact } from '../api/types.ts';
import { formatDate } from '../app/format.ts';
import { formatMoney } from '../app/money.ts';
import { t } from './messages.ts';

type Params = StatementFact['params'];

const text = (value: Params[string] | undefined): string =>
  value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);
/** An amount the import wrote in minor units, in the reader's money format. */
const money = (p: Params, name: string) => formatMoney(text(p[name]), text(p.currency));

/** "Statement X of Y (1 Mar 2026 to 31 Mar 2026)", as the server's English names it. */
function statementName(s: NonNullable<StatementFact['statement']>): string {
  let name = s.statementRef
    ? t('bank.fact.statementNamed', { ref: s.statementRef })
    : t('bank.fact.statementUnnamed');
  if (s.bankAccountRef)
    name = t('bank.fact.ofAccount', { statement: name, account: s.bankAccountRef });
  if (s.fromDay && s.toDay)
    name =
      s.fromDay === s.toDay
        ? t('bank.fact.onDay', { statement: name, day: formatDate(s.fromDay) })
        : t('bank.fact.fromTo', {
            statement: name,
            from: formatDate(s.fromDay),
            to: formatDate(s.toDay),
          });
  return name;
}

/** A balance as the file names it: the bank's code (OPBD, 60F), or a CSV column at a line. */
function balanceName(p: Params, which: 'opening' | 'closing'): string {
  const column = p[`${which}Column`];
  if (column === undefined) return text(p[`${which}Code`]);
  const figures = { column: text(column), line: text(p[`${which}Line`]) };
  return which === 'opening'
    ? t('bank.fact.balanceBeforeLine', figures)
    : t('bank.fact.balanceAfterLine', figures);
}

/** One fact's sentence, without the statement it is about; null for a code this screen lacks. */
function sentence({ code, params: p }: StatementFact): string | null {
  const count = Number(p.count);
  switch (code) {
    case 'not-booked':
      return t('bank.fact.not-booked', { count });
    case 'rows-not-booked': {
      const statuses = Array.isArray(p.statuses) ? p.statuses : [text(p.statuses)];
      return t('bank.fact.rows-not-booked', {
        count,
        statuses: statuses.join(t('bank.fact.or')),
      });
    }
    case 'opening-from-prcd':
    case 'no-balances':
      return t(`bank.fact.${code}`);
    case 'foreign-lines':
      return t('bank.fact.foreign-lines', {
        count,
        currency: text(p.currency),
        sum: money(p, 'sumMinor'),
      });
    case 'no-opening':
      return t('bank.fact.no-opening', {
        code: text(p.closingCode),
        closing: money(p, 'closingMinor'),
        implied: money(p, 'impliedMinor'),
      });
    case 'no-closing':
      return t('bank.fact.no-closing', { implied: money(p, 'impliedMinor') });
    case 'does-not-add-up':
      return t('bank.fact.does-not-add-up', {
        openingCode: balanceName(p, 'opening'),
        opening: money(p, 'openingMinor'),
        credits: money(p, 'creditsMinor'),
        debits: money(p, 'debitsMinor'),
        computed: money(p, 'computedMinor'),
        closingCode: balanceName(p, 'closing'),
        closing: money(p, 'closingMinor'),
        difference: money(p, 'differenceMinor'),
      });
    case 'running-balance':
      return t('bank.fact.running-balance', {
        line: text(p.line),
        stated: money(p, 'statedMinor'),
        expected: money(p, 'expectedMinor'),
      });
    case 'days-uncovered':
      return p.from === p.to
        ? t('bank.fact.dayUncovered', { day: formatDate(text(p.from)) })
        : t('bank.fact.days-uncovered', {
            from: formatDate(text(p.from)),
            to: formatDate(text(p.to)),
          });
    case 'opening-not-closing': {
      let previous = p.previousRef
        ? t('bank.fact.previousNamed', { ref: text(p.previousRef) })
        : t('bank.fact.previousUnnamed');
      if (p.previousToDay)
        previous = t('bank.fact.previousTo', { previous, day: formatDate(text(p.previousToDay)) });
      return t('bank.fact.opening-not-closing', {
        previous,
        closing: money(p, 'closingMinor'),
        opening: money(p, 'openingMinor'),
        missing: money(p, 'missingMinor'),
      });
    }
    default:
      return null;
  }
}

/** A fact in the reader's language, after the statement it names; null for an unknown code. */
export function statementFactText(fact: StatementFact, gap = false): string | null {
  const said = sentence(fact);
  if (said === null) return null;
  const words = gap ? t('bank.fact.gap', { sentence: said }) : said;
  return fact.statement
    ? t('bank.fact.about', { statement: statementName(fact.statement), sentence: words })
    : words;
}

/** The facts' sentences, or the server's English when there are none or one is unknown. */
function worded(facts: StatementFact[] | null | undefined, english: string[], gap = false) {
  if (!facts || (facts.length === 0 && english.length > 0)) return english;
  const texts = facts.map((f) => statementFactText(f, gap));
  return texts.every((s): s is string => s !== null) ? texts : english;
}

/** Why a statement's balances do not add up, or what could not be checked. */
export const balanceTexts = (s: {
  balanceProblem: string | null;
  balanceFacts?: StatementFact[] | null | undefined;
}): string[] => worded(s.balanceFacts, s.balanceProblem ? [s.balanceProblem] : []);

/** What is missing between a statement and its neighbours. */
export const gapTexts = (s: { gaps: string[]; gapFacts?: StatementFact[] | undefined }): string[] =>
  worded(s.gapFacts, s.gaps, true);

/** What an import left out or could not check. */
export const noteTexts = (s: {
  notes: string[];
  noteFacts?: StatementFact[] | undefined;
}): string[] => worded(s.noteFacts, s.notes);
