import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../api/client.ts';
import { localProblem } from '../app/api.ts';
import { formatDateTime, humanize } from '../app/format.ts';
import {
  CheckboxField,
  FormProblem,
  NumberField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useForm,
} from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import {
  BudgetLinesEditor,
  budgetLineProblems,
  budgetLinesToSend,
  emptyBudgetLine,
  type BudgetLine,
} from './BudgetLines.tsx';
import {
  daysFromNow,
  fromLocalInput,
  pollMethodLabels,
  pollStatusLabels,
  thresholdLabels,
  toLocalInput,
} from './labels.ts';
import type { PollMethod, Threshold } from '../api/types.ts';
import { majorities, questionKindLabels, rulesSummary } from '../bylaws/labels.ts';
import { claimedKeys, errorOf } from './WorkItems.tsx';

/** Proposals and elections; administrators and officers put new ones to the members. */
export function Votes() {
  const user = useUser();
  const list = useQuery('/api/polls');
  const polls = list.data?.polls ?? [];
  const manager = user.can.callVotes;
  return (
    <Page title="Votes">
      <p className="lead">
        Members decide general questions by proposals and elect the co-op’s officers. Every count
        can be checked again from the ballots published at the close.
      </p>
      <section aria-labelledby="polls-heading" className="card">
        <h2 id="polls-heading">Proposals and elections</h2>
        {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data && polls.length === 0 ? <p className="muted">No votes yet.</p> : null}
        {polls.length > 0 ? (
          <table className="responsive-table">
            <caption className="visually-hidden">Proposals and elections, latest first</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Kind</th>
                <th scope="col">Method</th>
                <th scope="col">Status</th>
                <th scope="col">Closes</th>
                <th scope="col">Your vote</th>
              </tr>
            </thead>
            <tbody>
              {polls.map((p) => (
                <tr key={p.id}>
                  <td data-label="Title" className="cell-title">
                    <Link href={`/votes/${p.id}`}>{p.title}</Link>
                  </td>
                  <td data-label="Kind">{p.kind === 'election' ? 'Election' : 'Proposal'}</td>
                  <td data-label="Method">{pollMethodLabels[p.method] ?? p.method}</td>
                  <td data-label="Status">
                    <span className={`status poll-${p.status}`}>{pollStatusLabels[p.status]}</span>
                  </td>
                  <td data-label="Closes">{formatDateTime(p.closesAt)}</td>
                  <td data-label="Your vote">
                    {p.youVoted ? (
                      <span className="status voted">Voted</span>
                    ) : p.status === 'open' ? (
                      <span className="status not-yet">Not yet</span>
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
      {manager ? <ProposalForm /> : null}
      {manager ? <ElectionForm /> : null}
    </Page>
  );
}

const proposalFields = [
  'title',
  'body',
  'method',
  'options',
  'budget',
  'seats',
  'threshold',
  'electorate',
  'quorumPercent',
  'classBalanced',
  'secret',
  'opensAt',
  'closesAt',
];

function ProposalForm() {
  const form = useForm();
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [method, setMethod] = useState<'yes-no' | 'approval' | 'score' | 'ranked'>('yes-no');
  const [options, setOptions] = useState('');
  const [threshold, setThreshold] = useState<Threshold | ''>('');
  const [quorum, setQuorum] = useState<number | ''>('');
  const [secret, setSecret] = useState(false);
  const [opensAt, setOpensAt] = useState(() => toLocalInput(daysFromNow(1)));
  const [closesAt, setClosesAt] = useState(() => toLocalInput(daysFromNow(8, 18)));
  const [adoptsBudget, setAdoptsBudget] = useState(false);
  const [budget, setBudget] = useState<BudgetLine[]>(() => [emptyBudgetLine()]);
  const { session } = useSession();
  const currency = session.coop?.currency ?? 'EUR';
  const withBudget = adoptsBudget && method === 'yes-no';
  const bylaws = useQuery('/api/bylaws');
  const kind = withBudget ? 'budget' : 'general';
  const rules = bylaws.data?.rules[kind];

  const onSubmit = form.submit(async () => {
    const opens = fromLocalInput(opensAt);
    const closes = fromLocalInput(closesAt);
    const local: Record<string, string> = withBudget ? budgetLineProblems(budget, currency) : {};
    if (!opens) local.opensAt = 'required';
    if (!closes) local.closesAt = 'required';
    if (Object.keys(local).length > 0) throw localProblem('Please check the form.', local);
    const labels = options
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean);
    const created = await api.post('/api/proposals', {
      body: {
        title: title.trim(),
        body: body.trim(),
        method,
        ...(method === 'yes-no' ? {} : { options: labels }),
        ...(threshold ? { threshold } : {}),
        ...(quorum === '' ? {} : { quorumPercent: quorum }),
        secret,
        ...(withBudget ? { budget: budgetLinesToSend(budget, currency) } : {}),
        opensAt: opens,
        closesAt: closes,
      },
    });
    navigate(`/votes/${created.id}`);
  });

  return (
    <section aria-labelledby="proposal-heading" className="card">
      <h2 id="proposal-heading">Put a proposal to the members</h2>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={claimedKeys(form, proposalFields)} />
        <TextField
          label="Question"
          value={title}
          onChange={setTitle}
          required
          autoComplete="off"
          error={form.error('title')}
        />
        <TextAreaField
          label="Proposal text (optional)"
          value={body}
          onChange={setBody}
          rows={4}
          error={form.error('body')}
        />
        <SelectField
          label="How members answer"
          value={method}
          onChange={(v) => setMethod(v as typeof method)}
          options={(['yes-no', 'approval', 'score', 'ranked'] as const).map((m) => ({
            value: m,
            label: pollMethodLabels[m],
          }))}
          error={form.error('method')}
        />
        {method !== 'yes-no' ? (
          <TextAreaField
            label="Options"
            hint="One per line; at least two."
            value={options}
            onChange={setOptions}
            rows={4}
            error={errorOf(form, 'options')}
          />
        ) : (
          <SelectField
            label="Majority needed"
            value={threshold}
            onChange={(v) => setThreshold(v as Threshold | '')}
            options={[
              {
                value: '',
                label: rules
                  ? `As the bylaws say (${thresholdLabels[rules.majority].toLowerCase()})`
                  : 'As the bylaws say',
              },
              ...majorities
                .slice(rules ? majorities.indexOf(rules.majority) + 1 : 0)
                .map((t) => ({ value: t, label: thresholdLabels[t] })),
            ]}
            error={form.error('threshold')}
          />
        )}
        {rules ? (
          <p className="hint">
            The bylaws’ rules for {questionKindLabels[kind].toLowerCase()}:{' '}
            {rulesSummary(rules, kind)}. You may ask for more, never less.
          </p>
        ) : null}
        <div className="field-row">
          <NumberField
            label="Quorum (%)"
            hint={
              rules ? `Empty: the bylaws’ ${rules.quorumPercent}%.` : 'Empty: the bylaws’ quorum.'
            }
            value={quorum}
            onChange={setQuorum}
            min={rules?.quorumPercent ?? 0}
            max={100}
            className="narrow"
            error={form.error('quorumPercent')}
          />
          <TextField
            label="Opens"
            type="datetime-local"
            value={opensAt}
            onChange={setOpensAt}
            className="grow"
            error={form.error('opensAt')}
          />
          <TextField
            label="Closes"
            type="datetime-local"
            value={closesAt}
            onChange={setClosesAt}
            className="grow"
            error={form.error('closesAt')}
          />
        </div>
        <CheckboxField
          label="Secret ballot"
          hint="Ballots are published without voters; each voter gets a receipt to find their own."
          checked={secret}
          onChange={setSecret}
        />
        {form.error('classBalanced') || form.error('secret') ? (
          <p className="field-error">{form.error('classBalanced') ?? form.error('secret')}</p>
        ) : null}
        {method === 'yes-no' ? (
          <CheckboxField
            label="This proposal adopts a budget"
            hint="Passed, its lines become the co-op’s budgets, set against the books in the reports."
            checked={adoptsBudget}
            onChange={setAdoptsBudget}
          />
        ) : null}
        {withBudget ? <BudgetLinesEditor lines={budget} onChange={setBudget} form={form} /> : null}
        <div className="form-actions">
          <SubmitButton busy={form.busy}>Create the proposal</SubmitButton>
        </div>
      </form>
    </section>
  );
}

const electionFields = [
  'officeRole',
  'seats',
  'method',
  'electorate',
  'quorumPercent',
  'secret',
  'opensAt',
  'closesAt',
];

type ElectionMethod = 'schulze' | 'irv' | 'scottish-stv' | 'meek-stv' | 'approval';
const electionMethods: ElectionMethod[] = [
  'scottish-stv',
  'meek-stv',
  'schulze',
  'irv',
  'approval',
];

function ElectionForm() {
  const form = useForm();
  const [, navigate] = useLocation();
  const bylaws = useQuery('/api/bylaws');
  const offices = bylaws.data?.document.officers ?? [];
  const [officeRole, setOfficeRole] = useState('');
  const [seats, setSeats] = useState<number | ''>(1);
  const [method, setMethod] = useState<ElectionMethod>('scottish-stv');
  const [quorum, setQuorum] = useState<number | ''>('');
  const [secret, setSecret] = useState<'bylaws' | 'yes' | 'no'>('bylaws');
  const [opensAt, setOpensAt] = useState(() => toLocalInput(daysFromNow(7)));
  const [closesAt, setClosesAt] = useState(() => toLocalInput(daysFromNow(14, 18)));

  const onSubmit = form.submit(async () => {
    const opens = fromLocalInput(opensAt);
    const closes = fromLocalInput(closesAt);
    const local: Record<string, string> = {};
    if (!officeRole) local.officeRole = 'choose an office';
    if (!opens) local.opensAt = 'required';
    if (!closes) local.closesAt = 'required';
    if (Object.keys(local).length > 0) throw localProblem('Please check the form.', local);
    const created = await api.post('/api/elections', {
      body: {
        officeRole,
        seats: seats === '' ? 1 : seats,
        method,
        ...(quorum === '' ? {} : { quorumPercent: quorum }),
        ...(secret === 'bylaws' ? {} : { secret: secret === 'yes' }),
        opensAt: opens,
        closesAt: closes,
      },
    });
    navigate(`/votes/${created.id}`);
  });

  const secretDefault = bylaws.data?.document.decisions.secretBallotsForElections;
  const rules = bylaws.data?.rules.election;
  return (
    <section aria-labelledby="election-heading" className="card">
      <h2 id="election-heading">Call an election</h2>
      <p className="muted">
        Nominations open at once; the ballot opens at the time below with the nominees who accepted.
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={claimedKeys(form, electionFields)} />
        <div className="field-row">
          <SelectField
            label="Office"
            value={officeRole}
            onChange={setOfficeRole}
            options={[
              { value: '', label: 'Choose an office…' },
              ...offices.map((o) => ({ value: o.role, label: o.title || humanize(o.role) })),
            ]}
            className="grow"
            error={form.error('officeRole')}
          />
          <NumberField
            label="Seats"
            value={seats}
            onChange={setSeats}
            min={1}
            max={50}
            className="narrow"
            error={form.error('seats')}
          />
        </div>
        <SelectField
          label="Counting method"
          value={method}
          onChange={(v) => setMethod(v as ElectionMethod)}
          options={electionMethods.map((m) => ({
            value: m,
            label: pollMethodLabels[m as PollMethod],
          }))}
          error={form.error('method')}
        />
        {rules ? (
          <p className="hint">
            The bylaws’ rules for elections: {rulesSummary(rules, 'election')}. You may ask for
            more, never less.
          </p>
        ) : null}
        <div className="field-row">
          <NumberField
            label="Quorum (%)"
            hint={
              rules ? `Empty: the bylaws’ ${rules.quorumPercent}%.` : 'Empty: the bylaws’ quorum.'
            }
            value={quorum}
            onChange={setQuorum}
            min={rules?.quorumPercent ?? 0}
            max={100}
            className="narrow"
            error={form.error('quorumPercent')}
          />
          <SelectField
            label="Secret ballot"
            value={secret}
            onChange={(v) => setSecret(v as typeof secret)}
            options={[
              {
                value: 'bylaws',
                label:
                  secretDefault === undefined
                    ? 'As the bylaws say'
                    : `As the bylaws say (${secretDefault ? 'secret' : 'open'})`,
              },
              { value: 'yes', label: 'Secret' },
              ...(secretDefault ? [] : [{ value: 'no', label: 'Open' }]),
            ]}
            className="grow"
            error={form.error('secret')}
          />
        </div>
        <div className="field-row">
          <TextField
            label="Ballot opens"
            type="datetime-local"
            value={opensAt}
            onChange={setOpensAt}
            className="grow"
            error={form.error('opensAt')}
          />
          <TextField
            label="Ballot closes"
            type="datetime-local"
            value={closesAt}
            onChange={setClosesAt}
            className="grow"
            error={form.error('closesAt')}
          />
        </div>
        <div className="form-actions">
          <SubmitButton busy={form.busy}>Call the election</SubmitButton>
        </div>
      </form>
    </section>
  );
}
