import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { createCycleInputSchema } from '../../../src/governance/cycleInput.ts';
import { api } from '../api/client.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import { FormProblem, NumberField, SelectField, SubmitButton, TextField } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { RecordFunding } from './RecordFunding.tsx';
import {
  daysFromNow,
  fromLocalInput,
  phaseLabels,
  surveyMethodLabels,
  surveyMethodShort,
  toDateInput,
  toLocalInput,
} from './labels.ts';
import type { SurveyMethod } from '../api/types.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

/** The cycles of the pie, newest first; administrators and officers open new ones. */
export function Cycles() {
  const user = useUser();
  const list = useQuery('/api/cycles');
  const cycles = list.data?.cycles ?? [];
  const canFund = user.can.recordFunding;
  return (
    <Page title={t('cycles.title')}>
      <p className="lead">{t('cycles.lead')}</p>
      <section aria-labelledby="cycles-heading" className="card">
        <h2 id="cycles-heading">{t('cycles.all')}</h2>
        {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data && cycles.length === 0 ? <p className="muted">{t('cycles.none')}</p> : null}
        {cycles.length > 0 ? (
          <table className="responsive-table">
            <caption className="visually-hidden">{t('cycles.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cycles.cycle')}</th>
                <th scope="col">{t('cycles.phase')}</th>
                <th scope="col">{t('cycles.voting')}</th>
                <th scope="col">{t('cycles.work')}</th>
                <th scope="col">{t('cycles.survey')}</th>
                <th scope="col">{t('cycles.yourPart')}</th>
              </tr>
            </thead>
            <tbody>
              {cycles.map((c) => (
                <tr key={c.id}>
                  <td data-label={t('cycles.cycle')} className="cell-title">
                    <Link href={`/cycles/${c.id}`}>{c.title}</Link>
                  </td>
                  <td data-label={t('cycles.phase')}>
                    <span className={`status phase-${c.phase}`}>{phaseLabels[c.phase]}</span>
                  </td>
                  <td data-label={t('cycles.voting')}>
                    {formatDateTime(c.votingOpensAt)} – {formatDateTime(c.votingClosesAt)}
                  </td>
                  <td data-label={t('cycles.work')}>
                    {formatDate(c.startsOn)} – {formatDate(c.endsOn)}
                  </td>
                  <td data-label={t('cycles.survey')}>{surveyMethodShort[c.surveyMethod]}</td>
                  <td data-label={t('cycles.yourPart')}>
                    {c.yourPart === 'waiting' ? (
                      <span className="status not-yet">{t('cycles.notYet')}</span>
                    ) : c.yourPart === 'done' ? (
                      <span className="status voted">{t('cycles.done')}</span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      {user.can.manageCycles ? <OpenCycleForm /> : null}
      {canFund ? <RecordFunding /> : null}
    </Page>
  );
}

const fields = [
  'title',
  'votingOpensAt',
  'votingClosesAt',
  'startsOn',
  'endsOn',
  'surveyMethod',
  'quadraticCredits',
];

function OpenCycleForm() {
  const form = useZodForm(createCycleInputSchema);
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [opensAt, setOpensAt] = useState(() => toLocalInput(daysFromNow(14)));
  const [closesAt, setClosesAt] = useState(() => toLocalInput(daysFromNow(21, 18)));
  const [startsOn, setStartsOn] = useState(() => toDateInput(daysFromNow(28)));
  const [endsOn, setEndsOn] = useState('');
  const [method, setMethod] = useState<SurveyMethod>('approval');
  const [credits, setCredits] = useState<number | ''>(100);

  // A day left empty goes out as missing ("required"), a number of credits left empty as none
  // ("required"). A time box left empty coerces to no date at all, which the schema reads as
  // "not a date and time": the form says "required" beside it instead, as its own check.
  const onSubmit = form.submitValid(
    () => ({
      title,
      votingOpensAt: fromLocalInput(opensAt),
      votingClosesAt: fromLocalInput(closesAt),
      startsOn: startsOn || undefined,
      endsOn: endsOn || undefined,
      surveyMethod: method,
      ...(method === 'quadratic' ? { quadraticCredits: credits === '' ? null : credits } : {}),
    }),
    async (body) => {
      const cycle = await api.post('/api/cycles', { body });
      navigate(`/cycles/${cycle.id}`);
    },
    () => {
      const local: Record<string, string> = {};
      if (!opensAt) local.votingOpensAt = t('cycles.required');
      if (!closesAt) local.votingClosesAt = t('cycles.required');
      return local;
    },
  );

  return (
    <section aria-labelledby="open-cycle-heading" className="card">
      <h2 id="open-cycle-heading">{t('cycles.openHeading')}</h2>
      <p className="muted">{t('cycles.openIntro')}</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={fields} />
        <TextField
          label={t('cycles.titleField')}
          hint={t('cycles.titleHint')}
          value={title}
          onChange={setTitle}
          required
          autoComplete="off"
          error={form.error('title')}
        />
        <div className="field-row">
          <DateField
            granularity="minute"
            label={t('cycles.votingOpens')}
            value={opensAt}
            onChange={setOpensAt}
            required
            className="grow"
            error={form.error('votingOpensAt')}
          />
          <DateField
            granularity="minute"
            label={t('cycles.votingCloses')}
            value={closesAt}
            onChange={setClosesAt}
            required
            className="grow"
            error={form.error('votingClosesAt')}
          />
        </div>
        <div className="field-row">
          <DateField
            label={t('cycles.workStarts')}
            value={startsOn}
            onChange={setStartsOn}
            required
            className="grow"
            error={form.error('startsOn')}
          />
          <DateField
            label={t('cycles.workEnds')}
            hint={t('cycles.workEndsHint')}
            value={endsOn}
            onChange={setEndsOn}
            className="grow"
            error={form.error('endsOn')}
          />
        </div>
        <div className="field-row">
          <SelectField
            label={t('cycles.surveyMethod')}
            value={method}
            onChange={(v) => setMethod(v as SurveyMethod)}
            options={(Object.keys(surveyMethodLabels) as SurveyMethod[]).map((m) => ({
              value: m,
              label: surveyMethodLabels[m],
            }))}
            className="grow"
            error={form.error('surveyMethod')}
          />
          {method === 'quadratic' ? (
            <NumberField
              label={t('cycles.credits')}
              value={credits}
              onChange={setCredits}
              min={1}
              max={10000}
              className="narrow"
              error={form.error('quadraticCredits')}
            />
          ) : null}
        </div>
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('cycles.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
