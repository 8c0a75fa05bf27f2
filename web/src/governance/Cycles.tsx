import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api, asEntered } from '../api/client.ts';
import { localProblem } from '../app/api.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import {
  FormProblem,
  NumberField,
  SelectField,
  SubmitButton,
  TextField,
  useForm,
} from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
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

/** The cycles of the pie, newest first; administrators and officers open new ones. */
export function Cycles() {
  const user = useUser();
  const list = useQuery('/api/cycles');
  const cycles = list.data?.cycles ?? [];
  const canFund = user.can.recordFunding;
  return (
    <Page title="Cycles">
      <p className="lead">
        Each cycle shares the hackers’ time between the sponsors, the community and the hackers by
        the bylaws’ pie. Members propose work, vote within their own slice, and the co-op publishes
        the plan with its arithmetic.
      </p>
      <section aria-labelledby="cycles-heading" className="card">
        <h2 id="cycles-heading">All cycles</h2>
        {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data && cycles.length === 0 ? <p className="muted">No cycles yet.</p> : null}
        {cycles.length > 0 ? (
          <table className="responsive-table">
            <caption className="visually-hidden">Cycles, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Cycle</th>
                <th scope="col">Phase</th>
                <th scope="col">Voting</th>
                <th scope="col">Work</th>
                <th scope="col">Survey</th>
                <th scope="col">Your part</th>
              </tr>
            </thead>
            <tbody>
              {cycles.map((c) => (
                <tr key={c.id}>
                  <td data-label="Cycle" className="cell-title">
                    <Link href={`/cycles/${c.id}`}>{c.title}</Link>
                  </td>
                  <td data-label="Phase">
                    <span className={`status phase-${c.phase}`}>{phaseLabels[c.phase]}</span>
                  </td>
                  <td data-label="Voting">
                    {formatDateTime(c.votingOpensAt)} – {formatDateTime(c.votingClosesAt)}
                  </td>
                  <td data-label="Work">
                    {formatDate(c.startsOn)} – {formatDate(c.endsOn)}
                  </td>
                  <td data-label="Survey">{surveyMethodShort[c.surveyMethod]}</td>
                  <td data-label="Your part">
                    {c.yourPart === 'waiting' ? (
                      <span className="status not-yet">Not yet</span>
                    ) : c.yourPart === 'done' ? (
                      <span className="status voted">Done</span>
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
  const form = useForm();
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [opensAt, setOpensAt] = useState(() => toLocalInput(daysFromNow(14)));
  const [closesAt, setClosesAt] = useState(() => toLocalInput(daysFromNow(21, 18)));
  const [startsOn, setStartsOn] = useState(() => toDateInput(daysFromNow(28)));
  const [endsOn, setEndsOn] = useState('');
  const [method, setMethod] = useState<SurveyMethod>('approval');
  const [credits, setCredits] = useState<number | ''>(100);

  const onSubmit = form.submit(async () => {
    const local: Record<string, string> = {};
    const opens = fromLocalInput(opensAt);
    const closes = fromLocalInput(closesAt);
    if (!opens) local.votingOpensAt = 'required';
    if (!closes) local.votingClosesAt = 'required';
    if (!startsOn) local.startsOn = 'required';
    if (method === 'quadratic' && credits === '') local.quadraticCredits = 'required';
    if (Object.keys(local).length > 0) throw localProblem('Please check the form.', local);
    const cycle = await api.post('/api/cycles', {
      body: asEntered({
        title: title.trim(),
        votingOpensAt: opens,
        votingClosesAt: closes,
        startsOn,
        ...(endsOn ? { endsOn } : {}),
        surveyMethod: method,
        ...(method === 'quadratic' ? { quadraticCredits: credits } : {}),
      }),
    });
    navigate(`/cycles/${cycle.id}`);
  });

  return (
    <section aria-labelledby="open-cycle-heading" className="card">
      <h2 id="open-cycle-heading">Open a cycle</h2>
      <p className="muted">
        The cycle opens for proposals now. Voting opens and closes at the times below, and the plan
        is published when voting closes (or when you move the cycle on by hand).
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={fields} />
        <TextField
          label="Title"
          hint="For example “First quarter 2027”."
          value={title}
          onChange={setTitle}
          required
          autoComplete="off"
          error={form.error('title')}
        />
        <div className="field-row">
          <TextField
            label="Voting opens"
            type="datetime-local"
            value={opensAt}
            onChange={setOpensAt}
            required
            className="grow"
            error={form.error('votingOpensAt')}
          />
          <TextField
            label="Voting closes"
            type="datetime-local"
            value={closesAt}
            onChange={setClosesAt}
            required
            className="grow"
            error={form.error('votingClosesAt')}
          />
        </div>
        <div className="field-row">
          <TextField
            label="Work starts on"
            type="date"
            value={startsOn}
            onChange={setStartsOn}
            required
            className="grow"
            error={form.error('startsOn')}
          />
          <TextField
            label="Work ends on (optional)"
            hint="Left empty, the bylaws’ cycle length decides."
            type="date"
            value={endsOn}
            onChange={setEndsOn}
            className="grow"
            error={form.error('endsOn')}
          />
        </div>
        <div className="field-row">
          <SelectField
            label="Community survey"
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
              label="Credits per member"
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
          <SubmitButton busy={form.busy}>Open the cycle</SubmitButton>
        </div>
      </form>
    </section>
  );
}
