/**
 * `coop tally <file.blt>`: counts the ballots of a BLT file and prints the elected candidates
 * and every round, as a readable report or (`--json`) as JSON. It needs no database.
 */
import fs from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  BltParseError,
  formatTallyReport,
  parseBlt,
  tally,
  tallyMethods,
  type TallyMethod,
} from '../governance/tally/index.ts';

const positiveInteger = (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError('a whole number of seats, at least 1');
  return n;
};

export function registerTallyCommand(program: Command): void {
  program
    .command('tally')
    .description('Count the ballots of a BLT file and show every round of the count')
    .argument('<file>', 'ranked ballots in BLT format')
    .addOption(
      new Option('--method <method>', 'counting method')
        .choices(tallyMethods)
        .default('scottish-stv'),
    )
    .option('--seats <n>', 'seats to fill (default: as in the file; 1 for irv)', positiveInteger)
    .option('--seed <text>', 'seed of the lot for ties the counting rules leave to chance')
    .option('--json', 'print the result as JSON')
    .action(
      (
        file: string,
        options: { method: TallyMethod; seats?: number; seed?: string; json?: boolean },
        command: Command,
      ) => {
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
      },
    );
}
