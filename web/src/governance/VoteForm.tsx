import { useId, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { localProblem } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';
import {
  CheckboxField,
  FormProblem,
  SelectField,
  SubmitButton,
  TextField,
  useForm,
} from '../app/forms.tsx';
import { isRanked } from './labels.ts';
import { RankingEditor } from './RankingEditor.tsx';
import type { BallotContent, Poll, PollOption } from '../api/types.ts';

const scoreOptions = [0, 1, 2, 3, 4, 5].map((n) => ({
  value: String(n),
  label: n === 0 ? '0 (worst)' : n === 5 ? '5 (best)' : String(n),
}));

/** The receipt, prominently: the voter's only way to change a secret ballot or find it. */
export function ReceiptBox({ receipt, changed }: { receipt: string; changed: boolean }) {
  const input = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt);
      setCopied('Receipt copied to the clipboard.');
    } catch {
      input.current?.select();
      setCopied('Select the receipt and copy it (Ctrl+C or ⌘C).');
    }
  };
  return (
    <div className="receipt" role="region" aria-labelledby="receipt-heading">
      <h3 id="receipt-heading">
        {changed ? 'Your vote is changed' : 'Your vote is cast'}: your receipt
      </h3>
      <div className="copy-row">
        <label htmlFor="receipt-value" className="visually-hidden">
          Your receipt
        </label>
        <textarea
          ref={input}
          id="receipt-value"
          className="receipt-value"
          readOnly
          rows={2}
          value={receipt}
          spellCheck={false}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button" onClick={copy}>
          Copy receipt
        </button>
      </div>
      <p>
        <strong>Keep it to change your vote or to find your ballot in the published list.</strong>{' '}
        The co-op stores only a fingerprint (hash) of it, so nobody else can link the ballot to you
        and it cannot be shown again. When the vote closes, every ballot is published with the
        fingerprint of its receipt: paste the receipt into “Find my ballot” to check that yours was
        counted as you cast it.
      </p>
      <p className="visually-hidden" role="status">
        {copied}
      </p>
      {copied ? <p className="muted">{copied}</p> : null}
    </div>
  );
}

/** The ballot by the poll's method; voting again changes it (with the receipt when secret). */
export function VoteForm({
  poll,
  options,
  votedAt,
  onVoted,
  onReceipt,
}: {
  poll: Poll;
  options: PollOption[];
  votedAt: string | null;
  onVoted: () => void;
  onReceipt?: (receipt: string) => void;
}) {
  const id = useId();
  const form = useForm();
  const [choice, setChoice] = useState<'yes' | 'no' | 'abstain' | ''>('');
  const [approve, setApprove] = useState<number[]>([]);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [ranking, setRanking] = useState<string[]>([]);
  const [receipt, setReceipt] = useState<{ value: string; changed: boolean } | null>(null);
  const [receiptInput, setReceiptInput] = useState('');
  const method = poll.method;
  const ranked = isRanked(method);
  const hasVoted = Boolean(votedAt) || receipt !== null;

  const onSubmit = form.submit(async () => {
    let content: BallotContent;
    if (method === 'yes-no') {
      if (!choice)
        throw localProblem('Please choose an answer.', {
          'content.choice': 'choose yes, no or abstain',
        });
      content = { choice };
    } else if (method === 'approval') content = { approve };
    else if (method === 'score') content = { scores };
    else {
      if (ranking.length === 0)
        throw localProblem('Rank at least one.', { 'content.ranking': 'rank at least one' });
      content = { ranking: ranking.map(Number) };
    }
    const given = receiptInput.trim() || receipt?.value;
    const result = await api.post('/api/polls/{id}/votes', {
      params: { path: { id: poll.id } },
      body: { content, ...(hasVoted && given ? { receipt: given } : {}) },
    });
    const value = result.receipt ?? given ?? receipt?.value ?? null;
    setReceipt(value ? { value, changed: result.changed } : { value: '', changed: result.changed });
    if (value) {
      setReceiptInput(value);
      onReceipt?.(value);
    }
    onVoted();
  });

  const err = (key: string) => form.error(`content.${key}`) ?? form.error('content');
  const what = poll.kind === 'election' ? 'candidates' : 'options';
  const fields = [
    'content',
    'content.choice',
    'content.approve',
    'content.scores',
    'content.ranking',
    'receipt',
    ...Object.keys(form.problem?.fieldErrors ?? {}).filter((k) => k.startsWith('content.')),
  ];

  return (
    <section aria-labelledby="vote-heading" className="card vote-panel">
      <h2 id="vote-heading">{hasVoted ? 'Change your vote' : 'Your vote'}</h2>
      {receipt?.value ? <ReceiptBox receipt={receipt.value} changed={receipt.changed} /> : null}
      {receipt && !receipt.value ? (
        <p className="notice notice-success" role="status">
          Your vote is changed.
        </p>
      ) : null}
      {votedAt && !receipt ? (
        <p className="notice notice-info">
          You voted on {formatDateTime(votedAt)}. You can change your vote until the close
          {poll.secret ? ' with the receipt you were given' : ''}.
        </p>
      ) : null}
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={fields} />
        {method === 'yes-no' ? (
          <fieldset
            className="segmented"
            aria-describedby={err('choice') ? `${id}-choice-error` : undefined}
          >
            <legend>Your answer</legend>
            <div className="segments">
              {(['yes', 'no', 'abstain'] as const).map((c) => (
                <label key={c} className={choice === c ? 'segment selected' : 'segment'}>
                  <input
                    type="radio"
                    name={`${id}-choice`}
                    value={c}
                    checked={choice === c}
                    onChange={() => setChoice(c)}
                  />
                  {c === 'yes' ? 'Yes' : c === 'no' ? 'No' : 'Abstain'}
                </label>
              ))}
            </div>
            {err('choice') ? (
              <p className="field-error" id={`${id}-choice-error`}>
                {err('choice')}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        {method === 'approval' ? (
          <fieldset aria-describedby={err('approve') ? `${id}-approve-error` : undefined}>
            <legend>
              Tick every {poll.kind === 'election' ? 'candidate' : 'option'} you approve
            </legend>
            {options.map((o) => (
              <CheckboxField
                key={o.number}
                label={o.label}
                checked={approve.includes(o.number)}
                onChange={(checked) =>
                  setApprove((a) =>
                    checked
                      ? [...a, o.number].sort((x, y) => x - y)
                      : a.filter((n) => n !== o.number),
                  )
                }
              />
            ))}
            {err('approve') ? (
              <p className="field-error" id={`${id}-approve-error`}>
                {err('approve')}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        {method === 'score' ? (
          <fieldset>
            <legend>Score each option from 0 to 5</legend>
            <div className="points-grid">
              {options.map((o) => (
                <SelectField
                  key={o.number}
                  label={
                    <>
                      <span className="visually-hidden">Score for </span>
                      {o.label}
                    </>
                  }
                  value={String(scores[String(o.number)] ?? 0)}
                  onChange={(v) => setScores((s) => ({ ...s, [String(o.number)]: Number(v) }))}
                  options={scoreOptions}
                  className="points-field"
                  error={form.error(`content.scores.${o.number}`)}
                />
              ))}
            </div>
            {err('scores') ? <p className="field-error">{err('scores')}</p> : null}
          </fieldset>
        ) : null}
        {ranked ? (
          <fieldset>
            <legend>Rank the {what}, best first</legend>
            <p className="hint">
              Rank as many as you like. Later preferences count only if earlier ones are elected or
              excluded.
            </p>
            <RankingEditor
              label={what}
              choices={options.map((o) => ({ key: String(o.number), label: o.label }))}
              ranking={ranking}
              onChange={setRanking}
              error={
                err('ranking') ??
                Object.entries(form.problem?.fieldErrors ?? {}).find(([k]) =>
                  k.startsWith('content.ranking.'),
                )?.[1]
              }
            />
          </fieldset>
        ) : null}
        {hasVoted && poll.secret ? (
          <TextField
            label="Receipt to change your vote"
            hint="A secret ballot is changed only with the receipt you were shown when you first voted."
            value={receiptInput}
            onChange={setReceiptInput}
            autoComplete="off"
            spellCheck={false}
            error={form.error('receipt')}
          />
        ) : null}
        <div className="form-actions">
          <SubmitButton busy={form.busy}>
            {hasVoted ? 'Change my vote' : 'Cast my vote'}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
