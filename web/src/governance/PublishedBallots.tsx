import { useEffect, useRef, useState } from 'react';
import { localProblem } from '../app/api.ts';
import { classLabel } from '../app/format.ts';
import { FormProblem, Status, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { isRanked } from './labels.ts';
import { t } from './messages.ts';
import { sha256Hex } from './sha256.ts';
import type { BallotContent, Poll, PollOption, PublishedBallot } from '../api/types.ts';

function describeBallot(content: BallotContent, options: PollOption[]): string {
  const label = (n: number) =>
    options.find((o) => o.number === n)?.label ?? t('ballots.option', { number: n });
  if ('choice' in content) return t(`voteForm.${content.choice}`);
  if ('approve' in content)
    return content.approve.length
      ? content.approve.map(label).join(', ')
      : t('ballots.noneApproved');
  if ('scores' in content)
    return (
      Object.entries(content.scores)
        .map(([n, s]) => `${label(Number(n))} ${s}`)
        .join(', ') || t('ballots.noScores')
    );
  return content.ranking.map((n, i) => `${i + 1}. ${label(n)}`).join('  ');
}

function BallotCell({ content, options }: { content: BallotContent; options: PollOption[] }) {
  if (!('ranking' in content)) return <>{describeBallot(content, options)}</>;
  const label = (n: number) =>
    options.find((o) => o.number === n)?.label ?? t('ballots.option', { number: n });
  return (
    <ol className="ballot-ranking">
      {content.ranking.map((n) => (
        <li key={n}>{label(n)}</li>
      ))}
    </ol>
  );
}

/**
 * Every ballot, published at the close with the fingerprint (SHA-256) of its receipt. "Find my
 * ballot" hashes a receipt here in the browser (it is never sent) and marks the matching ballot.
 */
export function PublishedBallots({
  poll,
  options,
  ballots,
  receipt,
  voterNames,
}: {
  poll: Poll;
  options: PollOption[];
  ballots: PublishedBallot[];
  /** A receipt this page already knows (just voted). */
  receipt?: string | undefined;
  voterNames: Map<string, string>;
}) {
  const form = useForm();
  const [text, setText] = useState(receipt ?? '');
  const [found, setFound] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);

  useEffect(() => {
    if (!found || !table.current) return;
    const row = table.current.querySelector<HTMLElement>(`[data-hash="${found}"]`);
    row?.scrollIntoView({ block: 'center' });
  }, [found]);

  const onSubmit = form.submit(async () => {
    setMessage(null);
    setFound(null);
    const value = text.trim();
    if (!value)
      throw localProblem(t('ballots.pasteReceipt'), { receipt: t('ballots.pasteReceiptField') });
    const hash = await sha256Hex(value);
    const index = ballots.findIndex((b) => b.receiptHash === hash);
    if (index < 0)
      throw localProblem(t('ballots.noMatch'), {
        receipt: t('ballots.noMatchField', { fingerprint: hash.slice(0, 16) }),
      });
    setFound(hash);
    setMessage(
      t('ballots.found', {
        number: index + 1,
        total: ballots.length,
        ballot: describeBallot(ballots[index]!.content, options),
      }),
    );
  });

  // A secret ballot keeps its class only where the count was class-balanced.
  const withClass = ballots.some((b) => b.voterClass !== null);
  return (
    <section aria-labelledby="ballots-heading" className="card">
      <h2 id="ballots-heading">{t('ballots.title')}</h2>
      <p>
        {t('ballots.count', { count: ballots.length })}{' '}
        {poll.secret
          ? withClass
            ? t('ballots.secret')
            : t('ballots.secretNoClass')
          : t('ballots.open')}{' '}
        {t('ballots.recount')}
        {isRanked(poll.method) ? (
          <>
            {' '}
            <a href={`/api/polls/${poll.id}/ballots.blt`} download={`poll-${poll.id}.blt`}>
              {t('ballots.download')}
            </a>{' '}
            {t('ballots.downloadWhat')}
          </>
        ) : null}
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form find-ballot">
        <FormProblem problem={form.problem} fields={['receipt']} />
        <div className="field-row align-end">
          <TextField
            label={t('ballots.find')}
            hint={t('ballots.findHint')}
            value={text}
            onChange={setText}
            autoComplete="off"
            spellCheck={false}
            className="grow"
            error={form.error('receipt')}
          />
          <div className="field">
            <SubmitButton busy={form.busy}>{t('ballots.findButton')}</SubmitButton>
          </div>
        </div>
      </form>
      <Status message={message} />
      {ballots.length > 0 ? (
        <table ref={table} className="responsive-table ballot-table">
          <caption className="visually-hidden">{t('ballots.title')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('ballots.fingerprintCol')}</th>
              {withClass ? <th scope="col">{t('ballots.class')}</th> : null}
              {poll.secret ? null : <th scope="col">{t('ballots.voter')}</th>}
              <th scope="col">{t('ballots.ballot')}</th>
            </tr>
          </thead>
          <tbody>
            {ballots.map((b, i) => {
              const mine = b.receiptHash === found;
              return (
                <tr
                  key={b.receiptHash}
                  data-hash={b.receiptHash}
                  className={mine ? 'ballot-mine' : undefined}
                >
                  <td data-label="#" className="cell-title">
                    <span className="visually-hidden">{t('ballots.ballotNumber')}</span>
                    {i + 1}
                    {mine ? <span className="badge badge-ok">{t('ballots.yours')}</span> : null}
                  </td>
                  <td data-label={t('ballots.fingerprint')} className="hash">
                    <code>{b.receiptHash}</code>
                  </td>
                  {withClass ? (
                    <td data-label={t('ballots.class')}>{classLabel(b.voterClass)}</td>
                  ) : null}
                  {poll.secret ? null : (
                    <td data-label={t('ballots.voter')}>
                      {b.personId ? (voterNames.get(b.personId) ?? t('ballots.aMember')) : '—'}
                    </td>
                  )}
                  <td data-label={t('ballots.ballot')}>
                    <BallotCell content={b.content} options={options} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
