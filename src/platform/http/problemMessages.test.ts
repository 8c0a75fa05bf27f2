import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../../testing/testApp.ts';
import { localizedIssue, requestLocale } from './problemMessages.ts';

describe('problems in the request’s language', () => {
  it('reads the first language of Accept-Language, English otherwise', () => {
    expect(requestLocale('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(requestLocale('fr-FR')).toBe('en');
    expect(requestLocale(undefined)).toBe('en');
  });

  it('gives zod’s own messages in German and keeps a schema’s own words', () => {
    const tooShort = 'at least 3 characters';
    const params = { origin: 'string', minimum: 3, inclusive: true };
    expect(localizedIssue('de', 'too_small', params, tooShort)).toBe('mindestens 3 Zeichen');
    expect(localizedIssue('en', 'too_small', params, tooShort)).toBe(tooShort);
    const notADate = 'Invalid input: expected date, received string';
    expect(
      localizedIssue('de', 'invalid_type', { expected: 'date', input: 'x' }, notADate),
    ).toMatch(/^Ungültige Eingabe/);
    expect(
      localizedIssue('de', 'custom', {}, 'a sponsor representative needs an organization'),
    ).toBe('a sponsor representative needs an organization');
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
  });
});
