import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type Problem } from '../../../web/src/app/api.ts';
import { setLocale } from '../../../web/src/app/i18n.ts';
import { knowsProblem, problemMessage } from '../../../web/src/app/problemMessages.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../../testing/testApp.ts';

/** The money and sponsor-facing domains, whose refusals a member meets in their own language. */
const domains = [
  'src/finance',
  'src/agreements',
  'src/invoicing',
  'src/organizations',
  'src/requests',
  'src/concerns',
  'src/contributions',
  'src/pipeline',
  'src/webhooks',
  'src/servicelevels',
  'src/vulnerabilities',
  'src/digests',
  'src/documents',
  'src/releases',
];

/**
 * Refusals left without a code, each for the reason beside it. `in` is the file, `starts` the
 * beginning of the refusal's text as written (whitespace squeezed).
 */
const allowed: { in: string; starts: string; why: string }[] = [
  // Factories whose every call is checked below, as `refuse(…).because(…)`.
  { in: 'src/requests/attachments.ts', starts: 'badRequest(`${pointer}', why: 'refuse()' },
  {
    in: 'src/finance/expenses/commands/uploadReceipt.ts',
    starts: 'badRequest(`/base64',
    why: 'refuse()',
  },
];

interface Refusal {
  file: string;
  line: number;
  text: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The end of a call: the index after its closing parenthesis, strings and nesting skipped. */
function callEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i]!;
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < source.length && source[i] !== c; i++) if (source[i] === '\\') i++;
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth === 0) return i + 1;
  }
  return source.length;
}

/** Every `badRequest(`, `conflict(`, `gone(` and local `refuse(` not named by `.because(`. */
function unnamedRefusals(): Refusal[] {
  return domains.flatMap((dir) =>
    sources(dir).flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return [...source.matchAll(/\b(badRequest|conflict|gone|forbidden|refuse)\(/g)].flatMap(
        (m) => {
          const before = source.slice(Math.max(0, m.index - 30), m.index);
          // A helper's own definition (`const refuse = (…) =>`) is not a refusal.
          if (/(function|const)\s+$/.test(before) || /\bimport\b[^;]*$/.test(before)) return [];
          const end = callEnd(source, m.index + m[1]!.length);
          if (/^\s*\.because\(/.test(source.slice(end))) return [];
          return [
            {
              file,
              line: source.slice(0, m.index).split('\n').length,
              text: source.slice(m.index, end).replace(/\s+/g, ' '),
            },
          ];
        },
      );
    }),
  );
}

const isAllowed = (r: Refusal) =>
  allowed.some((a) => a.in === r.file && r.text.startsWith(a.starts));

/** Codes these domains name through a variable, which `.because('…'` scans cannot see. */
const namedIndirectly = [
  'bank-line.cannot-ignore',
  'bank-line.cannot-confirm',
  'bank-line.cannot-book',
  'business-hours.not-a-time',
  'business-hours.after-midnight',
  'business-hours.not-a-weekday',
  'business-hours.none',
  'business-hours.needs-days',
  'business-hours.not-a-span',
  'business-hours.ends-before-start',
  'business-hours.overlap',
  'business-hours.invalid',
  'calendar.time-zone',
  'calendar.unknown-country',
  'calendar.unknown-region',
];

describe('the money and sponsor domains name their refusals', () => {
  it('names every refusal, but for the allowed ones, and the web words every code', () => {
    const refusals = unnamedRefusals();
    expect(
      refusals.filter((r) => !isAllowed(r)).map((r) => `${r.file}:${r.line} ${r.text}`),
    ).toEqual([]);
    // An allowance whose refusal is gone (or coded) goes too.
    expect(
      allowed.filter((a) => !refusals.some((r) => r.file === a.in && r.text.startsWith(a.starts))),
    ).toEqual([]);
    const literal = domains.flatMap((dir) =>
      sources(dir).flatMap((file) =>
        // A refusal's code, and a field error's (`code: 'invoice-line.zero-quantity'`, one per
        // field of a form or line; an account's `code: '1000'` is no problem's).
        [
          ...readFileSync(file, 'utf8').matchAll(
            /(?:\.because\(\s*'([^']+)'|\bcode:\s*'([a-z][a-z-]*\.[a-z][a-z0-9.-]*)')/g,
          ),
        ].map((m) => (m[1] ?? m[2])!),
      ),
    );
    for (const code of [
      'amount.decimals',
      'account.wrong-type',
      'coop-amount.required',
      'invoice-line.zero-quantity',
      'quote-line.tier-currency',
      'budget.overlaps-line',
    ])
      expect(literal).toContain(code);
    expect([...literal, ...namedIndirectly].filter((code) => !knowsProblem(code))).toEqual([]);
  });

  it('words the figures in the reader’s language: money, account types, weekdays, lists', () => {
    const problem = (code: string, params: Problem['params']): Problem => ({
      type: 'https://hackers.coop/problems/validation',
      title: 'Invalid input',
      status: 400,
      detail: 'The English detail.',
      code,
      params,
    });
    try {
      setLocale('de', { remember: false });
      expect(
        problemMessage(
          problem('settlement.more-than-open', {
            account: 'assets:receivable:usd',
            openMinor: '120050',
            amountMinor: '200000',
            currency: 'USD',
          }),
        ),
      ).toBe(
        'assets:receivable:usd weist nur 1.200,50\u00a0$ aus; 2.000,00\u00a0$ lassen sich damit nicht ausgleichen.',
      );
      expect(
        problemMessage(problem('entry.unbalanced', { currency: 'EUR', differenceMinor: '-5' })),
      ).toBe(
        'Die Buchung ist nicht ausgeglichen: Ihre Posten in EUR weichen um \u22120,05\u00a0€ ab.',
      );
      expect(
        problemMessage(
          problem('account.wrong-type', {
            account: 'assets:bank:operating',
            accountType: 'asset',
            wantedAccountType: 'expense',
          }),
        ),
      ).toBe('assets:bank:operating ist ein Aktivkonto: Wähle ein Aufwandskonto.');
      expect(
        problemMessage(
          problem('e-invoice.missing', { format: 'xrechnung', missing: 'leitweg-id,coop-phone' }),
        ),
      ).toBe(
        'Diese E-Rechnung (xrechnung) braucht die Käuferreferenz (Leitweg-ID), die Telefonnummer der Genossenschaft.',
      );
      expect(
        problemMessage(
          problem('business-hours.ends-before-start', {
            weekday: 'tue',
            start: '17:00',
            end: '09:00',
          }),
        ),
      ).toBe('Am Dienstag endet 17:00–09:00, bevor es beginnt.');
      expect(
        problemMessage(
          problem('invoice.due-before-issue', { dueDate: '2027-03-01', issueDate: '2027-03-15' }),
        ),
      ).toBe('Das Fälligkeitsdatum (01.03.2027) liegt vor dem Rechnungsdatum (15.03.2027).');
      expect(problemMessage(problem('bank-line.cannot-book', { lineStatus: 'matched' }))).toBe(
        'Dieser Kontoumsatz ist bereits abgeglichen: Er kann nicht gebucht werden.',
      );
      expect(problemMessage(problem('payroll.not-begun', { month: '2027-04' }))).toBe(
        'April 2027 hat noch nicht begonnen: Die Lohnabrechnung wird erst dann gebucht.',
      );
      setLocale('en', { remember: false });
      expect(
        problemMessage(
          problem('account.wrong-type', {
            account: 'assets:bank:operating',
            accountType: 'asset',
            wantedAccountType: 'expense',
          }),
        ),
      ).toBe('assets:bank:operating is an asset account: choose an expense account.');
    } finally {
      setLocale('en', { remember: false });
    }
  });

  describe('over HTTP', () => {
    let app: TestApp;
    let admin: TestClient;
    beforeAll(async () => {
      app = await startTestApp();
      admin = await setUpCoop(app);
    });
    afterAll(() => app.stop());

    it('refuses an expense claim in German, beside its field, keeping the English detail', async () => {
      const claim = {
        title: 'Train to FOSDEM',
        category: 'travel',
        account: 'expenses:travel',
        incurredOn: '2026-02-01',
        amount: '84.50',
      };
      const german = { 'accept-language': 'de-DE,de;q=0.9' };
      const toBank = await admin.request(
        'POST',
        '/api/expenses/claims',
        { ...claim, account: 'assets:bank:operating' },
        german,
      );
      expect(toBank.status).toBe(400);
      expect(toBank.body).toMatchObject({
        detail: 'assets:bank:operating is not an expense account.',
        code: 'account.wrong-type',
        params: {
          account: 'assets:bank:operating',
          accountType: 'asset',
          wantedAccountType: 'expense',
        },
      });
      const tooPrecise = await admin.request(
        'POST',
        '/api/expenses/claims',
        { ...claim, amount: '84.505' },
        german,
      );
      expect(tooPrecise.status).toBe(400);
      expect(tooPrecise.body).toMatchObject({
        code: 'amount.decimals',
        params: { text: '84.505', currency: 'EUR', decimals: 2 },
      });
      setLocale('de', { remember: false });
      try {
        expect(new ApiError(toBank.body as Problem).fieldErrors).toEqual({
          account: 'assets:bank:operating ist ein Aktivkonto: Wähle ein Aufwandskonto.',
        });
        expect(problemMessage(tooPrecise.body as Problem)).toBe(
          'EUR hat 2 Nachkommastellen: „84.505“ hat mehr.',
        );
      } finally {
        setLocale('en', { remember: false });
      }
    });
  });
});
