import { useId, useRef, useState } from 'react';
import { checkBallotContent, voteInputSchema } from '../../../src/governance/voteInput.ts';
import { api } from '../api/client.ts';
import { refusalFieldErrors } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';
import { CheckboxField, FormProblem, SelectField, SubmitButton, TextField } from '../app/forms.tsx';
import { useZodForm } from '../app/zodForm.ts';
import { isRanked } from './labels.ts';
import { t } from './messages.ts';
import { RankingEditor } from './RankingEditor.tsx';
import type { Poll, PollOption } from '../api/types.ts';

const scoreOptions = () =>
  [0, 1, 2, 3, 4, 5].map((n) => ({
    value: String(n),
    label: n === 0 ? t('voteForm.worst') : n === 5 ? t('voteForm.best') : String(n),
  }));

/** The receipt, prominently: the voter's only way to change a secret ballot or find it. */
export function ReceiptBox({ receipt, changed }: { receipt: string; changed: boolean }) {
  const input = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt);
      setCopied(t('voteForm.copied'));
    } catch {
      input.current?.select();
      setCopied(t('voteForm.copyYourself'));
    }
  };
  return (
    <div className="receipt" role="region" aria-labelledby="receipt-heading">
      <h3 id="receipt-heading">
        {changed ? t('voteForm.receiptChanged') : t('voteForm.receiptCast')}
      </h3>
      <div className="copy-row">
        <label htmlFor="receipt-value" className="visually-hidden">
          {t('voteForm.yourReceipt')}
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
          {t('voteForm.copy')}
        </button>
      </div>
      <p>
        <strong>{t('voteForm.keepIt')}</strong> {t('voteForm.keepItWhy')}
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
  const form = useZodForm(voteInputSchema);
  const [choice, setChoice] = useState<'yes' | 'no' | 'abstain' | ''>('');
  const [approve, setApprove] = useState<number[]>([]);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [ranking, setRanking] = useState<string[]>([]);
  const [receipt, setReceipt] = useState<{ value: string; changed: boolean } | null>(null);
  const [receiptInput, setReceiptInput] = useState('');
  const method = poll.method;
  const ranked = isRanked(method);
  const hasVoted = Boolean(votedAt) || receipt !== null;

  // The ballot as the poll's method has it; no answer chosen goes out as none.
  const content = (): unknown =>
    method === 'yes-no'
      ? choice
        ? { choice }
        : {}
      : method === 'approval'
        ? { approve }
        : method === 'score'
          ? { scores }
          : { ranking: ranking.map(Number) };
  const given = () => receiptInput.trim() || receipt?.value;

  const onSubmit = form.submitValid(
    () => {
      const key = given();
      return { content: content(), ...(hasVoted && key ? { receipt: key } : {}) };
    },
    async (input) => {
      const key = given();
      const result = await api.post('/api/polls/{id}/votes', {
        params: { path: { id: poll.id } },
        body: input,
      });
      const value = result.receipt ?? key ?? receipt?.value ?? null;
      setReceipt(
        value ? { value, changed: result.changed } : { value: '', changed: result.changed },
      );
      if (value) {
        setReceiptInput(value);
        onReceipt?.(value);
      }
      onVoted();
    },
    // The route cannot know the poll's method: the vote command's own check of the content,
    // made first, refuses it beside the same choices in the same words.
    () => {
      const checked = checkBallotContent(method, options.length, content());
      return checked.refusal ? refusalFieldErrors(checked.refusal) : {};
    },
  );

  const err = (key: string) => form.error(`content.${key}`) ?? form.error('content');
  const election = poll.kind === 'election';
  const what = election ? t('voteForm.candidates') : t('voteForm.options');
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
      <h2 id="vote-heading">{hasVoted ? t('voteForm.changeYourVote') : t('voteForm.yourVote')}</h2>
      {receipt?.value ? <ReceiptBox receipt={receipt.value} changed={receipt.changed} /> : null}
      {receipt && !receipt.value ? (
        <p className="notice notice-success" role="status">
          {t('voteForm.changed')}
        </p>
      ) : null}
      {votedAt && !receipt ? (
        <p className="notice notice-info">
          {t(poll.secret ? 'voteForm.votedOnSecret' : 'voteForm.votedOn', {
            votedAt: formatDateTime(votedAt),
          })}
        </p>
      ) : null}
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={fields} />
        {method === 'yes-no' ? (
          <fieldset
            className="segmented"
            aria-describedby={err('choice') ? `${id}-choice-error` : undefined}
          >
            <legend>{t('voteForm.yourAnswer')}</legend>
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
                  {t(`voteForm.${c}`)}
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
            <legend>{election ? t('voteForm.tickCandidates') : t('voteForm.tickOptions')}</legend>
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
            <legend>{t('voteForm.scoreEach')}</legend>
            <div className="points-grid">
              {options.map((o) => (
                <SelectField
                  key={o.number}
                  label={
                    <>
                      <span className="visually-hidden">{t('voteForm.scoreFor')}</span>
                      {o.label}
                    </>
                  }
                  value={String(scores[String(o.number)] ?? 0)}
                  onChange={(v) => setScores((s) => ({ ...s, [String(o.number)]: Number(v) }))}
                  options={scoreOptions()}
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
            <legend>{election ? t('voteForm.rankCandidates') : t('voteForm.rankOptions')}</legend>
            <p className="hint">{t('voteForm.rankHint')}</p>
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
            label={t('voteForm.receipt')}
            hint={t('voteForm.receiptHint')}
            value={receiptInput}
            onChange={setReceiptInput}
            autoComplete="off"
            spellCheck={false}
            error={form.error('receipt')}
          />
        ) : null}
        <div className="form-actions">
          <SubmitButton busy={form.busy}>
            {hasVoted ? t('voteForm.change') : t('voteForm.cast')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
