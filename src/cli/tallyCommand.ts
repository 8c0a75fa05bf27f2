/**
 * `coop tally <file.blt>`: counts the ballots of a BLT file and prints the elected candidates
 * and every round, as a readable report or (`--json`) as JSON. It needs no database.
 *
 * Only the command's declaration lives here; the counting code is imported when it runs, so
 * that `coop --help` does not load it.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
// types.ts holds the list of methods and nothing else that runs: cheap enough for --help.
import { tallyMethods, type TallyMethod } from '../governance/tally/types.ts';

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
      async (
        file: string,
        options: { method: TallyMethod; seats?: number; seed?: string; json?: boolean },
        command: Command,
      ) => {
        const { runTally } = await import('./commands/tally.ts');
        runTally(file, options, command);
      },
    );
}

export function registerCountPollCommand(program: Command): void {
  program
    .command('count-poll')
    .description(
      'Count a closed poll again from its published page (GET /api/polls/{id}, saved as JSON)',
    )
    .argument('<file>', 'the JSON of a closed poll: its ballots and what it was counted with')
    .option('--json', 'print {"same", "result"} as JSON')
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      const { runCountPoll } = await import('./commands/countPoll.ts');
      runCountPoll(file, options, command);
    });
}
