import { matchFact, reasonOf, type MatchFact } from './matchFacts.ts';
import type { ParsedLine } from './types.ts';

/** A posted entry that moved the bank account and that no bank line settles yet. */
export interface EntryCandidate {
  entryId: string;
  number: number;
  effectiveOn: string;
  description: string;
  sourceType: string | null;
  sourceId: string | null;
  /** The entry's net posting on the bank account (debits positive: money in). */
  amountMinor: bigint;
  currency: string;
}

export interface OrganizationCandidate {
  id: string;
  legalName: string;
  displayName: string;
}

/** An approved expense claim not paid yet: a line paying it out settles it. */
export interface ClaimCandidate {
  id: string;
  title: string;
  incurredOn: string;
  amountMinor: bigint;
  currency: string;
}

/** A person drawing a salary, whose pay leaves the bank against the payroll liability. */
export interface PayeeCandidate {
  personId: string;
  displayName: string;
}

/** A final invoice not fully settled (read from invoicing's `invoiceCandidates`). */
export interface InvoiceCandidate {
  invoiceId: string;
  number: string;
  /** ISO 11649, e.g. RF18I2027000001. */
  creditorReference: string;
  /** What is left to pay, in the invoice's currency. */
  openMinor: bigint;
  currency: string;
  organizationName: string;
  /** In another currency than the co-op's: confirming needs the amount in the co-op's. */
  needsRate: boolean;
}

export interface MatchCandidates {
  entries: EntryCandidate[];
  organizations: OrganizationCandidate[];
  claims?: ClaimCandidate[];
  payees?: PayeeCandidate[];
  invoices?: InvoiceCandidate[];
  /** Where the payroll run books what it owes (liabilities:payables), if the chart has it. */
  payrollAccount?: { code: string; path: string } | null;
}

/** Why: the English `reason`, written from `reasonFact` (matchFacts.ts). */
interface Reasoned {
  reason: string;
  reasonFact: MatchFact;
}

/** A proposed match, waiting in the review queue; stored as the line's `suggestion`. */
export type Suggestion = Reasoned &
  (
    | {
        type: 'entry';
        entryId: string;
        entryNumber: number;
        entryDescription: string;
        /** Other entries that would fit as well. */
        alternatives: number;
      }
    | {
        type: 'sponsor-payment';
        organizationId: string;
        organizationName: string;
      }
    | { type: 'expense-claim'; claimId: string; claimTitle: string }
    | { type: 'salary'; personId: string; account: string }
    | {
        type: 'invoice-payment';
        invoiceId: string;
        invoiceNumber: string;
        /** Reference and amount both match: the import books it at once. */
        sure: boolean;
      }
  );

export type MatchOutcome =
  | ({ status: 'matched'; entryId: string } & Reasoned)
  | { status: 'suggested'; suggestion: Suggestion }
  | { status: 'unmatched' };

/**
 * Words that look like references (invoice numbers, creditor references, end-to-end ids):
 * five characters or more with a digit, and not a date, an amount or a small counter.
 */
export function referenceTokens(text: string): string[] {
  const out = new Set<string>();
  for (const raw of text.toUpperCase().split(/[\s,;:()[\]{}<>"'|]+/)) {
    const token = raw.replace(/^[./\-#+*_]+|[./\-#+*_]+$/g, '');
    if (token.length < 5 || token.length > 64 || !/\d/.test(token)) continue;
    if (/^0*\d{0,4}$/.test(token)) continue;
    if (/^\d{1,4}[-./]\d{1,2}([-./]\d{1,4})?$/.test(token)) continue;
    if (/^\d{1,3}([.,]\d{3})*([.,]\d{1,2})?$/.test(token)) continue;
    out.add(token);
  }
  return [...out];
}

const legalForms = new Set(
  'ab ag as bv co corp corporation company eg ev gmbh inc kg limited llc ltd nv oy plc pty sa sarl sas se spa srl the'.split(
    ' ',
  ),
);

/** A name compared without case, accents, punctuation or legal form ("ACME GmbH" = "Acme"). */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w && !legalForms.has(w))
    .join(' ');
}

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

/**
 * The matcher for one import: what each new line settles. By reference first (a word of the
 * line that is in an entry's description or source id: with the same amount it is a match,
 * with another amount a suggestion), then by amount and date (same amount and currency within
 * `windowDays`: a suggestion); then, for money out, an approved expense claim of that amount,
 * or the pay of someone drawing a salary; for money in, the counterparty's name against the
 * organizations (a suggested sponsor payment). An entry or a claim is given to one line only.
 */
export function createMatcher(
  candidates: MatchCandidates,
  options: { windowDays?: number } = {},
): (line: ParsedLine) => MatchOutcome {
  const { entries, organizations } = candidates;
  const windowDays = options.windowDays ?? 5;
  const claimsByAmount = new Map<string, ClaimCandidate[]>();
  for (const claim of candidates.claims ?? []) {
    const key = `${claim.currency}|${-claim.amountMinor}`;
    claimsByAmount.set(key, [...(claimsByAmount.get(key) ?? []), claim]);
  }
  const payees = new Map(
    (candidates.payrollAccount ? (candidates.payees ?? []) : []).map((p) => [
      normalizeName(p.displayName),
      p,
    ]),
  );
  const usedClaims = new Set<string>();
  const used = new Set<string>();
  const byToken = new Map<string, EntryCandidate[]>();
  const byAmount = new Map<string, EntryCandidate[]>();
  for (const entry of entries) {
    for (const token of referenceTokens(`${entry.description} ${entry.sourceId ?? ''}`))
      byToken.set(token, [...(byToken.get(token) ?? []), entry]);
    const key = `${entry.currency}|${entry.amountMinor}`;
    byAmount.set(key, [...(byAmount.get(key) ?? []), entry]);
  }
  const orgNames = organizations.flatMap((o) =>
    [...new Set([normalizeName(o.legalName), normalizeName(o.displayName)])]
      .filter((n) => n.length >= 3)
      .map((normalized) => ({ normalized, org: o })),
  );
  const orgByName = new Map(orgNames.map((n) => [n.normalized, n.org]));

  const distance = (entry: EntryCandidate, line: ParsedLine) => {
    const entryDay = dayNumber(entry.effectiveOn);
    const days = [line.bookedOn, line.valueOn].filter((d): d is string => !!d);
    return Math.min(...days.map((d) => Math.abs(dayNumber(d) - entryDay)));
  };
  const mentions = (entry: EntryCandidate, line: ParsedLine) => {
    const name = normalizeName(line.counterparty);
    return name.length >= 3 && ` ${normalizeName(entry.description)} `.includes(` ${name} `);
  };
  const closest = (candidates: EntryCandidate[], line: ParsedLine) =>
    [...candidates].sort(
      (a, b) =>
        distance(a, line) - distance(b, line) ||
        Number(mentions(b, line)) - Number(mentions(a, line)) ||
        a.number - b.number,
    )[0]!;
  const take = (entry: EntryCandidate) => used.add(entry.entryId);
  const openInvoices = candidates.invoices ?? [];
  const usedInvoices = new Set<string>();
  /** An invoice the line quotes: its creditor reference (spaces or not) or its number. */
  const quotedInvoice = (text: string) => {
    const upper = text.toUpperCase();
    const compact = upper.replace(/\s+/g, '');
    return openInvoices.find(
      (i) =>
        !usedInvoices.has(i.invoiceId) &&
        (compact.includes(i.creditorReference) ||
          new RegExp(
            `(^|[^A-Z0-9])${i.number.toUpperCase().replace(/[^A-Z0-9]/g, (c) => `\\${c}`)}($|[^A-Z0-9])`,
          ).test(upper)),
    );
  };
  const invoicePayment = (
    invoice: InvoiceCandidate,
    line: ParsedLine,
    by: 'creditor-reference' | 'invoice-number' | 'amount',
  ): MatchOutcome => {
    usedInvoices.add(invoice.invoiceId);
    const exact = invoice.currency === line.currency && invoice.openMinor === line.amountMinor;
    const invoiceNumber = invoice.number;
    const quoted = {
      by,
      creditorReference: by === 'creditor-reference' ? invoice.creditorReference : null,
      invoiceNumber,
    };
    const fact =
      by === 'amount'
        ? matchFact('invoice-open-amount', {
            invoiceNumber,
            organizationName: invoice.organizationName,
            openMinor: invoice.openMinor,
            currency: invoice.currency,
          })
        : exact
          ? matchFact('invoice-reference-and-amount', {
              ...quoted,
              openMinor: invoice.openMinor,
              currency: invoice.currency,
            })
          : matchFact('invoice-amount-differs', {
              ...quoted,
              openMinor: invoice.openMinor,
              openCurrency: invoice.currency,
              amountMinor: line.amountMinor,
              currency: line.currency,
            });
    return {
      status: 'suggested',
      suggestion: {
        type: 'invoice-payment',
        invoiceId: invoice.invoiceId,
        invoiceNumber,
        sure: exact && by !== 'amount' && !invoice.needsRate,
        ...reasonOf(fact),
      },
    };
  };

  return (line) => {
    const { currency } = line;
    // 1. By reference.
    const text = `${line.description} ${line.references.join(' ')} ${line.bankReference ?? ''}`;
    const byReference = new Map<string, { entry: EntryCandidate; token: string }>();
    for (const token of referenceTokens(text))
      for (const entry of byToken.get(token) ?? [])
        if (!used.has(entry.entryId) && !byReference.has(entry.entryId))
          byReference.set(entry.entryId, { entry, token });
    if (byReference.size > 0) {
      const found = [...byReference.values()];
      const exact = found.filter(
        (f) => f.entry.currency === line.currency && f.entry.amountMinor === line.amountMinor,
      );
      if (exact.length > 0) {
        const entry = closest(
          exact.map((f) => f.entry),
          line,
        );
        take(entry);
        const token = byReference.get(entry.entryId)!.token;
        return {
          status: 'matched',
          entryId: entry.entryId,
          ...reasonOf(
            matchFact('reference-and-amount', {
              token,
              amountMinor: line.amountMinor,
              currency,
              entryNumber: entry.number,
            }),
          ),
        };
      }
      const { entry, token } = found[0]!;
      take(entry);
      return {
        status: 'suggested',
        suggestion: {
          type: 'entry',
          entryId: entry.entryId,
          entryNumber: entry.number,
          entryDescription: entry.description,
          ...reasonOf(
            matchFact('reference-amounts-differ', {
              token,
              entryNumber: entry.number,
              entryMinor: entry.amountMinor,
              entryCurrency: entry.currency,
              amountMinor: line.amountMinor,
              currency,
            }),
          ),
          alternatives: found.length - 1,
        },
      };
    }
    // 1b. Money in quoting an open invoice's creditor reference or number: its payment.
    if (line.amountMinor > 0n) {
      const invoice = quotedInvoice(text);
      if (invoice) {
        const compact = text.toUpperCase().replace(/\s+/g, '');
        return invoicePayment(
          invoice,
          line,
          compact.includes(invoice.creditorReference) ? 'creditor-reference' : 'invoice-number',
        );
      }
    }
    // 2. By amount, account (the candidates all moved this bank account) and date.
    const sameAmount = (byAmount.get(`${line.currency}|${line.amountMinor}`) ?? []).filter(
      (e) => !used.has(e.entryId) && distance(e, line) <= windowDays,
    );
    if (sameAmount.length > 0) {
      const entry = closest(sameAmount, line);
      take(entry);
      return {
        status: 'suggested',
        suggestion: {
          type: 'entry',
          entryId: entry.entryId,
          entryNumber: entry.number,
          entryDescription: entry.description,
          ...reasonOf(
            matchFact('same-amount', {
              amountMinor: line.amountMinor,
              currency,
              days: distance(entry, line),
              namesCounterparty: mentions(entry, line),
            }),
          ),
          alternatives: sameAmount.length - 1,
        },
      };
    }
    // 2b. Money in of exactly what an open invoice has left to pay, in its currency.
    if (line.amountMinor > 0n) {
      const invoice = openInvoices.find(
        (i) =>
          !usedInvoices.has(i.invoiceId) &&
          i.currency === line.currency &&
          i.openMinor === line.amountMinor,
      );
      if (invoice) return invoicePayment(invoice, line, 'amount');
    }
    // 3. Money out paying an approved expense claim of that amount, incurred before.
    const claims = (claimsByAmount.get(`${line.currency}|${line.amountMinor}`) ?? []).filter(
      (c) =>
        !usedClaims.has(c.id) && dayNumber(c.incurredOn) <= dayNumber(line.bookedOn) + windowDays,
    );
    if (claims.length > 0) {
      const words = new Set(normalizeName(`${line.description} ${line.counterparty}`).split(' '));
      const named = (c: ClaimCandidate) =>
        normalizeName(c.title)
          .split(' ')
          .filter((w) => w.length >= 4 && words.has(w)).length;
      const claim = [...claims].sort(
        (a, b) => named(b) - named(a) || b.incurredOn.localeCompare(a.incurredOn),
      )[0]!;
      usedClaims.add(claim.id);
      return {
        status: 'suggested',
        suggestion: {
          type: 'expense-claim',
          claimId: claim.id,
          claimTitle: claim.title,
          ...reasonOf(
            matchFact('claim-amount', {
              claimTitle: claim.title,
              incurredOn: claim.incurredOn,
              amountMinor: -line.amountMinor,
              currency,
              namedByLine: named(claim) > 0,
            }),
          ),
        },
      };
    }
    // 4. Money out to someone drawing a salary: their pay, owed since the payroll run.
    const payee = line.amountMinor < 0n ? payees.get(normalizeName(line.counterparty)) : undefined;
    if (payee && candidates.payrollAccount)
      return {
        status: 'suggested',
        suggestion: {
          type: 'salary',
          personId: payee.personId,
          account: candidates.payrollAccount.path,
          ...reasonOf(
            matchFact('salary', {
              payee: payee.displayName,
              amountMinor: -line.amountMinor,
              currency,
              account: candidates.payrollAccount.path,
            }),
          ),
        },
      };
    // 5. Money in from an organization: a sponsor's payment, to confirm.
    if (line.amountMinor > 0n && orgNames.length > 0) {
      const counterparty = normalizeName(line.counterparty);
      let org = counterparty ? orgByName.get(counterparty) : undefined;
      let byPayer = true;
      if (!org) {
        const haystack = ` ${counterparty} ${normalizeName(line.description)} `;
        const hit = orgNames.find(
          (n) => n.normalized.length >= 5 && haystack.includes(` ${n.normalized} `),
        );
        org = hit?.org;
        byPayer = false;
      }
      if (org)
        return {
          status: 'suggested',
          suggestion: {
            type: 'sponsor-payment',
            organizationId: org.id,
            organizationName: org.legalName,
            ...reasonOf(
              byPayer
                ? matchFact('sponsor-payer', {
                    payer: line.counterparty,
                    organizationName: org.legalName,
                    amountMinor: line.amountMinor,
                    currency,
                  })
                : matchFact('sponsor-named', {
                    organizationName: org.legalName,
                    amountMinor: line.amountMinor,
                    currency,
                  }),
            ),
          },
        };
    }
    return { status: 'unmatched' };
  };
}
