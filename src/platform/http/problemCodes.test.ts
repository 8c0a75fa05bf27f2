import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../../web/src/app/i18n.ts';
import { knowsProblem, problemMessage } from '../../../web/src/app/problemMessages.ts';
import {
  addMember,
  adminCredentials,
  setUpCoop,
  startTestApp,
  type TestApp,
} from '../../testing/testApp.ts';
import { ApiError, type Problem } from '../../../web/src/app/api.ts';

/** Every `.because('code'` written in the server's sources. */
function namedCodes(dir = 'src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return namedCodes(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/\.because\(\s*'([^']+)'/g)].map((m) => m[1]!);
  });
}

describe('problems named by code', () => {
  it('names the conflicts members meet, and the web words every code in English and German', () => {
    const codes = [...new Set(namedCodes())];
    // Governance, finance, members and invoicing each name theirs.
    for (const code of ['poll.closed', 'claim.status', 'member.exists', 'invoice.final'])
      expect(codes).toContain(code);
    // So do the sponsor-facing domains, and the policy layer's refusals.
    for (const code of [
      'quote.status',
      'agreement.not-active',
      'purchase-order.exists',
      'request.resolved-reopen',
      'attachment.too-large',
      'consultation.no-sponsors',
      'repository.exists',
      'webhook.address-refused',
      'service-credit.decided',
      'calendar.region-needs-country',
      'vulnerability.disclosed',
      'digest.sent',
      'document.changed',
      'organization.exists',
      'forbidden',
      'not-found',
    ])
      expect(codes).toContain(code);
    expect(codes.filter((code) => !knowsProblem(code))).toEqual([]);
  });

  it('words a known code in the reader’s language with its figures, an unknown one by its detail', () => {
    const problem = (code: string, params: Problem['params']): Problem => ({
      type: 'https://hackers.coop/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'The English detail.',
      code,
      params,
    });
    try {
      setLocale('de', { remember: false });
      expect(
        problemMessage(
          problem('period.locked', {
            day: '2027-03-10',
            fromDay: '2027-01-01',
            toDay: '2027-03-31',
          }),
        ),
      ).toBe(
        'Der 10.03.2027 liegt im gesperrten Zeitraum 01.01.2027 bis 31.03.2027, dessen Finanzierung schon gezählt hat. Öffne den Zeitraum zuerst wieder.',
      );
      expect(problemMessage(problem('claim.status', { status: 'paid' }))).toBe(
        'Diese Auslage ist bereits bezahlt.',
      );
      expect(
        problemMessage(
          problem('credit-note.too-much', {
            amountMinor: '150000',
            leftMinor: '99950',
            currency: 'EUR',
            invoice: 'RE-2027-0001',
          }),
        ),
      ).toBe(
        'Diese Rechnungskorrektur (1.500,00\u00a0€) ist höher als das, was auf RE-2027-0001 noch zu korrigieren ist (999,50\u00a0€).',
      );
      expect(problemMessage(problem('election.too-few-nominees', { nominees: 1, seats: 3 }))).toBe(
        '1 angenommene Nominierung für 3 Sitze: Die Wahl kann nicht beginnen.',
      );
      expect(
        problemMessage(
          problem('cycle.wrong-phase', { phase: 'planned', allowed: 'proposing,voting' }),
        ),
      ).toBe(
        'Der Zyklus ist in der Phase „Geplant“: Das geht nur in der Phase Vorschläge oder Abstimmung.',
      );
      expect(
        problemMessage(problem('vote.not-in-electorate', { classes: 'hacker,community' })),
      ).toBe('Hierüber stimmen nur Mitglieder der Klassen Hacker und Community ab.');
      expect(problemMessage(problem('something.new', {}))).toBe('The English detail.');
      // Sponsors' records: statuses, days, instants and sizes in the reader's words and format.
      expect(
        problemMessage(problem('quote.not-draft', { number: 'AN-2027-0003', quoteStatus: 'sent' })),
      ).toBe('Das Angebot AN-2027-0003 ist versendet: Entwirf ein neues.');
      expect(
        problemMessage(
          problem('quote.expired', { number: 'AN-2027-0003', validUntil: '2027-02-28' }),
        ),
      ).toBe(
        'Das Angebot AN-2027-0003 ist am 28.02.2027 abgelaufen: Ändere zuerst seine Gültigkeit.',
      );
      expect(
        problemMessage(
          problem('agreement.already-ended', {
            number: 'VB-2027-0001',
            agreementStatus: 'cancelled',
          }),
        ),
      ).toBe('Die Vereinbarung VB-2027-0001 ist bereits gekündigt.');
      expect(
        problemMessage(
          problem('request.not-open', { number: 'RQ-0007', requestStatus: 'waiting-on-sponsor' }),
        ),
      ).toBe('Die Anfrage RQ-0007 ist nicht offen: Sie wartet auf den Sponsor.');
      expect(problemMessage(problem('service-credit.decided', { creditState: 'issued' }))).toBe(
        'Diese Servicegutschrift ist ausgestellt; entschieden wird nur über eine vorgeschlagene.',
      );
      expect(
        problemMessage(
          problem('attachment.too-large', {
            name: 'dump.log',
            bytes: 3 * 2 ** 20 + 2 ** 19,
            maxBytes: 2 * 2 ** 20,
          }),
        ),
      ).toBe('dump.log hat 3,5 MB: Ein Anhang hat höchstens 2 MB.');
      expect(
        problemMessage(problem('vulnerability.disclosed', { disclosedAt: '2027-03-01T09:30:00Z' })),
      ).toMatch(/^Sie wurde bereits am 01\.03\.2027, \d\d:30 veröffentlicht\.$/);
      // A refusal: one sentence in German, the rule's own English detail in English.
      const refusal: Problem = {
        ...problem('forbidden', {}),
        status: 403,
        detail: 'Only administrators and officers add organizations.',
      };
      expect(problemMessage(refusal)).toBe('Das darfst du nicht.');
      const missing: Problem = {
        ...problem('not-found', {}),
        status: 404,
        detail: 'This consultation does not exist.',
      };
      expect(problemMessage(missing)).toBe('Das gibt es nicht (mehr).');
      // Beside its field too: a form shows the worded conflict where the member looks.
      const atField = new ApiError({
        ...problem('fiscal-year.not-begun', { fiscalYear: 2027, fromDay: '2027-01-01' }),
        errors: [{ pointer: '/fiscalYear', message: 'a year that has begun' }],
      });
      expect(atField.fieldErrors).toEqual({
        fiscalYear:
          'Das Geschäftsjahr 2027 beginnt am 01.01.2027; es kann noch nicht abgeschlossen werden.',
      });
      const unknown = new ApiError({
        ...problem('something.new', {}),
        errors: [{ pointer: '/body/name', message: 'too long' }],
      });
      expect(unknown.fieldErrors).toEqual({ name: 'too long' });
      setLocale('en', { remember: false });
      expect(problemMessage(problem('claim.status', { status: 'draft' }))).toBe(
        'This claim is still a draft.',
      );
      expect(problemMessage(refusal)).toBe('Only administrators and officers add organizations.');
      expect(problemMessage(missing)).toBe('This consultation does not exist.');
      expect(problemMessage({ ...refusal, detail: '' })).toBe('You are not allowed to do this.');
    } finally {
      setLocale('en', { remember: false });
    }
  });

  describe('over HTTP', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp();
      await setUpCoop(app);
    });
    afterAll(() => app.stop());

    it('carries the code and its params beside the English detail', async () => {
      const admin = app.client('10.0.0.100');
      await admin.post('/api/auth/login', adminCredentials);
      const again = await admin.post('/api/invitations', {
        email: adminCredentials.email,
        memberClass: 'community',
      });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        type: 'https://hackers.coop/problems/conflict',
        detail: `${adminCredentials.email} is already a member.`,
        code: 'member.exists',
        params: { email: adminCredentials.email },
      });
      setLocale('de', { remember: false });
      try {
        expect(problemMessage(again.body as Problem)).toBe(
          `${adminCredentials.email} ist bereits Mitglied.`,
        );
      } finally {
        setLocale('en', { remember: false });
      }
    });

    it('names a sponsor-side conflict and a policy refusal, keeping the English detail', async () => {
      const admin = app.client('10.0.0.101');
      await admin.post('/api/auth/login', adminCredentials);
      const legalName = 'Widget Works GmbH';
      expect((await admin.post('/api/organizations', { legalName })).status).toBe(201);
      const twice = await admin.post('/api/organizations', { legalName });
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({
        detail: `An organization named ${legalName} already exists.`,
        code: 'organization.exists',
        params: { legalName },
        errors: [{ pointer: '/legalName', message: 'already exists' }],
      });
      const withPassword = await admin.post('/api/webhooks/endpoints', {
        url: 'https://user:secret@hooks.example.org/in',
      });
      expect(withPassword.status).toBe(400);
      expect(withPassword.body).toMatchObject({ code: 'webhook.url-credentials' });

      const { client: member } = await addMember(
        app,
        admin,
        { email: 'community@example.org', name: 'Commie', memberClass: 'community' },
        '10.0.1.50',
      );
      const refused = await member.post('/api/organizations', { legalName: 'Mine Ltd' });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        detail: 'Only administrators and officers add organizations.',
        code: 'forbidden',
        params: {},
      });
      const missing = await admin.get('/api/organizations/00000000-0000-4000-8000-000000000000');
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({
        detail: 'This organization does not exist.',
        code: 'not-found',
      });
      setLocale('de', { remember: false });
      try {
        expect(problemMessage(missing.body as Problem)).toBe('Das gibt es nicht (mehr).');
        expect(new ApiError(twice.body as Problem).fieldErrors).toEqual({
          legalName: `Eine Organisation namens ${legalName} gibt es bereits.`,
        });
        expect(problemMessage(withPassword.body as Problem)).toBe(
          'Schreib keinen Benutzernamen und kein Passwort in die URL; prüfe stattdessen die Signatur.',
        );
        expect(problemMessage(refused.body as Problem)).toBe('Das darfst du nicht.');
      } finally {
        setLocale('en', { remember: false });
      }
    });
  });
});
