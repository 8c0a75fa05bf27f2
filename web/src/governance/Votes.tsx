import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { electionInputSchema, proposalInputSchema } from '../../../src/governance/pollInput.ts';
import { api } from '../api/client.ts';
import { formatDateTime, humanize } from '../app/format.ts';
import {
  CheckboxField,
  FormProblem,
  NumberField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import {
  BudgetLinesEditor,
  budgetAmountProblems,
  budgetLinesEntered,
  emptyBudgetLine,
  type BudgetLine,
} from './BudgetLines.tsx';
import {
  daysFromNow,
  fromLocalInput,
  pollMethodLabels,
  pollStatusLabels,
  thresholdInline,
  thresholdLabels,
  toLocalInput,
} from './labels.ts';
import { percent } from '../app/money.ts';
import { t } from './messages.ts';
import type { PollMethod, Threshold } from '../api/types.ts';
import { majorities, rulesSummary } from '../bylaws/labels.ts';
import { claimedKeys, errorOf } from './WorkItems.tsx';
import { DateField } from '../app/DateField.tsx';

/** Proposals and elections; administrators and officers put new ones to the members. */
export function Votes() {
  const user = useUser();
  const list = useQuery('/api/polls');
  const polls = list.data?.polls ?? [];
  const manager = user.can.callVotes;
  return (
    <Page title={t('votes.title')}>
      <p className="lead">{t('votes.lead')}</p>
      <section aria-labelledby="polls-heading" className="card">
        <h2 id="polls-heading">{t('votes.heading')}</h2>
        {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data && polls.length === 0 ? <p className="muted">{t('votes.none')}</p> : null}
        {polls.length > 0 ? (
          <table className="responsive-table">
            <caption className="visually-hidden">{t('votes.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('votes.colTitle')}</th>
                <th scope="col">{t('votes.colKind')}</th>
                <th scope="col">{t('votes.colMethod')}</th>
                <th scope="col">{t('votes.colStatus')}</th>
                <th scope="col">{t('votes.colCloses')}</th>
                <th scope="col">{t('votes.colYourVote')}</th>
              </tr>
            </thead>
            <tbody>
              {polls.map((p) => (
                <tr key={p.id}>
                  <td data-label={t('votes.colTitle')} className="cell-title">
                    <Link href={`/votes/${p.id}`}>{p.title}</Link>
                  </td>
                  <td data-label={t('votes.colKind')}>
                    {p.kind === 'election' ? t('votes.election') : t('votes.proposal')}
                  </td>
                  <td data-label={t('votes.colMethod')}>
                    {pollMethodLabels[p.method] ?? p.method}
                  </td>
                  <td data-label={t('votes.colStatus')}>
                    <span className={`status poll-${p.status}`}>{pollStatusLabels[p.status]}</span>
                  </td>
                  <td data-label={t('votes.colCloses')}>{formatDateTime(p.closesAt)}</td>
                  <td data-label={t('votes.colYourVote')}>
                    {p.youVoted ? (
                      <span className="status voted">{t('votes.voted')}</span>
                    ) : p.status === 'open' ? (
                      <span className="status not-yet">{t('votes.notYet')}</span>
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
  const form = useZodForm(proposalInputSchema);
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

  // A time box left empty coerces to no date at all, which the schema reads as "not a date and
  // time": the form says "required" beside it instead, as its own check; so it does of a budget's
  // amount that does not read in the member's notation.
  const onSubmit = form.submitValid(
    () => ({
      title,
      body: body.trim(),
      method,
      ...(method === 'yes-no'
        ? {}
        : {
            options: options
              .split('\n')
              .map((o) => o.trim())
              .filter(Boolean),
          }),
      ...(threshold ? { threshold } : {}),
      ...(quorum === '' ? {} : { quorumPercent: quorum }),
      secret,
      ...(withBudget ? { budget: budgetLinesEntered(budget, currency) } : {}),
      opensAt: fromLocalInput(opensAt),
      closesAt: fromLocalInput(closesAt),
    }),
    async (input) => {
      const created = await api.post('/api/proposals', { body: input });
      navigate(`/votes/${created.id}`);
    },
    () => ({
      ...(withBudget ? budgetAmountProblems(budget, currency) : {}),
      ...(opensAt ? {} : { opensAt: t('votes.required') }),
      ...(closesAt ? {} : { closesAt: t('votes.required') }),
    }),
  );

  return (
    <section aria-labelledby="proposal-heading" className="card">
      <h2 id="proposal-heading">{t('proposalForm.heading')}</h2>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={claimedKeys(form, proposalFields)} />
        <TextField
          label={t('proposalForm.question')}
          value={title}
          onChange={setTitle}
          required
          autoComplete="off"
          error={form.error('title')}
        />
        <TextAreaField
          label={t('proposalForm.body')}
          value={body}
          onChange={setBody}
          rows={4}
          error={form.error('body')}
        />
        <SelectField
          label={t('proposalForm.method')}
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
            label={t('proposalForm.options')}
            hint={t('proposalForm.optionsHint')}
            value={options}
            onChange={setOptions}
            rows={4}
            error={errorOf(form, 'options')}
          />
        ) : (
          <SelectField
            label={t('proposalForm.majority')}
            value={threshold}
            onChange={(v) => setThreshold(v as Threshold | '')}
            options={[
              {
                value: '',
                label: rules
                  ? t('proposalForm.asBylawsMajority', {
                      majority: thresholdInline[rules.majority],
                    })
                  : t('proposalForm.asBylaws'),
              },
              ...majorities
                .slice(rules ? majorities.indexOf(rules.majority) + 1 : 0)
                .map((m) => ({ value: m, label: thresholdLabels[m] })),
            ]}
            error={form.error('threshold')}
          />
        )}
        {rules ? (
          <p className="hint">
            {t(`proposalForm.rulesFor.${kind}`, { rules: rulesSummary(rules, kind) })}
          </p>
        ) : null}
        <div className="field-row">
          <NumberField
            label={t('proposalForm.quorum')}
            hint={
              rules
                ? t('proposalForm.quorumEmpty', { percent: percent(rules.quorumPercent) })
                : t('proposalForm.quorumEmptyUnknown')
            }
            value={quorum}
            onChange={setQuorum}
            min={rules?.quorumPercent ?? 0}
            max={100}
            className="narrow"
            error={form.error('quorumPercent')}
          />
          <DateField
            granularity="minute"
            label={t('proposalForm.opens')}
            value={opensAt}
            onChange={setOpensAt}
            className="grow"
            error={form.error('opensAt')}
          />
          <DateField
            granularity="minute"
            label={t('proposalForm.closes')}
            value={closesAt}
            onChange={setClosesAt}
            className="grow"
            error={form.error('closesAt')}
          />
        </div>
        <CheckboxField
          label={t('proposalForm.secret')}
          hint={t('proposalForm.secretHint')}
          checked={secret}
          onChange={setSecret}
        />
        {form.error('classBalanced') || form.error('secret') ? (
          <p className="field-error">{form.error('classBalanced') ?? form.error('secret')}</p>
        ) : null}
        {method === 'yes-no' ? (
          <CheckboxField
            label={t('proposalForm.adoptsBudget')}
            hint={t('proposalForm.adoptsBudgetHint')}
            checked={adoptsBudget}
            onChange={setAdoptsBudget}
          />
        ) : null}
        {withBudget ? <BudgetLinesEditor lines={budget} onChange={setBudget} form={form} /> : null}
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('proposalForm.submit')}</SubmitButton>
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
  const form = useZodForm(electionInputSchema);
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

  // No office chosen goes out as missing ("required"), seats left empty as none ("required").
  const onSubmit = form.submitValid(
    () => ({
      officeRole: officeRole || undefined,
      seats: seats === '' ? null : seats,
      method,
      ...(quorum === '' ? {} : { quorumPercent: quorum }),
      ...(secret === 'bylaws' ? {} : { secret: secret === 'yes' }),
      opensAt: fromLocalInput(opensAt),
      closesAt: fromLocalInput(closesAt),
    }),
    async (input) => {
      const created = await api.post('/api/elections', { body: input });
      navigate(`/votes/${created.id}`);
    },
    () => ({
      ...(opensAt ? {} : { opensAt: t('votes.required') }),
      ...(closesAt ? {} : { closesAt: t('votes.required') }),
    }),
  );

  const secretDefault = bylaws.data?.document.decisions.secretBallotsForElections;
  const rules = bylaws.data?.rules.election;
  return (
    <section aria-labelledby="election-heading" className="card">
      <h2 id="election-heading">{t('electionForm.heading')}</h2>
      <p className="muted">{t('electionForm.intro')}</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={claimedKeys(form, electionFields)} />
        <div className="field-row">
          <SelectField
            label={t('electionForm.office')}
            value={officeRole}
            onChange={setOfficeRole}
            options={[
              { value: '', label: t('electionForm.chooseOffice') },
              ...offices.map((o) => ({ value: o.role, label: o.title || humanize(o.role) })),
            ]}
            className="grow"
            error={form.error('officeRole')}
          />
          <NumberField
            label={t('electionForm.seats')}
            value={seats}
            onChange={setSeats}
            min={1}
            max={50}
            className="narrow"
            error={form.error('seats')}
          />
        </div>
        <SelectField
          label={t('electionForm.method')}
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
            {t('electionForm.rules', { rules: rulesSummary(rules, 'election') })}
          </p>
        ) : null}
        <div className="field-row">
          <NumberField
            label={t('proposalForm.quorum')}
            hint={
              rules
                ? t('proposalForm.quorumEmpty', { percent: percent(rules.quorumPercent) })
                : t('proposalForm.quorumEmptyUnknown')
            }
            value={quorum}
            onChange={setQuorum}
            min={rules?.quorumPercent ?? 0}
            max={100}
            className="narrow"
            error={form.error('quorumPercent')}
          />
          <SelectField
            label={t('electionForm.secret')}
            value={secret}
            onChange={(v) => setSecret(v as typeof secret)}
            options={[
              {
                value: 'bylaws',
                label:
                  secretDefault === undefined
                    ? t('electionForm.asBylaws')
                    : secretDefault
                      ? t('electionForm.asBylawsSecret')
                      : t('electionForm.asBylawsOpen'),
              },
              { value: 'yes', label: t('electionForm.secretOption') },
              ...(secretDefault ? [] : [{ value: 'no', label: t('electionForm.openOption') }]),
            ]}
            className="grow"
            error={form.error('secret')}
          />
        </div>
        <div className="field-row">
          <DateField
            granularity="minute"
            label={t('electionForm.opens')}
            value={opensAt}
            onChange={setOpensAt}
            className="grow"
            error={form.error('opensAt')}
          />
          <DateField
            granularity="minute"
            label={t('electionForm.closes')}
            value={closesAt}
            onChange={setClosesAt}
            className="grow"
            error={form.error('closesAt')}
          />
        </div>
        <div className="form-actions">
          <SubmitButton busy={form.busy} className="button">
            {t('electionForm.submit')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
