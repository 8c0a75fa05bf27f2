import type { CandidateStatus, Round, TallyResult } from '../../../src/governance/tally/types.ts';

/** "2842.00000" -> "2842"; "1.50000" -> "1.5": exact decimals without trailing zeros. */
export function trimDecimal(value: string): string {
  if (!value.includes('.')) return value;
  return value.replace(/0+$/, '').replace(/\.$/, '');
}

function signed(value: string): string {
  const trimmed = trimDecimal(value);
  if (trimmed === '0' || trimmed === '+0' || trimmed === '-0') return '';
  return trimmed.startsWith('-') ? `−${trimmed.slice(1)}` : trimmed;
}

const methodWords: Record<TallyResult['method'], string> = {
  'scottish-stv': 'Scottish STV',
  'meek-stv': 'Meek STV',
  irv: 'Instant-runoff',
  schulze: 'Schulze',
};

/** What a round did, in words. */
export function describeAction(round: Round): string {
  const a = round.action;
  switch (a.type) {
    case 'first-preferences':
      return 'First preferences';
    case 'surplus':
      return `Surplus of ${a.candidate} (${trimDecimal(a.surplus)}) transferred`;
    case 'meek-surplus':
      return `Surpluses of ${a.candidates.join(', ')} (${trimDecimal(a.surplus)}) redistributed`;
    case 'exclusion':
      return `${a.candidate} excluded; their votes transferred`;
    case 'schulze-winner':
      return `${a.candidate} ranked next`;
  }
}

function statusMark(status: CandidateStatus | undefined, elected: boolean, excluded: boolean) {
  if (elected) return <span className="mark mark-elected">Elected</span>;
  if (excluded) return <span className="mark mark-excluded">Excluded</span>;
  if (status === 'withdrawn') return <span className="mark">Withdrawn</span>;
  return null;
}

/**
 * The count round by round: a row per candidate and a column per round, each cell the votes at
 * the end of the round with the change during it, and the election or exclusion marked in words.
 */
export function RoundTable({
  tally,
  chosen,
}: {
  tally: TallyResult;
  /** Who the result chose (empty when the quorum was not met, whatever the count says). */
  chosen: readonly string[];
}) {
  const { rounds, candidates } = tally;
  const schulze = tally.method === 'schulze';
  return (
    <div className="round-table-block">
      <h3 id="rounds-heading">Round by round</h3>
      <p>
        {methodWords[tally.method]}, {tally.seats} seat{tally.seats === 1 ? '' : 's'},{' '}
        {trimDecimal(tally.validVotes)} valid vote{tally.validVotes === '1' ? '' : 's'}
        {tally.quota ? `, quota ${trimDecimal(tally.quota)}` : ''}.{' '}
        {schulze
          ? 'Each round ranks the next candidate whom no remaining candidate beats; a cell counts the remaining candidates the candidate beats by strongest path.'
          : 'Each cell shows the votes at the end of the round and, beneath, how they changed during it.'}
        <span className="scroll-hint"> Scroll the table sideways to see every round.</span>
      </p>
      <div className="table-scroll" role="region" aria-labelledby="rounds-heading" tabIndex={0}>
        <table className="round-table">
          <caption className="visually-hidden">
            Votes per candidate at the end of each round
          </caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              {rounds.map((r) => (
                <th scope="col" key={r.round} className="num">
                  Round {r.round}
                  <span className="round-action">{describeAction(r)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {candidates.map((name, c) => {
              const electedFinally = chosen.includes(name);
              return (
                <tr key={name} className={electedFinally ? 'row-elected' : undefined}>
                  <th scope="row">
                    {name}
                    {electedFinally ? (
                      <span className="badge badge-ok">
                        elected
                        {chosen.length > 1
                          ? ` ${chosen.indexOf(name) + 1}${ordinal(chosen.indexOf(name) + 1)}`
                          : ''}
                      </span>
                    ) : null}
                  </th>
                  {rounds.map((r, i) => {
                    const previous = i > 0 ? rounds[i - 1]!.status[c] : 'hopeful';
                    const gone = previous === 'excluded' || previous === 'withdrawn';
                    const change = signed(r.transfers[c] ?? '0');
                    return (
                      <td key={r.round} className={gone ? 'num cell-gone' : 'num'}>
                        {gone ? (
                          <span className="muted">
                            —<span className="visually-hidden"> (out of the count)</span>
                          </span>
                        ) : (
                          <>
                            <span className="round-votes">{trimDecimal(r.votes[c] ?? '0')}</span>
                            {change && !schulze && r.action.type !== 'first-preferences' ? (
                              <span className="round-change">
                                <span className="visually-hidden">change </span>
                                {change.startsWith('−') ? change : `+${change.replace(/^\+/, '')}`}
                              </span>
                            ) : null}
                            {statusMark(
                              r.status[c],
                              r.elected.includes(name),
                              r.excluded.includes(name),
                            )}
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
          {schulze ? null : (
            <tfoot>
              <tr>
                <th scope="row">Non-transferable</th>
                {rounds.map((r) => (
                  <td key={r.round} className="num">
                    {trimDecimal(r.nonTransferable)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Quota</th>
                {rounds.map((r) => (
                  <td key={r.round} className="num">
                    {r.quota ? trimDecimal(r.quota) : '—'}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      <RoundNotes tally={tally} />
      {tally.schulze ? <Pairwise tally={tally} /> : null}
      <p className="muted rules">
        <strong>Rules:</strong> {tally.rules} Ties drawn by lot use the seed “{tally.seed}”.
      </p>
    </div>
  );
}

function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** What each round did, with transfer values, ties and notes. */
function RoundNotes({ tally }: { tally: TallyResult }) {
  return (
    <ol className="round-notes" aria-label="What happened in each round">
      {tally.rounds.map((r) => (
        <li key={r.round}>
          <strong>Round {r.round}:</strong> {describeAction(r)}.
          {r.action.type === 'surplus' && r.action.transferValues.length > 0 ? (
            <ul>
              {r.action.transferValues.map((t, i) => (
                <li key={i}>
                  {t.papers} paper{t.papers === 1 ? '' : 's'} of value {trimDecimal(t.paperValue)}{' '}
                  transferred at {trimDecimal(t.transferValue)} each
                </li>
              ))}
            </ul>
          ) : null}
          {r.elected.length > 0 ? <> Elected: {r.elected.join(', ')}.</> : null}
          {r.excluded.length > 0 ? <> Excluded: {r.excluded.join(', ')}.</> : null}
          {r.quota ? <> Quota {trimDecimal(r.quota)}.</> : null}
          {Number(r.nonTransferableChange) > 0 ? (
            <> {trimDecimal(r.nonTransferableChange)} became non-transferable.</>
          ) : null}
          {r.ties.map((t, i) => (
            <span key={i}>
              {' '}
              Tie between {t.candidates.join(', ')} (
              {t.purpose === 'exclude'
                ? 'who is excluded'
                : t.purpose === 'winner'
                  ? 'who wins'
                  : 'which goes first'}
              ) broken{' '}
              {t.resolvedBy === 'lot'
                ? `by lot (seed “${t.lot?.seed ?? tally.seed}”, drawn order ${t.lot?.order.join(', ') ?? ''})`
                : `by round ${t.earlierRounds.join(', ')}`}
              : {t.chosen}.
            </span>
          ))}
          {r.keepFactors ? (
            <>
              {' '}
              Keep factors:{' '}
              {tally.candidates
                .map((c, i) => `${c} ${trimDecimal(r.keepFactors![i] ?? '0')}`)
                .join(', ')}
              {r.iterations ? ` (${r.iterations} iterations)` : ''}.
            </>
          ) : null}
          {r.note ? <> {r.note}</> : null}
        </li>
      ))}
    </ol>
  );
}

function Pairwise({ tally }: { tally: TallyResult }) {
  const { candidates } = tally;
  const pairwise = tally.schulze!.pairwise;
  return (
    <div className="table-scroll" role="region" aria-labelledby="pairwise-heading" tabIndex={0}>
      <h4 id="pairwise-heading">Pairwise preferences</h4>
      <table className="round-table">
        <caption className="visually-hidden">
          Voters ranking the row’s candidate above the column’s
        </caption>
        <thead>
          <tr>
            <th scope="col">Preferred over →</th>
            {candidates.map((c) => (
              <th scope="col" key={c} className="num">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {candidates.map((row, i) => (
            <tr key={row}>
              <th scope="row">{row}</th>
              {candidates.map((col, j) => (
                <td key={col} className="num">
                  {i === j ? '—' : (pairwise[i]?.[j] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
