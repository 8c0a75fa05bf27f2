import fs from 'node:fs';
import type { Command } from 'commander';
import {
  BltParseError,
  formatTallyReport,
  parseBlt,
  tally,
  type TallyMethod,
} from '../../governance/tally/index.ts';

/** `coop tally FILE.blt ...`: reads, counts and prints; a bad file exits with status 1. */
export function runTally(
  file: string,
  options: { method: TallyMethod; seats?: number; seed?: string; json?: boolean },
  command: Command,
): void {
  const fail = (message: string): never => {
    // A bad ballot file is not a usage error: print the message alone, without the help.
    command.showHelpAfterError(false);
    return command.error(`error: ${message}`, { exitCode: 1, code: 'coop.tally.failed' });
  };
  const write =
    command.configureOutput().writeOut ?? ((text: string) => process.stdout.write(text));

  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file}: ${error instanceof Error ? error.message : error}`);
  }
  let election;
  try {
    election = parseBlt(text);
  } catch (error) {
    if (error instanceof BltParseError) return fail(`${file}, ${error.message}`);
    throw error;
  }
  const seats = options.seats ?? (options.method === 'irv' ? 1 : election.seats);
  let result;
  try {
    result = tally(election, { method: options.method, seats, seed: options.seed });
  } catch (error) {
    if (error instanceof RangeError) return fail(`${file}: ${error.message}`);
    throw error;
  }
  if (options.json) {
    const { method, seats: filled, elected, rounds, ...rest } = result;
    const json = { method, seats: filled, elected, rounds, title: election.title, ...rest };
    write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    write(formatTallyReport(result, { title: election.title }));
  }
}
