import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type Problem } from '../../../web/src/app/api.ts';
import { setLocale } from '../../../web/src/app/i18n.ts';
import {
  fieldMessage,
  knowsProblem,
  problemMessage,
} from '../../../web/src/app/problemMessages.ts';
import { configureSeller, germanBuyer, line } from '../../invoicing/testing/fixtures.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../../testing/testApp.ts';

/**
 * The checks that gather one message per field (a form's rows, a file's lines, a ballot's
 * choices): each field error names its problem by code, so that a member reads it in their own
 * language beside its field or in the list of an import's lines.
 */
const perField = [
  'src/governance/polls/pollRules.ts',
  'src/governance/plan/surveyBallot.ts',
  'src/governance/polls/ballotContent.ts',
  'src/governance/commands/castVote.ts',
  'src/governance/commands/importWorkItems.ts',
  'src/governance/commands/logTime.ts',
  'src/members/commands/importMembers.ts',
  'src/finance/commands/postEntry.ts',
  'src/finance/reports/budgets.ts',
  'src/finance/amountRefusal.ts',
  'src/agreements/quoteInput.ts',
  'src/invoicing/lineRules.ts',
  'src/platform/text.ts',
];

/** Each `{ pointer: …, … }` literal of a source, its braces balanced (strings skipped). */
function pointerLiterals(source: string): string[] {
  return [...source.matchAll(/\{\s*pointer:/g)].map((m) => {
    let depth = 0;
    for (let i = m.index; i < source.length; i++) {
      const c = source[i]!;
      if (c === "'" || c === '"' || c === '`') {
        for (i++; i < source.length && source[i] !== c; i++) if (source[i] === '\\') i++;
      } else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return source.slice(m.index, i + 1);
    }
    return source.slice(m.index);
  });
}

describe('field errors named by code', () => {
  it('gives every field error of the per-field checks a code the web words', () => {
    const uncoded: string[] = [];
    const codes = new Set<string>();
    for (const file of perField) {
      const source = readFileSync(file, 'utf8');
      for (const literal of pointerLiterals(source))
        // A code written out, or spread in from a fact (issueFact, amountFact, a refusal's).
        if (!/\bcode\b|\.\.\./.test(literal)) uncoded.push(`${file}: ${literal}`);
      for (const m of source.matchAll(
        /(?:\.because\(\s*'([^']+)'|\bcode:\s*'([a-z][a-z-]*\.[a-z][a-z0-9.-]*)')/g,
      ))
        codes.add((m[1] ?? m[2])!);
    }
    expect(uncoded).toEqual([]);
    expect(codes.size).toBeGreaterThan(40);
    expect([...codes].filter((code) => !knowsProblem(code))).toEqual([]);
  });

  describe('over HTTP, to a German member', () => {
    let app: TestApp;
    let admin: TestClient;
    beforeAll(async () => {
      app = await startTestApp();
      admin = await setUpCoop(app);
      await configureSeller(admin);
    });
    afterAll(() => app.stop());

    const german = { 'accept-language': 'de-DE,de;q=0.9' };
    const inGerman = <T>(say: () => T): T => {
      setLocale('de', { remember: false });
      try {
        return say();
      } finally {
        setLocale('en', { remember: false });
      }
    };
    const errorsOf = (body: unknown) => (body as Problem).errors ?? [];

    it('lists a member import’s bad lines in German, each by its line', async () => {
      const csv = `email,name,class,organization
ok@example.org,Okay,community,
not-an-email,Bad Email,community,
y@example.org,Wrong Class,member,
z@example.org,No Org,sponsor,
ok@example.org,Twice,community,
`;
      const bad = await admin.request('POST', '/api/members/import', { csv }, german);
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'import.lines', params: { count: 4 } });
      const errors = errorsOf(bad.body);
      expect(errors.filter((e) => !e.code || !knowsProblem(e.code))).toEqual([]);
      expect(errors.map((e) => e.params?.line)).toEqual([3, 4, 5, 6]);
      expect(inGerman(() => problemMessage(bad.body as Problem))).toBe(
        'Die Datei hat 4 Fehler; nichts wurde importiert.',
      );
      expect(inGerman(() => errors.map((e) => fieldMessage(e)))).toEqual([
        'keine gültige E-Mail-Adresse',
        'einer von hacker, sponsor, community',
        'Ein Sponsor braucht eine Organisation.',
        'ok@example.org steht auch in Zeile 2.',
      ]);
      // The English reader keeps English words.
      expect(errors.map((e) => fieldMessage(e))[3]).toBe('ok@example.org is also on line 2.');
    });

    it('refuses a journal entry that does not balance, and a posting’s amount, in German', async () => {
      const entry = (postings: { account: string; amount: string; currency?: string }[]) =>
        admin.request(
          'POST',
          '/api/ledger/entries',
          { effectiveOn: '2026-03-10', description: 'Train to FOSDEM', postings },
          german,
        );
      const unbalanced = await entry([
        { account: 'expenses:travel', amount: '12.50' },
        { account: 'assets:bank:operating', amount: '-12.00' },
      ]);
      expect(unbalanced.status).toBe(400);
      expect(unbalanced.body).toMatchObject({ code: 'entry.unbalanced' });
      expect(inGerman(() => new ApiError(unbalanced.body as Problem).fieldErrors)).toEqual({
        postings:
          'Die Buchung ist nicht ausgeglichen: Ihre Posten in EUR weichen um 0,50\u00a0€ ab.',
      });

      const tooPrecise = await entry([
        { account: 'expenses:travel', amount: '12.505' },
        { account: 'assets:bank:operating', amount: '-12.50', currency: 'USD' },
      ]);
      expect(tooPrecise.status).toBe(400);
      expect(tooPrecise.body).toMatchObject({ code: 'entry.postings', params: { count: 2 } });
      expect(errorsOf(tooPrecise.body)).toMatchObject([
        { pointer: '/postings/0/amount', code: 'amount.decimals' },
        { pointer: '/postings/1/coopAmount', code: 'coop-amount.required' },
      ]);
      const error = inGerman(() => new ApiError(tooPrecise.body as Problem));
      expect(error.message).toBe('Die Posten haben 2 Fehler: Korrigiere die markierten Felder.');
      expect(error.fieldErrors).toEqual({
        'postings.0.amount': 'EUR hat 2 Nachkommastellen: „12.505“ hat mehr.',
        'postings.1.coopAmount':
          'Das ist in USD: Gib an, wie viel es in EUR, der Währung der Genossenschaft, ausmachte.',
      });
    });

    it('refuses an invoice’s bad lines in German, each beside its field', async () => {
      const bad = await admin.request(
        'POST',
        '/api/invoices',
        {
          buyer: germanBuyer,
          lines: [line('100.00', 'S', '0'), line('50.00', 'S', '19', '0')],
        },
        german,
      );
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'invoice.lines', params: { count: 2 } });
      expect(errorsOf(bad.body)).toMatchObject([
        { pointer: '/lines/0/vatRate', code: 'invoice-line.standard-rate', params: { line: 1 } },
        { pointer: '/lines/1/quantity', code: 'invoice-line.zero-quantity', params: { line: 2 } },
      ]);
      expect(inGerman(() => new ApiError(bad.body as Problem).fieldErrors)).toEqual({
        'lines.0.vatRate': 'Eine Zeile zum Normalsatz braucht einen Steuersatz über 0.',
        'lines.1.quantity': 'Die Menge darf nicht 0 sein.',
      });
    });
  });
});
