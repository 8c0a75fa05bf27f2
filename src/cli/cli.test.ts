import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabaseTarget } from '../testing/testDatabase.ts';
import { HttpSession, runCli, startServerProcess } from '../testing/serverProcess.ts';

describe('the coop CLI', () => {
  let target: TestDatabaseTarget;
  let env: Record<string, string | undefined>;
  let work: string;
  beforeAll(async () => {
    target = await createTestDatabase();
    env = { COOP_DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl };
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-cli-'));
  });
  afterAll(async () => {
    await target.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('has --help on every command', () => {
    for (const command of [
      [],
      ['init'],
      ['serve'],
      ['members', 'import'],
      ['members', 'list'],
      ['ledger', 'import-statement'],
      ['report', 'trial-balance'],
      ['year-end', 'close'],
      ['tally'],
      ['count-poll'],
      ['backup'],
      ['restore'],
      ['demo'],
    ]) {
      const result = runCli([...command, '--help'], env);
      expect(result.status, command.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/Usage: coop/);
    }
  });

  it('initialises the co-op non-interactively, and only once', () => {
    const args = [
      'init',
      '--name',
      'CLI Co-op',
      '--admin-email',
      'root@example.org',
      '--admin-password',
      'a good long password',
      '--currency',
      'chf',
      '--admin-locale',
      'de',
    ];
    const refused = runCli([...args.slice(0, -1), 'fr'], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/admin\/locale/);
    const first = runCli(args, env);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/Created CLI Co-op \(cli-co-op, CHF\)/);
    const second = runCli(args, env);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/already set up/);
  });

  it('refuses an import with bad lines, listing each, and imports a good one idempotently', () => {
    const bad = path.join(work, 'bad.csv');
    fs.writeFileSync(
      bad,
      'email,name,class\nfine@example.org,Fine,community\nbroken,Broken,community\nx@example.org,X,overlord\n',
    );
    const refused = runCli(
      ['members', 'import', bad, '--codes-out', path.join(work, 'never.csv')],
      env,
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('line 3, email: not an email address');
    expect(refused.stderr).toContain(
      'line 4, class: class must be one of hacker, sponsor, community',
    );
    expect(fs.existsSync(path.join(work, 'never.csv'))).toBe(false);

    const good = path.join(work, 'good.csv');
    const codes = path.join(work, 'codes.csv');
    fs.writeFileSync(
      good,
      'email,name,class,organization\nfine@example.org,Fine,community,\nrep@corp.example,Rep,sponsor,Corp AG\n',
    );
    const imported = runCli(['members', 'import', good, '--codes-out', codes], env);
    expect(imported.stdout).toMatch(/Imported 2 new member/);
    const lines = fs.readFileSync(codes, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('email,code');
    expect(lines[1]).toMatch(/^fine@example\.org,[A-Z2-9-]{19}$/);
    const again = runCli(['members', 'import', good, '--codes-out', codes], env);
    expect(again.stdout).toMatch(/Imported 0 new member\(s\); 2 already existed/);

    const list = runCli(['members', 'list', '--json'], env);
    const members = JSON.parse(list.stdout) as {
      email: string;
      memberClass: string;
      organizationName: string | null;
    }[];
    expect(members.map((m) => m.email).sort()).toEqual([
      'fine@example.org',
      'rep@corp.example',
      'root@example.org',
    ]);
    expect(members.find((m) => m.email === 'rep@corp.example')!.organizationName).toBe('Corp AG');
    expect(runCli(['members', 'list', '--class', 'wizard'], env).stderr).toMatch(
      /expected one of hacker, sponsor, community/,
    );
  });

  it('backs up and restores the whole co-op', async () => {
    const file = path.join(work, 'backup.jsonl.gz');
    expect(runCli(['backup', file], env).stdout).toMatch(/Backed up \d+ rows from \d+ tables/);
    fs.writeFileSync(
      path.join(work, 'after.csv'),
      'email,name,class\nlate@example.org,Late,community\n',
    );
    runCli(
      ['members', 'import', path.join(work, 'after.csv'), '--codes-out', path.join(work, 'c2.csv')],
      env,
    );
    expect(JSON.parse(runCli(['members', 'list', '--json'], env).stdout)).toHaveLength(4);
    expect(runCli(['restore', file], env).stdout).toMatch(/Restored \d+ rows/);
    expect(JSON.parse(runCli(['members', 'list', '--json'], env).stdout)).toHaveLength(3);
  });

  it('tallies a BLT file with `coop tally`, and names the line of a malformed one', () => {
    const ward = path.resolve('src/governance/tally/fixtures/edinburgh-2017/ward-04.blt');
    const wardFile = fs.existsSync(ward) ? ward : undefined;
    const file = wardFile ?? path.join(work, 'small.blt');
    if (!wardFile)
      fs.writeFileSync(file, '3 1\n4 1 2 0\n3 2 0\n2 3 2 0\n0\n"A"\n"B"\n"C"\n"Small"\n');
    const result = runCli(['tally', file, '--json'], {});
    const parsed = JSON.parse(result.stdout) as {
      method: string;
      seats: number;
      elected: string[];
      rounds: unknown[];
    };
    expect(Object.keys(parsed).slice(0, 4)).toEqual(['method', 'seats', 'elected', 'rounds']);
    if (wardFile)
      expect(parsed.elected).toEqual([
        'Jim CAMPBELL',
        'Cammy DAY',
        'Eleanor BIRD',
        'George GORDON',
      ]);
    const bad = path.join(work, 'bad.blt');
    fs.writeFileSync(bad, '3 1\n4 1 9 0\n0\n"A"\n"B"\n"C"\n"T"\n');
    const refused = runCli(['tally', bad], {});
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/line 2/);
  });

  it('reports the trial balance, verifies and exports the books from the command line', async () => {
    const server = await startServerProcess(env);
    try {
      const session = new HttpSession(server.url);
      await session.call('POST', '/api/auth/login', {
        email: 'root@example.org',
        password: 'a good long password',
      });
      await session.call('GET', '/api/session');
      const posted = await session.call('POST', '/api/ledger/entries', {
        effectiveOn: '2026-02-03',
        description: 'Donation',
        postings: [
          { account: 'assets:bank:operating', amount: '12345.00', currency: 'CHF' },
          { account: 'income:donations', amount: '-12345.00', currency: 'CHF' },
        ],
      });
      expect(posted.status).toBe(201);
    } finally {
      await server.stop();
    }
    const tb = JSON.parse(
      runCli(['report', 'trial-balance', '--at', '2026-12-31', '--json'], env).stdout,
    );
    expect(tb).toEqual({
      at: '2026-12-31',
      accounts: [
        { account: 'assets:bank:operating', currency: 'CHF', balance_minor: 1234500 },
        { account: 'income:donations', currency: 'CHF', balance_minor: -1234500 },
      ],
    });
    expect(runCli(['ledger', 'verify'], env).stdout).toMatch(/equal the balances recomputed/);
    expect(runCli(['ledger', 'export', '--format', 'hledger'], env).stdout).toContain(
      '    income:donations  -12345.00 CHF',
    );
    expect(
      runCli(['ledger', 'export', '--format', 'csv', '--from', '2027-01-01'], env)
        .stdout.trim()
        .split('\n'),
    ).toHaveLength(1);
    const dry = JSON.parse(
      runCli(['year-end', 'close', '2026', '--dry-run', '--json'], env).stdout,
    );
    expect(dry).toMatchObject({ dryRun: true, fromDay: '2026-01-01', toDay: '2026-12-31' });
    expect(dry.plan.surplusMinor).toBe('1234500');
  });
});
