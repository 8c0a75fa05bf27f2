/** The `coop tally` command, run through a commander program (it needs no database). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerTallyCommand } from '../../cli/tallyCommand.ts';

const almond = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures/edinburgh-2017/ward-01.blt',
);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-tally-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  // Output and exit settings must be in place before the command is added: subcommands copy them.
  const program = new Command('coop')
    .showHelpAfterError()
    .configureOutput({
      writeOut: (text) => (stdout += text),
      writeErr: (text) => (stderr += text),
    })
    .exitOverride();
  registerTallyCommand(program);
  let exitCode = 0;
  try {
    await program.parseAsync(['tally', ...args], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    exitCode = error.exitCode;
  }
  return { stdout, stderr, exitCode };
}

describe('coop tally', () => {
  it('prints the elected councillors and every stage of a real count', async () => {
    const { stdout, stderr, exitCode } = await run(almond);
    expect(exitCode).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(
      /^Ward 1 - Almond\nScottish STV, 4 seats; valid votes 14207\.00000; quota 2842\.00000/,
    );
    expect(stdout).toContain(
      'Elected (in order): Kevin  LANG, Louise YOUNG, Graham HUTCHISON, Norrie WORK',
    );
    for (let round = 1; round <= 10; round++) expect(stdout).toContain(`\nRound ${round}: `);
    expect(stdout).toContain(
      'Round 2: surplus of Kevin  LANG (3237.00000) transferred; transfer value 0.53248',
    );
    expect(stdout).toMatch(/Round 5: Otto INGLIS excluded/);
    expect(stdout).toMatch(/Non-transferable\s+\+84\.71840\s+84\.71840/);
  });

  it('prints the result as JSON, starting with method, seats, elected and rounds', async () => {
    const { stdout, exitCode } = await run(almond, '--json');
    expect(exitCode).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 4)).toEqual(['method', 'seats', 'elected', 'rounds']);
    expect(json.method).toBe('scottish-stv');
    expect(json.seats).toBe(4);
    expect(json.elected).toEqual([
      'Kevin  LANG',
      'Louise YOUNG',
      'Graham HUTCHISON',
      'Norrie WORK',
    ]);
    expect(json.rounds).toHaveLength(10);
  });

  it('takes the method and the seats as options', async () => {
    const irv = JSON.parse((await run(almond, '--method', 'irv', '--json')).stdout) as {
      seats: number;
      elected: string[];
    };
    expect(irv.seats).toBe(1);
    expect(irv.elected).toEqual(['Kevin  LANG']);
    const meek = JSON.parse(
      (await run(almond, '--method', 'meek-stv', '--seats', '2', '--json')).stdout,
    ) as { method: string; elected: string[] };
    expect(meek.method).toBe('meek-stv');
    expect(meek.elected).toHaveLength(2);
    const schulze = await run(almond, '--method', 'schulze');
    expect(schulze.stdout).toContain('Full ranking: ');
    expect(schulze.stdout).toContain('Pairwise preferences');
  });

  it('reports a malformed file by line number and exits with status 1', async () => {
    const bad = path.join(work, 'bad.blt');
    fs.writeFileSync(bad, '3 1\n1 1 2 0\n2 1 7 0\n0\n"A"\n"B"\n"C"\n"T"\n');
    const { stdout, stderr, exitCode } = await run(bad);
    expect(exitCode).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `error: ${bad}, line 3: candidate 7 is not one of the 3 candidates (1 to 3)\n`,
    );
  });

  it('exits with status 1 on a missing file, an impossible count or a bad option', async () => {
    const missing = await run(path.join(work, 'nope.blt'));
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/cannot read/);
    const tooMany = await run(almond, '--seats', '11');
    expect(tooMany.exitCode).toBe(1);
    expect(tooMany.stderr).toMatch(/11 seats but only 10/);
    const badMethod = await run(almond, '--method', 'borda');
    expect(badMethod.exitCode).toBe(1);
    expect(badMethod.stderr).toMatch(/Allowed choices are scottish-stv, meek-stv, irv, schulze/);
  });
});
