import { useEffect, useRef, useState } from 'react';
import { localProblem } from '../app/api.ts';
import { classLabel } from '../app/format.ts';
import { FormProblem, Status, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { isRanked } from './labels.ts';
import { sha256Hex } from './sha256.ts';
import type { BallotContent, Poll, PollOption, PublishedBallot } from '../api/types.ts';

function describeBallot(content: BallotContent, options: PollOption[]): string {
  const label = (n: number) => options.find((o) => o.number === n)?.label ?? `option ${n}`;
  if ('choice' in content)
    return content.choice === 'yes' ? 'Yes' : content.choice === 'no' ? 'No' : 'Abstain';
  if ('approve' in content)
    return content.approve.length ? content.approve.map(label).join(', ') : 'None approved';
  if ('scores' in content)
    return (
      Object.entries(content.scores)
        .map(([n, s]) => `${label(Number(n))} ${s}`)
        .join(', ') || 'No scores'
    );
  return content.ranking.map((n, i) => `${i + 1}. ${label(n)}`).join('  ');
}

function BallotCell({ content, options }: { content: BallotContent; options: PollOption[] }) {
  if (!('ranking' in content)) return <>{describeBallot(content, options)}</>;
  const label = (n: number) => options.find((o) => o.number === n)?.label ?? `option ${n}`;
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
      throw localProblem('Paste your receipt.', { receipt: 'paste the receipt you were given' });
    const hash = await sha256Hex(value);
    const index = ballots.findIndex((b) => b.receiptHash === hash);
    if (index < 0)
      throw localProblem('No ballot has this receipt.', {
        receipt: `no published ballot matches this receipt (its fingerprint is ${hash.slice(0, 16)}…)`,
      });
    setFound(hash);
    setMessage(
      `Found: your ballot is number ${index + 1} of ${ballots.length}, counted as “${describeBallot(ballots[index]!.content, options)}”.`,
    );
  });

  // A secret ballot keeps its class only where the count was class-balanced.
  const withClass = ballots.some((b) => b.voterClass !== null);
  return (
    <section aria-labelledby="ballots-heading" className="card">
      <h2 id="ballots-heading">Published ballots</h2>
      <p>
        {ballots.length} ballot{ballots.length === 1 ? '' : 's'}, in the order of their receipt
        fingerprints.{' '}
        {poll.secret
          ? `The ballot was secret: no ballot names its voter${withClass ? '' : ' or their class'}.`
          : 'The ballot was open: each ballot names its voter.'}{' '}
        Anyone can count them again.
        {isRanked(poll.method) ? (
          <>
            {' '}
            <a href={`/api/polls/${poll.id}/ballots.blt`} download={`poll-${poll.id}.blt`}>
              Download the ballots as a BLT file
            </a>{' '}
            (the format of STV counting programs).
          </>
        ) : null}
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form find-ballot">
        <FormProblem problem={form.problem} fields={['receipt']} />
        <div className="field-row align-end">
          <TextField
            label="Find my ballot"
            hint="Paste your receipt: its fingerprint is computed here in your browser, and the receipt is not sent anywhere."
            value={text}
            onChange={setText}
            autoComplete="off"
            spellCheck={false}
            className="grow"
            error={form.error('receipt')}
          />
          <div className="field">
            <SubmitButton busy={form.busy}>Find</SubmitButton>
          </div>
        </div>
      </form>
      <Status message={message} />
      {ballots.length > 0 ? (
        <table ref={table} className="responsive-table ballot-table">
          <caption className="visually-hidden">Published ballots</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Receipt fingerprint</th>
              {withClass ? <th scope="col">Class</th> : null}
              {poll.secret ? null : <th scope="col">Voter</th>}
              <th scope="col">Ballot</th>
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
                    <span className="visually-hidden">Ballot </span>
                    {i + 1}
                    {mine ? <span className="badge badge-ok">Your ballot</span> : null}
                  </td>
                  <td data-label="Fingerprint" className="hash">
                    <code>{b.receiptHash}</code>
                  </td>
                  {withClass ? <td data-label="Class">{classLabel(b.voterClass)}</td> : null}
                  {poll.secret ? null : (
                    <td data-label="Voter">
                      {b.personId ? (voterNames.get(b.personId) ?? 'A member') : '—'}
                    </td>
                  )}
                  <td data-label="Ballot">
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
