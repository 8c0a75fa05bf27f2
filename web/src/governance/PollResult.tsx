import { pollResultOf } from '../api/types.ts';
import { classLabel } from '../app/format.ts';
import { RoundTable } from './RoundTable.tsx';
import type { Poll, PollOption } from '../api/types.ts';

/** The outcome in words, the explanation lines, totals, and for ranked counts every round. */
export function PollResultView({ poll, options }: { poll: Poll; options: PollOption[] }) {
  const result = pollResultOf(poll);
  if (!result) return null;
  const election = poll.kind === 'election';
  const classes = Object.keys(result.totals).filter((k) => k !== 'all');
  let outcome: string;
  if (!result.quorumMet)
    outcome = `The quorum of ${poll.quorumPercent}% was not met: nothing is decided.`;
  else if (poll.method === 'yes-no')
    outcome = result.passed ? 'The proposal passed.' : 'The proposal did not pass.';
  else if (result.chosen.length === 0)
    outcome = election ? 'Nobody was elected.' : 'No option was chosen.';
  else if (election) outcome = `Elected: ${result.chosen.join(', ')}.`;
  else outcome = `Chosen: ${result.chosen.join(', ')}.`;
  // Counted since the results say why: the outcome, then the figures that decided it.
  const why = result.reason;
  const good =
    result.quorumMet && (poll.method === 'yes-no' ? result.passed : result.chosen.length > 0);

  return (
    <section aria-labelledby="result-heading" className="card result">
      <h2 id="result-heading">Result</h2>
      <p className={good ? 'outcome outcome-ok' : 'outcome outcome-no'}>
        <strong>{outcome}</strong>
      </p>
      {why ? <p className="outcome-reason">{why}</p> : null}
      <dl className="details">
        <dt>Ballots</dt>
        <dd>
          {result.ballots} of an electorate of {result.electorate} (turnout {result.turnoutPercent}
          %)
        </dd>
        <dt>Quorum</dt>
        <dd>
          {poll.quorumPercent}% — {result.quorumMet ? 'met' : 'not met'}
        </dd>
        {result.yesShare ? (
          <>
            <dt>Share of yes</dt>
            <dd>
              {(Number(result.yesShare) * 100).toFixed(2)}% of yes and no
              {poll.classBalanced ? ' (class-balanced)' : ''}
            </dd>
          </>
        ) : null}
      </dl>
      <h3>How it was counted</h3>
      <ul className="explanation">
        {result.explanation.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {poll.method === 'yes-no' && result.totals.all ? (
        <div className="table-scroll">
          <table className="totals-table">
            <caption>Answers by class</caption>
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col" className="num">
                  Yes
                </th>
                <th scope="col" className="num">
                  No
                </th>
                <th scope="col" className="num">
                  Abstain
                </th>
              </tr>
            </thead>
            <tbody>
              {[...classes, 'all'].map((c) => (
                <tr key={c}>
                  <th scope="row">{c === 'all' ? 'All' : classLabel(c)}</th>
                  <td className="num">{result.totals[c]?.yes ?? 0}</td>
                  <td className="num">{result.totals[c]?.no ?? 0}</td>
                  <td className="num">{result.totals[c]?.abstain ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {(poll.method === 'approval' || poll.method === 'score') && result.totals.all ? (
        <div className="table-scroll" role="region" aria-labelledby="totals-caption" tabIndex={0}>
          <table className="totals-table">
            <caption id="totals-caption">
              {poll.method === 'approval' ? 'Approvals' : 'Points'} per{' '}
              {election ? 'candidate' : 'option'}
            </caption>
            <thead>
              <tr>
                <th scope="col">{election ? 'Candidate' : 'Option'}</th>
                {classes.map((c) => (
                  <th scope="col" key={c} className="num">
                    {classLabel(c)}
                  </th>
                ))}
                <th scope="col" className="num">
                  All
                </th>
              </tr>
            </thead>
            <tbody>
              {options.map((o) => (
                <tr key={o.number}>
                  <th scope="row">
                    {o.label}
                    {result.chosen.includes(o.label) ? (
                      <span className="badge badge-ok">{election ? 'elected' : 'chosen'}</span>
                    ) : null}
                  </th>
                  {classes.map((c) => (
                    <td key={c} className="num">
                      {result.totals[c]?.[o.label] ?? 0}
                    </td>
                  ))}
                  <td className="num">{result.totals.all?.[o.label] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {result.tally ? <RoundTable tally={result.tally} chosen={result.chosen} /> : null}
    </section>
  );
}
