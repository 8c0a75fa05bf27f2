import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../../testing/testApp.ts';
import { requestLocale } from '../i18n/locales.ts';
import { localizedIssue } from './problemMessages.ts';

describe('problems in the request’s language', () => {
  it('reads the first language of Accept-Language, English otherwise', () => {
    expect(requestLocale('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(requestLocale('fr-FR')).toBe('en');
    expect(requestLocale(undefined)).toBe('en');
  });

  it('gives zod’s own messages and a schema’s own words in German', () => {
    const tooShort = 'at least 3 characters';
    const params = { origin: 'string', minimum: 3, inclusive: true };
    expect(localizedIssue('de', 'too_small', params, tooShort)).toBe('mindestens 3 Zeichen');
    expect(localizedIssue('en', 'too_small', params, tooShort)).toBe(tooShort);
    // A time that is none (coerced to a date): plain words, not the library's.
    const notATime = 'not a date and time';
    expect(localizedIssue('de', 'invalid_type', { expected: 'date', input: 'x' }, notATime)).toBe(
      'keine Angabe von Datum und Uhrzeit',
    );
    // A count, an id picked from a list, a day: words a member reads, not the library's.
    expect(localizedIssue('de', 'invalid_type', { expected: 'int' }, 'a whole number')).toBe(
      'eine ganze Zahl',
    );
    expect(localizedIssue('de', 'invalid_type', { expected: 'number' }, 'required')).toBe(
      'Pflichtfeld',
    );
    const notAnId = 'not an identifier (UUID)';
    expect(localizedIssue('de', 'invalid_format', { format: 'uuid' }, notAnId)).toBe(
      'keine gültige Kennung (UUID)',
    );
    expect(
      localizedIssue('de', 'custom', {}, 'a sponsor representative needs an organization'),
    ).toBe('eine Vertretung eines Sponsors braucht eine Organisation');
    const carried = { params: { schemaWords: { key: 'roleTwice', vars: { role: 'treasurer' } } } };
    expect(localizedIssue('de', 'custom', carried, 'treasurer is listed twice')).toBe(
      'treasurer steht zweimal in der Liste',
    );
    // Words that are none of the catalogue's stay as the schema wrote them.
    expect(localizedIssue('de', 'custom', {}, 'something else')).toBe('something else');
  });

  describe('over HTTP', () => {
    let app: TestApp;
    let admin: TestClient;
    beforeAll(async () => {
      app = await startTestApp();
      admin = await setUpCoop(app);
    });
    afterAll(() => app.stop());

    it('answers a German request’s bad input in German, field by field', async () => {
      const personId = (await admin.get<{ user: { personId: string } }>('/api/session')).body.user
        .personId;
      const german = await admin.request(
        'PATCH',
        `/api/members/${personId}`,
        { displayName: '' },
        { 'accept-language': 'de-DE,de;q=0.9' },
      );
      expect(german.status).toBe(400);
      expect(german.body).toMatchObject({
        title: 'Ungültige Eingabe',
        errors: [{ pointer: '/body/displayName', message: 'Pflichtfeld' }],
      });
      const english = await admin.patch(`/api/members/${personId}`, { displayName: '' });
      expect(english.body).toMatchObject({
        title: 'Invalid input',
        errors: [{ pointer: '/body/displayName', message: 'required' }],
      });
    });

    it('answers a German request in German where a schema’s or a parser’s own words refuse', async () => {
      const claim = (amount: string, language?: string) =>
        admin.request(
          'POST',
          '/api/expenses/claims',
          {
            title: 'Train',
            category: 'travel',
            account: 'expenses:travel',
            incurredOn: '2026-03-02',
            amount,
          },
          language ? { 'accept-language': language } : {},
        );
      expect((await claim('42,50', 'de')).body).toMatchObject({
        errors: [{ pointer: '/body/amount', message: 'ein positiver Betrag wie 42.50' }],
      });
      expect((await claim('42,50')).body).toMatchObject({
        errors: [{ pointer: '/body/amount', message: 'a positive amount like 42.50' }],
      });
      // The command's parser refuses a third decimal: a field error of the command's, in German.
      const decimals = await claim('42.505', 'de');
      expect(decimals.status).toBe(400);
      expect(decimals.body).toMatchObject({
        errors: [{ pointer: '/amount', message: 'EUR hat 2 Nachkommastellen: „42.505“ hat 3' }],
      });
      expect((await claim('42.505')).body).toMatchObject({
        errors: [{ pointer: '/amount', message: 'EUR has 2 decimals: “42.505” has 3' }],
      });
    });
  });
});
