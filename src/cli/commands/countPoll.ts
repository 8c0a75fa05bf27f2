import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  countableBallots,
  countPublished,
  countsByClass,
  type CountedAs,
} from '../../governance/polls/publishBallots.ts';

/** The parts of a closed poll's page (GET /api/polls/{id}) that a count needs. */
const publishedPollSchema = z.object({
  poll: z.object({
    title: z.string(),
    status: z.literal('closed', { error: 'the poll is not closed: nothing is published yet' }),
    classBalanced: z.boolean(),
    result: z
      .looseObject({ countedAs: z.looseObject({ method: z.string() }) })
      .describe('a result counted by this version, which publishes what it counted with'),
  }),
  ballots: z.array(z.object({ voterClass: z.string().nullable(), content: z.unknown() })),
});

/**
 * `coop count-poll FILE.json`: counts a closed poll again from what was published (the JSON of
 * GET /api/polls/{id}: its ballots and what it was counted with), prints the result and says
 * whether it is the published one. Exit status 1 when it is not, or the file is not a poll.
 */
export function runCountPoll(file: string, options: { json?: boolean }, command: Command): void {
  const fail = (message: string): never => {
    command.showHelpAfterError(false);
    return command.error(`error: ${message}`, { exitCode: 1, code: 'coop.count-poll.failed' });
  };
  let parsed;
  try {
    parsed = publishedPollSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    return fail(`cannot read ${file}: ${error instanceof Error ? error.message : error}`);
  }
  if (!parsed.success)
    return fail(
      `${file} is not a closed poll's page: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const { poll, ballots } = parsed.data;
  // What it was counted with is read as published: a file edited by hand is counted as edited.
  const { countedAs, ...published } = poll.result as unknown as Record<string, unknown> & {
    countedAs: CountedAs;
  };
  const recount = countPublished(countedAs, countableBallots(countsByClass(countedAs), ballots));
  const same = isDeepStrictEqual(JSON.parse(JSON.stringify(recount)), published);
  const write = command.configureOutput().writeOut ?? ((t: string) => process.stdout.write(t));
  if (options.json) write(`${JSON.stringify({ same, result: recount }, null, 2)}\n`);
  else
    write(
      [
        poll.title,
        ...recount.explanation,
        `Chosen: ${recount.chosen.join(', ') || 'none'}${recount.passed === undefined ? '' : ` (${recount.passed ? 'passed' : 'not passed'})`}`,
        same
          ? `The same result as published, from ${ballots.length} published ballots.`
          : 'NOT the published result.',
        '',
      ].join('\n'),
    );
  if (!same) process.exitCode = 1;
}
