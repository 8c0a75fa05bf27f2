import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { codedReason, type ReasonParams } from '../../platform/reasons.ts';
import { newToken, sha256 } from '../../platform/tokens.ts';
import { pollPaperBallotsImported } from '../events.ts';
import { governancePolicy } from '../policy.ts';
import { loadOptions, loadPoll } from '../polls/pollRepository.ts';
import { pollBallots } from '../schema.ts';
import { BltParseError, parseBlt } from '../tally/index.ts';

/** The BLT reader's refusal as params: its English, its code and line and figures beside. */
export const bltReason = (error: BltParseError): ReasonParams =>
  codedReason(error.message, `blt.${error.code}`, { line: error.line, ...error.params });

const rankedMethods = ['ranked', 'schulze', 'irv', 'scottish-stv', 'meek-stv'];

/**
 * Adds ballots cast outside the app (paper ballots at a general meeting) from a BLT file to an
 * open ranked poll. Its candidates must be the poll's options, by name; the ballots are counted
 * and published with the others, marked `paper`, each with a receipt nobody holds. (A paper
 * ballot names nobody, so it is not sealed; a secret poll's close shuffles it with the rest.)
 */
export const importBallots = defineCommand({
  name: 'governance.importBallots',
  input: z.strictObject({ pollId: z.uuid(), blt: z.string() }),
  policy: governancePolicy.callVotes,
  denied: 'Administrators and officers import paper ballots.',
  events: [pollPaperBallotsImported],
  // A large file is read before the transaction opens: PGlite would wait behind it.
  prepare: ({ blt }) => {
    try {
      return Promise.resolve(parseBlt(blt));
    } catch (error) {
      // The parser's reason, its line and figures beside its English, for the web to word.
      if (error instanceof BltParseError)
        throw badRequest(error.message, [{ pointer: '/file', message: error.message }]).because(
          'blt.unreadable',
          bltReason(error),
        );
      throw error;
    }
  },
  async run(tx, { pollId }, ctx, election) {
    const coopId = ctx.coopId;
    const poll = await loadPoll(tx, coopId, pollId, true);
    if (poll.status !== 'open' || ctx.clock.now() >= poll.closesAt)
      throw conflict('Paper ballots are added while the poll is open.').because('poll.not-open');
    if (!rankedMethods.includes(poll.method))
      throw conflict('BLT holds ranked ballots: this poll is not ranked.').because(
        'poll.not-ranked',
      );
    const options = await loadOptions(tx, coopId, pollId);
    const numberOf = new Map(options.map((o) => [o.label, o.number]));
    const unknown = election.candidates.filter((c) => !numberOf.has(c));
    if (unknown.length > 0)
      throw badRequest(
        `The file's candidates must be the poll's options; unknown: ${unknown.join(', ')}.`,
        [{ pointer: '/file', message: `unknown candidates: ${unknown.join(', ')}` }],
      ).because('blt.unknown-candidates', { candidates: unknown.join(', ') });
    const { weights, offsets, prefs, count } = election.ballots;
    const rows: (typeof pollBallots.$inferInsert)[] = [];
    for (let i = 0; i < count; i++) {
      const ranking = Array.from(prefs.subarray(offsets[i]!, offsets[i + 1]!), (c) =>
        numberOf.get(election.candidates[c]!)!,
      );
      for (let w = 0; w < weights[i]!; w++)
        rows.push({
          coopId,
          pollId,
          receiptHash: sha256(newToken()),
          personId: null,
          voterClass: 'paper',
          content: { ranking },
        });
    }
    for (let i = 0; i < rows.length; i += 1000)
      await tx.insert(pollBallots).values(rows.slice(i, i + 1000));
    await ctx.emit(pollPaperBallotsImported, pollId, {
      ballots: rows.length,
      title: election.title,
    });
    return { imported: rows.length };
  },
});
