import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock.ts';
import { queryRows } from '../platform/db/rows.ts';
import {
  adminCredentials,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

const entitlements = {
  responseHours: { critical: 6, high: 24, normal: 72, low: null },
  expertHoursPerMonth: 4,
  reciprocalAccess: true,
  meetingsPerYear: 4,
  digest: 'monthly',
  publicAcknowledgement: true,
};

const hasPdfToText = spawnSync('which', ['pdftotext']).status === 0;

describe('business papers in the buyer organization’s language', () => {
  const clock = manualClock('2027-01-10T10:00:00Z');
  let app: TestApp;
  let admin: TestClient;
  let germanId: string;
  let englishId: string;
  let goldId: string;

  const mails = (kind: string) =>
    queryRows<{ to_address: string; subject: string; body: string }>(
      app.database.db,
      sql`select to_address, subject, body from outbox where kind = ${kind} order by created_at`,
    );

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    germanId = (
      await admin.post<{ id: string }>('/api/organizations', {
        legalName: 'Muster Cloud GmbH',
        billingEmail: 'einkauf@muster.example',
        locale: 'de',
      })
    ).body.id;
    englishId = (
      await admin.post<{ id: string }>('/api/organizations', {
        legalName: 'Acme Ltd',
        billingEmail: 'ap@acme.example',
      })
    ).body.id;
    goldId = (
      await admin.post<{ id: string }>('/api/tiers', {
        slug: 'gold',
        name: 'Gold',
        price: '30000.00',
        currency: 'EUR',
        periodMonths: 12,
        entitlements,
        serviceHoursPerMonth: 6,
      })
    ).body.id;
  });
  afterAll(async () => app?.stop());

  const sendQuote = async (organizationId: string) => {
    const draft = await admin.post<{ id: string }>('/api/quotes', {
      organizationId,
      title: 'Wartung 2027',
      validUntil: '2027-01-31',
      startsOn: '2027-02-01',
      termMonths: 12,
      lines: [{ tierId: goldId }, { description: 'Workshop', unitPrice: '1500.00' }],
    });
    expect(draft.status).toBe(201);
    const sent = await admin.post<{ acceptUrl: string; documentVersionId: string }>(
      `/api/quotes/${draft.body.id}/send`,
      {},
    );
    expect(sent.status).toBe(200);
    const document = await admin.get<{ body: string; title: string }>(
      `/api/documents/${sent.body.documentVersionId}`,
    );
    return { sent: sent.body, document: document.body };
  };

  it('writes a German organization’s quote mail and PDF in formal German', async () => {
    const { sent, document } = await sendQuote(germanId);
    const [mail] = (await mails('quote')).filter((m) => m.to_address === 'einkauf@muster.example');
    expect(mail?.subject).toBe('Angebot Q-0001: Wartung 2027');
    expect(mail?.body).toContain('unter dem folgenden Link finden Sie unser Angebot Q-0001');
    expect(mail?.body).toContain('gültig bis zum 31.01.2027');
    expect(mail?.body).toContain(sent.acceptUrl);

    expect(document.title).toBe('Angebot Q-0001: Wartung 2027');
    expect(document.body).toContain('# Angebot Q-0001: Wartung 2027');
    expect(document.body).toContain('**Gültig bis:** 31.01.2027');
    expect(document.body).toContain('30.000,00 €');
    expect(document.body).toContain('binnen 6 Stunden');
    expect(document.body).toContain('Zusammenfassung: monatlich');
    expect(document.body).toContain('Wenn Sie dieses Angebot');
    expect(document.body).not.toContain('Valid until');

    const pdf = await app.client().app.inject({
      method: 'GET',
      url: `/api/quote-links/${sent.acceptUrl.split('/quote/')[1]}/pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    if (hasPdfToText) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'quote-')), 'quote.pdf');
      fs.writeFileSync(file, pdf.rawPayload);
      const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('Angebot Q-0001');
      expect(text).toContain('Leistungsumfang');
      expect(text).toMatch(/Seite 1 von \d/);
    }
  });

  it('keeps an English organization’s quote in English', async () => {
    const { document } = await sendQuote(englishId);
    const [mail] = (await mails('quote')).filter((m) => m.to_address === 'ap@acme.example');
    expect(mail?.subject).toBe('Quote Q-0002: Wartung 2027');
    expect(mail?.body).toContain('It is valid until 31 Jan 2027.');
    expect(document.body).toContain('**Valid until:** 31 Jan 2027');
    expect(document.body).toContain('€30,000.00');
    expect(document.body).toContain('within 6 hours');
  });

  it('sends a German organization’s renewal notice in German', async () => {
    const created = await admin.post<{ id: string }>('/api/agreements', {
      organizationId: germanId,
      title: 'Wartung',
      startsOn: '2027-01-01',
      termMonths: 12,
      lines: [{ tierId: goldId }],
      billingContacts: [{ name: 'Erika Muster', email: 'erika@muster.example' }],
    });
    expect(created.status).toBe(201);
    clock.set('2027-11-15T08:00:00Z');
    // Sessions expire as the clock leaps months ahead.
    await admin.signIn(adminCredentials.email, { password: adminCredentials.password });
    const run = await admin.post<{ announced: number }>('/api/agreements/renewals/run');
    expect(run.body.announced).toBe(1);
    const [mail] = await mails('agreement-renewal');
    expect(mail?.to_address).toBe('erika@muster.example');
    expect(mail?.subject).toBe('Vertrag A-0001: Die Laufzeit endet am 31.12.2027');
    expect(mail?.body).toContain('Guten Tag Erika Muster,');
    expect(mail?.body).toContain('verlängert sich am 01.01.2028 um weitere 12 Monate');
  });
});
