import {
  basisText,
  dividendWordsCatalogue,
  stepText,
  type BasisPart,
  type DividendStep,
  type Writer,
} from '../../../src/finance/yearEnd/dividendMessages.ts';
import { formatNumber } from '../app/format.ts';
import { webMessages } from '../app/i18n.ts';
import { formatMoney } from '../app/money.ts';
import { basisText as englishBasisText } from './books.ts';

/** The year-end's words, the same catalogue the notice mail and PDF are written from. */
const say = webMessages(dividendWordsCatalogue);

function writer(currency: string): Writer {
  return { say, money: (minor) => formatMoney(minor, currency), number: (n) => formatNumber(n) };
}

/**
 * The split's steps in the member's language, from the facts the close wrote; a year closed
 * before they were written keeps its English steps.
 */
export function dividendSteps(
  plan: { steps: string[]; stepFacts?: DividendStep[] | undefined },
  currency: string,
): string[] {
  if (!plan.stepFacts) return plan.steps;
  const w = writer(currency);
  return plan.stepFacts.map((step) => stepText(step, w));
}

/** What a share was computed by, in the member's language ("20 hours worked"). */
export function shareBasis(
  share: { basis: string; basisParts?: BasisPart[] | undefined },
  currency: string,
): string {
  return share.basisParts
    ? basisText(share.basisParts, writer(currency))
    : englishBasisText(share.basis);
}
