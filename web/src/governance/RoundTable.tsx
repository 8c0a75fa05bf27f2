import type { CandidateStatus, Round, TallyResult } from '../../../src/governance/tally/types.ts';
import { intlTag } from '../app/i18n.ts';
import { t } from './messages.ts';
import { tallyNoteText } from './resultWords.ts';

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

/** What a round did, in words. */
export function describeAction(round: Round): string {
  const a = round.action;
  switch (a.type) {
    case 'first-preferences':
      return t('rounds.firstPreferences');
    case 'surplus':
      return t('rounds.surplus', { candidate: a.candidate, surplus: trimDecimal(a.surplus) });
    case 'meek-surplus':
      return t('rounds.meekSurplus', {
        candidates: a.candidates.join(', '),
        surplus: trimDecimal(a.surplus),
      });
    case 'exclusion':
      return t('rounds.exclusion', { candidate: a.candidate });
    case 'schulze-winner':
      return t('rounds.schulzeWinner', { candidate: a.candidate });
  }
}

function statusMark(status: CandidateStatus | undefined, elected: boolean, excluded: boolean) {
  if (elected) return <span className="mark mark-elected">{t('rounds.elected')}</span>;
  if (excluded) return <span className="mark mark-excluded">{t('rounds.excluded')}</span>;
  if (status === 'withdrawn') return <span className="mark">{t('rounds.withdrawn')}</span>;
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
      <h3 id="rounds-heading">{t('rounds.title')}</h3>
      <p>
        {t(tally.quota ? 'rounds.summaryQuota' : 'rounds.summary', {
          method: t(`rounds.method.${tally.method}`),
          seats: t('rounds.seats', { count: tally.seats }),
          votes: t('rounds.validVotes', {
            count: Number(tally.validVotes),
            // Weighted counts can be fractional: shown exactly, never rounded.
            votes: trimDecimal(tally.validVotes),
          }),
          quota: tally.quota ? trimDecimal(tally.quota) : '',
        })}{' '}
        {schulze ? t('rounds.schulzeHelp') : t('rounds.stvHelp')}
        <span className="scroll-hint">{t('rounds.scroll')}</span>
      </p>
      <div className="table-scroll" role="region" aria-labelledby="rounds-heading" tabIndex={0}>
        <table className="round-table">
          <caption className="visually-hidden">{t('rounds.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rounds.candidate')}</th>
              {rounds.map((r) => (
                <th scope="col" key={r.round} className="num">
                  {t('rounds.round', { round: r.round })}
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
                        {chosen.length > 1
                          ? t('rounds.electedNth', { ordinal: ordinal(chosen.indexOf(name) + 1) })
                          : t('rounds.electedBadge')}
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
                            —<span className="visually-hidden">{t('rounds.outOfCount')}</span>
                          </span>
                        ) : (
                          <>
                            <span className="round-votes">{trimDecimal(r.votes[c] ?? '0')}</span>
                            {change && !schulze && r.action.type !== 'first-preferences' ? (
                              <span className="round-change">
                                <span className="visually-hidden">{t('rounds.change')}</span>
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
                <th scope="row">{t('rounds.nonTransferable')}</th>
                {rounds.map((r) => (
                  <td key={r.round} className="num">
                    {trimDecimal(r.nonTransferable)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('rounds.quota')}</th>
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
        <strong>{t('rounds.rules')}</strong> {tally.rules} {t('rounds.seed', { seed: tally.seed })}
      </p>
    </div>
  );
}

/** "1st", "2nd" in English, "1." in German: the language's own ordinal. */
function ordinal(n: number): string {
  if (!intlTag().startsWith('en')) return `${n}.`;
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** What each round did, with transfer values, ties and notes. */
function RoundNotes({ tally }: { tally: TallyResult }) {
  return (
    <ol className="round-notes" aria-label={t('rounds.notes')}>
      {tally.rounds.map((r) => (
        <li key={r.round}>
          <strong>{t('rounds.roundLabel', { round: r.round })}</strong> {describeAction(r)}.
          {r.action.type === 'surplus' && r.action.transferValues.length > 0 ? (
            <ul>
              {r.action.transferValues.map((v, i) => (
                <li key={i}>
                  {t('rounds.papers', {
                    count: v.papers,
                    value: trimDecimal(v.paperValue),
                    transfer: trimDecimal(v.transferValue),
                  })}
                </li>
              ))}
            </ul>
          ) : null}
          {r.elected.length > 0 ? (
            <> {t('rounds.electedList', { names: r.elected.join(', ') })}</>
          ) : null}
          {r.excluded.length > 0 ? (
            <> {t('rounds.excludedList', { names: r.excluded.join(', ') })}</>
          ) : null}
          {r.quota ? <> {t('rounds.quotaIs', { quota: trimDecimal(r.quota) })}</> : null}
          {Number(r.nonTransferableChange) > 0 ? (
            <>
              {' '}
              {t('rounds.becameNonTransferable', {
                votes: trimDecimal(r.nonTransferableChange),
              })}
            </>
          ) : null}
          {r.ties.map((tie, i) => (
            <span key={i}>
              {' '}
              {t(
                tie.purpose === 'exclude'
                  ? 'rounds.tieExclude'
                  : tie.purpose === 'winner'
                    ? 'rounds.tieWinner'
                    : 'rounds.tieFirst',
                {
                  candidates: tie.candidates.join(', '),
                  chosen: tie.chosen,
                  how:
                    tie.resolvedBy === 'lot'
                      ? t('rounds.byLot', {
                          seed: tie.lot?.seed ?? tally.seed,
                          order: tie.lot?.order.join(', ') ?? '',
                        })
                      : t('rounds.byRound', { rounds: tie.earlierRounds.join(', ') }),
                },
              )}
            </span>
          ))}
          {r.keepFactors ? (
            <>
              {' '}
              {t(r.iterations ? 'rounds.keepFactorsIterations' : 'rounds.keepFactors', {
                factors: tally.candidates
                  .map((c, i) => `${c} ${trimDecimal(r.keepFactors![i] ?? '0')}`)
                  .join(', '),
                iterations: r.iterations ?? 0,
              })}
            </>
          ) : null}
          {r.note ? <> {tallyNoteText(r.note)}</> : null}
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
      <h4 id="pairwise-heading">{t('rounds.pairwise')}</h4>
      <table className="round-table">
        <caption className="visually-hidden">{t('rounds.pairwiseCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rounds.preferredOver')}</th>
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
