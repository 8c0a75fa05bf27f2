import { useId, useRef, useState } from 'react';
import {
  checkSurveyBallot,
  surveyBallotInputSchema,
  surveyBallotRefusal,
} from '../../../src/governance/plan/surveyBallot.ts';
import { api } from '../api/client.ts';
import { refusalFieldErrors } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';
import { FormProblem, NumberField, SelectField, Status, SubmitButton } from '../app/forms.tsx';
import { useZodForm } from '../app/zodForm.ts';
import { t } from './messages.ts';
import { hours as formatHours, surveyMethodLabels } from './labels.ts';
import { RankingEditor } from './RankingEditor.tsx';
import type { Cycle, SurveyBallot, WorkItem } from '../api/types.ts';

const scoreOptions = () =>
  [0, 1, 2, 3, 4, 5].map((n) => ({
    value: String(n),
    label: n === 0 ? t('survey.noSupport') : n === 5 ? t('survey.mostSupport') : String(n),
  }));

/** One member, one ballot: the community survey in the cycle's method. */
export function CommunitySurvey({
  cycle,
  items,
  mine,
  onSaved,
}: {
  cycle: Cycle;
  items: WorkItem[];
  mine: { ballot: SurveyBallot; castAt: string } | null;
  onSaved: () => void;
}) {
  const id = useId();
  const form = useZodForm(surveyBallotInputSchema);
  const method = cycle.surveyMethod;
  const ballot = mine?.ballot;
  const [approve, setApprove] = useState<string[]>(
    ballot && 'approve' in ballot ? ballot.approve : [],
  );
  const [scores, setScores] = useState<Record<string, number>>(
    ballot && 'scores' in ballot ? ballot.scores : {},
  );
  const [ranking, setRanking] = useState<string[]>(
    ballot && 'ranking' in ballot ? ballot.ranking : [],
  );
  const [votes, setVotes] = useState<Record<string, number | ''>>(
    ballot && 'votes' in ballot ? ballot.votes : {},
  );
  const [message, setMessage] = useState<string | null>(null);
  const [castAt, setCastAt] = useState<string | null>(mine?.castAt ?? null);
  // The ids in the order they were sent: the server's pointers /ballot/<i> index into them.
  const sentIds = useRef<string[]>([]);

  const credits = cycle.quadraticCredits;
  const spent = Object.values(votes).reduce<number>((s, n) => s + (n === '' ? 0 : n * n), 0);
  const creditsLeft = credits - spent;

  const errors = form.problem?.fieldErrors ?? {};
  const itemError = (itemId: string): string | undefined => {
    for (const [key, msg] of Object.entries(errors)) {
      const index = /^ballot\.(\d+)$/.exec(key);
      if (index && sentIds.current[Number(index[1])] === itemId) return msg;
      if (key === `ballot.scores.${itemId}` || key === `ballot.votes.${itemId}`) return msg;
    }
    return undefined;
  };
  const groupKeys = ['ballot', 'ballot.approve', 'ballot.scores', 'ballot.ranking', 'ballot.votes'];
  const groupMessage = groupKeys.map((k) => errors[k]).find(Boolean);
  const claimed = Object.keys(errors).filter(
    (k) =>
      groupKeys.includes(k) || /^ballot\.\d+$/.test(k) || /^ballot\.(scores|votes)\.[^.]+$/.test(k),
  );
  const groupError = { id: `${id}-group-error`, message: groupMessage };

  // The ballot as the cycle's method has it; the ids in the order they go out, for the
  // pointers /ballot/<i> of an unknown or repeated item.
  const entered = (): SurveyBallot => {
    const body: SurveyBallot =
      method === 'approval'
        ? { approve: approve.filter((i) => items.some((x) => x.id === i)) }
        : method === 'score'
          ? { scores }
          : method === 'ranked'
            ? { ranking }
            : {
                votes: Object.fromEntries(
                  Object.entries(votes).filter(([, n]) => n !== '' && n > 0) as [string, number][],
                ),
              };
    sentIds.current =
      'approve' in body
        ? body.approve
        : 'ranking' in body
          ? body.ranking
          : Object.keys('scores' in body ? body.scores : body.votes);
    return body;
  };

  const onSubmit = form.submitValid(
    () => {
      setMessage(null);
      return { ballot: entered() };
    },
    async (input) => {
      await api.post('/api/cycles/{id}/survey-ballot', {
        params: { path: { id: cycle.id } },
        body: input,
      });
      setCastAt(new Date().toISOString());
      setMessage(t('survey.saved'));
      onSaved();
    },
    // The route cannot know the cycle's method, its items or its credits: the survey command's
    // own check, made first, refuses an empty ballot or an overspent one in the same words.
    () => {
      const { problems } = checkSurveyBallot(
        method,
        entered(),
        new Set(items.map((i) => i.id)),
        credits,
      );
      return problems.length > 0 ? refusalFieldErrors(surveyBallotRefusal(problems)) : {};
    },
  );

  return (
    <section aria-labelledby="survey-heading" className="card vote-panel">
      <h2 id="survey-heading">{t('survey.title')}</h2>
      <p>
        <strong>{t('survey.method', { method: surveyMethodLabels[method] })}</strong>{' '}
        {t(`survey.help.${method}`)} {t('survey.oneBallot')}
      </p>
      {castAt ? (
        <p className="notice notice-success">
          {t('survey.answeredOn', { castAt: formatDateTime(castAt) })}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="muted">{t('survey.none')}</p>
      ) : (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
          <FormProblem problem={form.problem} fields={claimed} />
          {method === 'approval' ? (
            <fieldset aria-describedby={groupMessage ? groupError.id : undefined}>
              <legend>{t('survey.whichItems')}</legend>
              {items.map((item) => {
                const err = itemError(item.id);
                return (
                  <div key={item.id} className="field field-checkbox">
                    <input
                      id={`${id}-${item.id}`}
                      type="checkbox"
                      checked={approve.includes(item.id)}
                      aria-invalid={err ? true : undefined}
                      aria-describedby={err ? `${id}-${item.id}-error` : undefined}
                      onChange={(e) =>
                        setApprove((a) =>
                          e.target.checked ? [...a, item.id] : a.filter((x) => x !== item.id),
                        )
                      }
                    />
                    <label htmlFor={`${id}-${item.id}`}>
                      {item.title}{' '}
                      <span className="muted">({formatHours(item.estimateHours)})</span>
                    </label>
                    {err ? (
                      <p className="field-error" id={`${id}-${item.id}-error`}>
                        {err}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </fieldset>
          ) : null}
          {method === 'score' ? (
            <fieldset>
              <legend>{t('survey.scoreEach')}</legend>
              <div className="points-grid">
                {items.map((item) => (
                  <SelectField
                    key={item.id}
                    label={
                      <>
                        <span className="visually-hidden">{t('survey.scoreFor')}</span>
                        {item.title}
                      </>
                    }
                    value={String(scores[item.id] ?? 0)}
                    onChange={(v) => setScores((s) => ({ ...s, [item.id]: Number(v) }))}
                    options={scoreOptions()}
                    className="points-field"
                    error={itemError(item.id)}
                  />
                ))}
              </div>
            </fieldset>
          ) : null}
          {method === 'ranked' ? (
            <RankingEditor
              label={t('survey.items')}
              choices={items.map((i) => ({
                key: i.id,
                label: t('survey.itemWithHours', {
                  title: i.title,
                  hours: formatHours(i.estimateHours),
                }),
              }))}
              ranking={ranking}
              onChange={setRanking}
              error={
                groupMessage ??
                items.map((i) => itemError(i.id)).find((e): e is string => Boolean(e))
              }
            />
          ) : null}
          {method === 'quadratic' ? (
            <fieldset>
              <legend>{t('survey.yourVotes')}</legend>
              <div className="points-grid">
                {items.map((item) => {
                  const n = votes[item.id] ?? '';
                  return (
                    <NumberField
                      key={item.id}
                      label={
                        <>
                          <span className="visually-hidden">{t('survey.votesFor')}</span>
                          {item.title}
                        </>
                      }
                      hint={t('survey.costs', { credits: n === '' ? 0 : n * n })}
                      value={n}
                      onChange={(v) => setVotes((x) => ({ ...x, [item.id]: v }))}
                      min={0}
                      className="points-field"
                      error={itemError(item.id)}
                      groupError={groupError}
                    />
                  );
                })}
              </div>
              <p className={creditsLeft >= 0 ? 'share-sum ok' : 'share-sum off'} aria-live="polite">
                {t('survey.creditsLeft')} <strong>{creditsLeft}</strong>{' '}
                {t('survey.ofCredits', { credits })}{' '}
                {creditsLeft < 0 ? t('survey.overspent', { count: -creditsLeft }) : null}
              </p>
            </fieldset>
          ) : null}
          {groupMessage && method !== 'ranked' ? (
            <p className="field-error" id={groupError.id}>
              <span aria-hidden="true">⚠ </span>
              {groupMessage}
            </p>
          ) : null}
          <div className="form-actions">
            <SubmitButton busy={form.busy}>
              {castAt ? t('survey.change') : t('survey.send')}
            </SubmitButton>
          </div>
        </form>
      )}
      <Status message={message} />
    </section>
  );
}
