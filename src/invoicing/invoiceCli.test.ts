import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/serverProcess.ts';
import { createTestDatabase, type TestDatabaseTarget } from '../testing/testDatabase.ts';
import { germanBuyer, line, sellerSettings } from './testing/fixtures.ts';

describe('coop invoices', () => {
  let target: TestDatabaseTarget;
  let env: Record<string, string | undefined>;
  let work: string;
  const write = (name: string, value: unknown) => {
    const file = path.join(work, name);
    fs.writeFileSync(file, JSON.stringify(value));
    return file;
  };

  beforeAll(async () => {
    target = await createTestDatabase();
    env = { COOP_DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl };
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-invoices-'));
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

  it('creates, finalises, credits, exports, sends and lists invoices from the command line', () => {
    expect(runCli(['invoices', 'settings', write('s.json', sellerSettings)], env).status).toBe(0);
    const draft = runCli(
      ['invoices', 'create', write('d.json', { buyer: germanBuyer, lines: [line('10.00')] })],
      env,
    );
    expect(draft.status, draft.stderr).toBe(0);
    expect(JSON.parse(draft.stdout)).toMatchObject({ number: null });
    const invoice = {
      buyer: germanBuyer,
      currency: 'EUR',
      issueDate: '2027-02-01',
      dueDate: '2027-03-03',
      buyerReference: 'REF-1',
      purchaseOrder: 'PO-9',
      lines: [line('1500.00'), line('99.90', 'S', '7', '2', 'Books')],
      finalize: true,
    };
    const created = runCli(['invoices', 'create', write('i.json', invoice)], env);
    expect(created.status, created.stderr).toBe(0);
    const { number } = JSON.parse(created.stdout) as { number: string };
    expect(number).toBe('INV-2027-00001');
    const credit = runCli(
      [
        'invoices',
        'create',
        write('c.json', { ...invoice, lines: [line('100.00')], creditedInvoice: number }),
      ],
      env,
    );
    expect(JSON.parse(credit.stdout)).toMatchObject({ number: 'CN-2027-00001' });

    const out = path.join(work, 'i.xml');
    const exported = runCli(
      ['invoices', 'export', number, '--format', 'xrechnung', '--out', out],
      env,
    );
    expect(exported.status, exported.stderr).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/<cbc:PayableAmount currencyID="EUR">1998\.79</);

    // Sent to an address given: UBL, as the buyer has a Peppol address and a reference.
    const sent = runCli(['invoices', 'send', number, '--to', 'ap@acme.test'], env);
    expect(sent.status, sent.stderr).toBe(0);
    expect(JSON.parse(sent.stdout)).toMatchObject({ number, format: 'ubl', to: ['ap@acme.test'] });

    const list = JSON.parse(runCli(['invoices', 'list', '--json'], env).stdout) as {
      number: string | null;
      status: string;
    }[];
    expect(list.map((i) => [i.number, i.status])).toEqual(
      expect.arrayContaining([
        [number, 'partially-paid'],
        ['CN-2027-00001', 'applied'],
        [null, 'draft'],
      ]),
    );
    const bad = runCli(
      ['invoices', 'create', write('b.json', { ...invoice, lines: [line('1', 'S', '0')] })],
      env,
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/lines\/0\/vatRate/);
  }, 300_000);
});
