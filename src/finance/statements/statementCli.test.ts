import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountOption, registerStatementCommands } from '../../cli/statementCommands.ts';
import { setupCoop } from '../../coop/commands/setupCoop.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { createTestDatabase, type TestDatabaseTarget } from '../../testing/testDatabase.ts';
import { sampleDir, schwabMapping } from './samples.ts';
import { addBankAccount } from './testSupport.ts';

/** `coop ledger import-statement`, run in-process against a database of its own. */
describe('coop ledger import-statement', () => {
  let target: TestDatabaseTarget;
  let work: string;
  const saved = { dir: process.env.COOP_DATA_DIR, url: process.env.DATABASE_URL };
  const sample = (name: string) => path.join(sampleDir, name);

  const run = async (...args: string[]) => {
    const program = new Command('coop').exitOverride();
    registerStatementCommands(program.command('ledger'));
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((text: string) => {
      printed.push(text);
    });
    try {
      await program.parseAsync(['ledger', ...args], { from: 'user' });
    } finally {
      log.mockRestore();
    }
    return printed.join('\n');
  };
  const refusal = async (...args: string[]) => {
    const error = await run(...args).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  beforeAll(async () => {
    target = await createTestDatabase();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-statements-'));
    process.env.COOP_DATA_DIR = target.dataDir;
    if (target.databaseUrl) process.env.DATABASE_URL = target.databaseUrl;
    const database = await openDatabase({
      dataDir: target.dataDir,
      databaseUrl: target.databaseUrl,
      holder: 'test',
    });
    const { coop } = await setupCoop(database.db, {
      name: 'CLI Books',
      admin: { displayName: 'Ada', email: 'ada@example.org', password: 'a long password 1' },
    });
    for (const [code, name] of [
      ['1114', 'ing'],
      ['1113', 'ubs'],
      ['1116', 'triodos-a'],
      ['1117', 'triodos-b'],
      ['1121', 'schwab'],
    ])
      await addBankAccount(database.db, coop.id, code!, name!);
    await database.close();
  });
  afterAll(async () => {
    process.env.COOP_DATA_DIR = saved.dir;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
    fs.rmSync(work, { recursive: true, force: true });
    await target.drop();
  });

  it('imports a statement and says what it added, checked and matched', async () => {
    const out = await run(
      'import-statement',
      sample('mt940-ing-nl-structured.sta'),
      '--account',
      '1114',
    );
    expect(out).toBe(
      [
        'mt940-ing-nl-structured.sta (MT940): 1 statement imported',
        '  NL68INGB0000012345EUR -> assets:bank:ing (1114), statement P123456000000001 00000, 2014-07-31 to 2014-08-25, EUR',
        '    balance check: ok; opening 436.90, closing 246.45',
        '    lines: 21 added, 0 skipped (already imported); 0 matched, 0 suggested for review, 21 unmatched',
      ].join('\n'),
    );
    const again = await refusal('import-statement', sample('mt940-ing-nl-structured.sta'));
    expect(again.status).toBe(409);
    expect(again.message).toMatch(/already imported .* nothing was imported again/);
  });

  it('refuses a statement that does not add up unless told to accept it', async () => {
    const file = sample('camt053-v08-ubs-ch-sps2-sample.xml');
    const refused = await refusal('import-statement', file, '--account', '1113');
    expect(refused.status).toBe(422);
    expect(refused.message).toContain('a difference of CHF 1,230.05');
    expect(refused.message).toContain('Nothing was imported');
    const out = await run('import-statement', file, '--account', '1113', '--accept-mismatch');
    expect(out).toContain('balance check: mismatch; opening 82721.95, closing 84515.25');
    expect(out).toContain('MISMATCH: statement R30B4SA880HMZ9XA');
    expect(out).toContain('3 added');
  });

  it('takes one --account per bank account of a file', async () => {
    const out = await run(
      'import-statement',
      sample('mt940-triodos-nl-two-accounts.sta'),
      '--account',
      'TRIODOSBANK/0666666666=1116',
      '--account',
      'TRIODOSBANK/0999999999=assets:bank:triodos-b',
      '--json',
    );
    const result = JSON.parse(out) as { statements: { account: string; linesAdded: number }[] };
    expect(result.statements.map((s) => [s.account, s.linesAdded])).toEqual([
      ['assets:bank:triodos-a', 4],
      ['assets:bank:triodos-b', 4],
    ]);
    expect(accountOption([])).toBeUndefined();
    expect(accountOption(['1110'])).toBe('1110');
    expect(() => accountOption(['1110', '1120'])).toThrow(/each is BANKREF=CODE/);
  });

  it('saves a CSV mapping and imports with it', async () => {
    const json = path.join(work, 'schwab.json');
    fs.writeFileSync(json, JSON.stringify(schwabMapping));
    expect(await run('save-csv-mapping', 'schwab', json, '--account', '1121')).toBe(
      'Saved the CSV mapping “schwab” for 1121.',
    );
    const out = await run(
      'import-statement',
      sample('csv-schwab-checking-us.csv'),
      '--mapping',
      'schwab',
    );
    expect(out).toContain('balance check: ok; opening 1093.74, closing 878.47');
    expect(out).toContain('4 added');
  });
});
