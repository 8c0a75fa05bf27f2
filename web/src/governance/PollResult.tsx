import { pollResultOf } from '../api/types.ts';
import { classLabel } from '../app/format.ts';
import { percent } from '../app/money.ts';
import { t } from './messages.ts';
import { explanationLines, reasonText } from './resultWords.ts';
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
    outcome = t('result.quorumNotMet', { percent: percent(poll.quorumPercent) });
  else if (poll.method === 'yes-no')
    outcome = result.passed ? t('result.passed') : t('result.notPassed');
  else if (result.chosen.length === 0)
    outcome = election ? t('result.nobodyElected') : t('result.noneChosen');
  else if (election) outcome = t('result.elected', { names: result.chosen.join(', ') });
  else outcome = t('result.chosen', { names: result.chosen.join(', ') });
  // Counted since the results say why: the outcome, then the figures that decided it, worded
  // here from the count's facts so that each reader gets them in their language.
  const why = reasonText(result);
  const good =
    result.quorumMet && (poll.method === 'yes-no' ? result.passed : result.chosen.length > 0);

  return (
    <section aria-labelledby="result-heading" className="card result">
      <h2 id="result-heading">{t('result.title')}</h2>
      <p className={good ? 'outcome outcome-ok' : 'outcome outcome-no'}>
        <strong>{outcome}</strong>
      </p>
      {why ? <p className="outcome-reason">{why}</p> : null}
      <dl className="details">
        <dt>{t('result.ballots')}</dt>
        <dd>
          {t('result.ballotsOf', {
            ballots: result.ballots,
            electorate: result.electorate,
            turnout: percent(Number(result.turnoutPercent)),
          })}
        </dd>
        <dt>{t('result.quorum')}</dt>
        <dd>
          {t(result.quorumMet ? 'result.met' : 'result.notMet', {
            percent: percent(poll.quorumPercent),
          })}
        </dd>
        {result.yesShare ? (
          <>
            <dt>{t('result.yesShare')}</dt>
            <dd>
              {t(poll.classBalanced ? 'result.yesShareBalanced' : 'result.yesShareOf', {
                percent: percent(Number(result.yesShare) * 100),
              })}
            </dd>
          </>
        ) : null}
      </dl>
      <h3>{t('result.howCounted')}</h3>
      <ul className="explanation">
        {explanationLines(result).map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {poll.method === 'yes-no' && result.totals.all ? (
        <div className="table-scroll">
          <table className="totals-table">
            <caption>{t('result.byClass')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('result.class')}</th>
                <th scope="col" className="num">
                  {t('result.yes')}
                </th>
                <th scope="col" className="num">
                  {t('result.no')}
                </th>
                <th scope="col" className="num">
                  {t('result.abstain')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...classes, 'all'].map((c) => (
                <tr key={c}>
                  <th scope="row">{c === 'all' ? t('result.all') : classLabel(c)}</th>
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
              {poll.method === 'approval'
                ? election
                  ? t('result.approvalsPerCandidate')
                  : t('result.approvalsPerOption')
                : election
                  ? t('result.pointsPerCandidate')
                  : t('result.pointsPerOption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{election ? t('result.candidate') : t('result.option')}</th>
                {classes.map((c) => (
                  <th scope="col" key={c} className="num">
                    {classLabel(c)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('result.all')}
                </th>
              </tr>
            </thead>
            <tbody>
              {options.map((o) => (
                <tr key={o.number}>
                  <th scope="row">
                    {o.label}
                    {result.chosen.includes(o.label) ? (
                      <span className="badge badge-ok">
                        {election ? t('result.electedBadge') : t('result.chosenBadge')}
                      </span>
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
