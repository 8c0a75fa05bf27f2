/**
 * A plain-text report of a count: the elected candidates, then every round as a table of
 * transfers and votes, with the quota, the non-transferable votes, exclusions and ties.
 */
import type { Round, RoundAction, TallyResult, TieBreak } from './types.ts';

const methodTitles: Record<TallyResult['method'], string> = {
  'scottish-stv': 'Scottish STV',
  'meek-stv': 'Meek STV',
  irv: 'Instant-runoff voting',
  schulze: 'Schulze',
};

const describeAction = (action: RoundAction): string => {
  switch (action.type) {
    case 'first-preferences':
      return 'first preferences';
    case 'surplus': {
      const values = action.transferValues
        .map((t) =>
          action.transferValues.length === 1
            ? `transfer value ${t.transferValue}`
            : `papers at ${t.paperValue} move at ${t.transferValue}`,
        )
        .join('; ');
      return `surplus of ${action.candidate} (${action.surplus}) transferred; ${values}`;
    }
    case 'meek-surplus':
      return `surpluses of ${action.candidates.join(', ') || 'the elected'} (${action.surplus}) redistributed by keep factors`;
    case 'exclusion':
      return `${action.candidate} excluded; their ballots transferred`;
    case 'schulze-winner':
      return `next in the Schulze ranking: ${action.candidate}`;
  }
};

const describeTie = (tie: TieBreak): string => {
  const what = {
    exclude: 'to exclude',
    'surplus-order': 'for the first surplus',
    'election-order': 'for the order of election',
    winner: 'among the winners',
  }[tie.purpose];
  const how =
    tie.resolvedBy === 'earlier-round'
      ? `by the votes at round ${tie.earlierRounds.join(', then ')}`
      : `by lot (seed ${JSON.stringify(tie.lot?.seed)}; drawn order ${tie.lot?.order.join(', ')})` +
        (tie.earlierRounds.length ? ` after round ${tie.earlierRounds.join(', ')}` : '');
  return `Tie ${what} between ${tie.candidates.join(', ')}: ${tie.chosen}, ${how}.`;
};

function table(rows: string[][], alignRight: boolean[]): string[] {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
  return rows.map((r) =>
    r
      .map((cell, col) =>
        alignRight[col] ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!),
      )
      .join('  ')
      .trimEnd(),
  );
}

function roundLines(result: TallyResult, round: Round): string[] {
  const lines = [`Round ${round.round}: ${describeAction(round.action)}`];
  for (const tie of round.ties) lines.push(`  ${describeTie(tie)}`);
  const isSchulze = result.method === 'schulze';
  const header = isSchulze
    ? ['Candidate', 'Beats', 'Status']
    : ['Candidate', 'Transfer', 'Votes', ...(round.keepFactors ? ['Keep factor'] : []), 'Status'];
  const rows = [header];
  result.candidates.forEach((name, c) => {
    const status = round.status[c]!;
    const mark = round.elected.includes(name)
      ? 'elected now'
      : round.excluded.includes(name)
        ? 'excluded now'
        : status === 'hopeful'
          ? ''
          : status;
    rows.push(
      isSchulze
        ? [name, round.votes[c]!, mark]
        : [
            name,
            round.round === 1 ? '' : round.transfers[c]!,
            round.votes[c]!,
            ...(round.keepFactors ? [round.keepFactors[c]!] : []),
            mark,
          ],
    );
  });
  if (!isSchulze) {
    rows.push([
      'Non-transferable',
      round.round === 1 ? '' : round.nonTransferableChange,
      round.nonTransferable,
      ...(round.keepFactors ? [''] : []),
      '',
    ]);
  }
  const right = header.map((h) => h !== 'Candidate' && h !== 'Status');
  lines.push(...table(rows, right).map((l) => `  ${l}`));
  const facts = [];
  if (round.quota !== null)
    facts.push(`${result.method === 'irv' ? 'Majority' : 'Quota'}: ${round.quota}`);
  if (/[1-9]/.test(round.roundingLoss))
    facts.push(`Non-transferable includes ${round.roundingLoss} lost to truncation`);
  if (round.iterations !== undefined)
    facts.push(
      `${round.iterations} iteration${round.iterations === 1 ? '' : 's'} (${round.converged})`,
    );
  if (round.elected.length) facts.push(`Elected: ${round.elected.join(', ')}`);
  if (round.excluded.length) facts.push(`Excluded: ${round.excluded.join(', ')}`);
  if (facts.length) lines.push(`  ${facts.join('. ')}.`);
  if (round.note) lines.push(`  ${round.note}`);
  return lines;
}

export function formatTallyReport(result: TallyResult, options: { title?: string } = {}): string {
  const lines: string[] = [];
  if (options.title) lines.push(options.title);
  lines.push(
    `${methodTitles[result.method]}, ${result.seats} seat${result.seats === 1 ? '' : 's'}; ` +
      `valid votes ${result.validVotes}` +
      (result.quota ? `; quota ${result.quota}` : '') +
      (result.ignoredBallots
        ? `; ${result.ignoredBallots} ballot(s) ranked only withdrawn candidates`
        : ''),
  );
  lines.push(`Rules: ${result.rules}`);
  lines.push('');
  lines.push(`Elected (in order): ${result.elected.join(', ') || 'nobody'}`);
  if (result.elected.length < result.seats)
    lines.push(`Seats left unfilled: ${result.seats - result.elected.length}`);
  if (result.schulze) lines.push(`Full ranking: ${result.schulze.ranking.join(' > ')}`);
  for (const round of result.rounds) {
    lines.push('');
    lines.push(...roundLines(result, round));
  }
  if (result.schulze && result.candidates.length <= 20) {
    const { pairwise } = result.schulze;
    lines.push('', 'Pairwise preferences (row over column):');
    const labels = result.candidates.map((_, i) => String(i + 1));
    const rows = [
      ['', ...labels],
      ...result.candidates.map((name, i) => [
        `${i + 1} ${name}`,
        ...pairwise[i]!.map((v, j) => (i === j ? '-' : String(v))),
      ]),
    ];
    lines.push(
      ...table(
        rows,
        rows[0]!.map((_, i) => i > 0),
      ).map((l) => `  ${l}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
