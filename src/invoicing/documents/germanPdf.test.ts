import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../platform/clock.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../../testing/testApp.ts';
import { configureSeller, frenchBuyer, issue, line } from '../testing/fixtures.ts';

const hasPdfToText = spawnSync('which', ['pdftotext']).status === 0;

describe.skipIf(!hasPdfToText)('the invoice PDF in the buyer organization’s language', () => {
  let app: TestApp;
  let admin: TestClient;
  let dir: string;
  beforeAll(async () => {
    app = await startTestApp({}, { clock: manualClock('2027-03-10T09:00:00Z') });
    admin = await setUpCoop(app);
    await configureSeller(admin);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'german-pdf-'));
  });
  afterAll(async () => {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const download = async (id: string, format: string) => {
    const r = await app.app.inject({
      method: 'GET',
      url: `/api/invoices/${id}/document?format=${format}`,
      headers: { cookie: admin.cookie! },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.rawPayload;
  };
  const pdfText = (content: Buffer) => {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
    fs.writeFileSync(file, content);
    return spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
  };

  it('writes a German organization’s invoice in German, the XML’s figures in German format', async () => {
    const invoice = await issue(admin, {
      buyer: frenchBuyer,
      lines: [line('1234.50', 'AE', '0', '2', 'Wartung')],
    });
    const detail = await admin.get<{ organization: { id: string } }>(`/api/invoices/${invoice.id}`);
    const english = pdfText(await download(invoice.id, 'pdf'));
    expect(english).toContain(`Invoice ${invoice.number}`);
    expect(english).toContain('2469.00 EUR');

    const org = detail.body.organization.id;
    expect((await admin.patch(`/api/organizations/${org}`, { locale: 'de' })).status).toBe(204);
    const german = pdfText(await download(invoice.id, 'pdf'));
    expect(german).toContain(`Rechnung ${invoice.number}`);
    expect(german).toContain('Rechnungsempfänger');
    expect(german).toContain('Rechnungsdatum');
    expect(german).toContain('10.03.2027');
    expect(german).toContain('Steuerschuldnerschaft des Leistungsempfängers');
    expect(german).toContain('Seite 1 von 1');
    expect(german).not.toMatch(/Bill to|Due date|page 1 of/);
    // Every amount the XML states, to the cent, in the German way of writing it.
    const xml = (await download(invoice.id, 'ubl')).toString('utf8');
    const amounts = [...xml.matchAll(/currencyID="[A-Z]{3}">([^<]+)</g)].map((m) => m[1]!);
    expect(amounts).toContain('2469.00');
    for (const amount of amounts) {
      const [whole, cents] = amount.split('.');
      const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      expect(german, amount).toContain(`${grouped},${cents}`);
    }
    // The Factur-X PDF reads the same, with the XML embedded unchanged.
    const facturx = await download(invoice.id, 'facturx');
    expect(pdfText(facturx)).toContain(`Rechnung ${invoice.number}`);
    expect(facturx.toString('latin1')).toContain('factur-x.xml');
  });
});
