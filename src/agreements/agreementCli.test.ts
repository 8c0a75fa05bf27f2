import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { germanBuyer, line, sellerSettings } from '../invoicing/testing/fixtures.ts';
import { runCli } from '../testing/serverProcess.ts';
import { createTestDatabase, type TestDatabaseTarget } from '../testing/testDatabase.ts';

describe('coop quotes and coop agreements', () => {
  let target: TestDatabaseTarget;
  let env: Record<string, string | undefined>;
  let work: string;
  const write = (name: string, value: unknown) => {
    const file = path.join(work, name);
    fs.writeFileSync(file, JSON.stringify(value));
    return file;
  };
  const json = <T>(args: string[]): T => {
    const r = runCli(args, env);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };

  beforeAll(async () => {
    target = await createTestDatabase();
    env = { COOP_DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl };
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-agreements-'));
    const init = runCli(
      [
        'init',
        '--name',
        'CLI Co-op',
        '--admin-email',
        'root@example.org',
        '--admin-password',
        'a good long password',
      ],
      env,
    );
    expect(init.status, init.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await target.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('drafts and lists quotes, records, lists and shows agreements', () => {
    expect(runCli(['invoices', 'settings', write('s.json', sellerSettings)], env).status).toBe(0);
    // The buyer comes to be as invoicing finds or adds it by its VAT id.
    json(['invoices', 'create', write('i.json', { buyer: germanBuyer, lines: [line('1.00')] })]);
    const [invoice] = json<{ organization: { id: string } }[]>(['invoices', 'list', '--json']);
    const organizationId = invoice!.organization.id;
    const validUntil = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

    const quote = json<{ id: string; number: string }>([
      'quotes',
      'create',
      write('q.json', {
        organizationId,
        title: 'Maintenance retainer',
        validUntil,
        startsOn: '2027-01-01',
        termMonths: 12,
        billingPeriodMonths: 3,
        lines: [{ description: 'Maintenance', unitPrice: '2500.00', recurring: true }],
      }),
    ]);
    expect(quote).toEqual({ id: expect.any(String), number: 'Q-0001' });
    const quotes = json<{ id: string; status: string; perPeriod: string }[]>([
      'quotes',
      'list',
      '--json',
    ]);
    expect(quotes).toEqual([
      expect.objectContaining({ id: quote.id, status: 'draft', perPeriod: '2500.00' }),
    ]);
    const text = runCli(['quotes', 'list'], env);
    expect(text.stdout).toMatch(/Q-0001\s+draft\s+Acme Maschinenbau GmbH\s+2500\.00 EUR/);

    const agreement = json<{ id: string; number: string }>([
      'agreements',
      'create',
      write('a.json', {
        organizationId,
        title: 'Maintenance retainer',
        startsOn: '2027-01-01',
        termMonths: 12,
        billingPeriodMonths: 3,
        lines: [{ description: 'Maintenance', unitPrice: '2500.00', recurring: true }],
        buyerReference: 'ACME-42',
        billingContacts: [{ name: 'Accounts', email: 'ap@acme.test' }],
      }),
    ]);
    expect(agreement.number).toBe('A-0001');
    expect(
      json<{ number: string }[]>(['agreements', 'list', '--json']).map((a) => a.number),
    ).toEqual(['A-0001']);
    const byNumber = json<{ id: string; buyerReference: string; purchaseOrders: unknown[] }>([
      'agreements',
      'show',
      'A-0001',
      '--json',
    ]);
    expect(byNumber).toMatchObject({
      id: agreement.id,
      buyerReference: 'ACME-42',
      purchaseOrders: [],
    });
    const shown = runCli(['agreements', 'show', agreement.id], env);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/Billing:\s+2500\.00 EUR every 3 months/);
    expect(shown.stdout).toMatch(/Accounts <ap@acme\.test>/);

    const missing = runCli(['agreements', 'show', 'A-0099'], env);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/A-0099/);
    const bad = runCli(['quotes', 'create', write('b.json', { organizationId, title: 'x' })], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/validUntil/);
    expect(runCli(['quotes', '--help'], env).stdout).toMatch(
      /create \[options\] <file>|create <file>/,
    );
    // A dozen CLI processes, each opening the database: minutes on a loaded machine.
  }, 300_000);
});
