import { useState } from 'react';
import { useLocation } from 'wouter';
import { opportunityInputSchema } from '../../../src/pipeline/input.ts';
import { api } from '../api/client.ts';
import { FormProblem, NumberField, SelectField, SubmitButton, TextField } from '../app/forms.tsx';
import { enteredAmountProblem, enteredDecimal } from '../app/money.ts';
import { Loading, Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

const openStages = ['lead', 'qualified', 'proposal', 'negotiation'] as const;
type OpenStage = (typeof openStages)[number];

/** An opportunity with a prospect or a sponsor; the qualifying question asked in its words. */
export function NewOpportunity() {
  const [, navigate] = useLocation();
  const { session } = useSession();
  const organizations = useQuery('/api/pipeline/organizations');
  // The route's own schema checks the form first: its errors, in its words, beside the fields.
  const form = useZodForm(opportunityInputSchema);
  const [organizationId, setOrganizationId] = useState('');
  const [title, setTitle] = useState('');
  const [stage, setStage] = useState<OpenStage>('lead');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(session.coop?.currency ?? 'EUR');
  const [expectedCloseOn, setExpectedCloseOn] = useState('');
  const [probability, setProbability] = useState<number | ''>('');
  const [nextStep, setNextStep] = useState('');
  const [nextStepOn, setNextStepOn] = useState('');
  const [championName, setChampionName] = useState('');
  const [championEmail, setChampionEmail] = useState('');
  const [engineerMonths, setEngineerMonths] = useState('');

  if (!organizations.data)
    return (
      <Page title={t('form.title')}>
        <Loading />
      </Page>
    );
  const onSubmit = form.submitValid(
    () => ({
      organizationId: organizationId || undefined,
      title,
      stage,
      // Typed in the member's notation ("30.000,00" in German), sent as the route's decimal.
      amount: enteredDecimal(amount, currency.trim()),
      currency: currency.trim(),
      expectedCloseOn: expectedCloseOn || undefined,
      ...(probability === '' ? {} : { probabilityPercent: probability }),
      nextStep: nextStep.trim() || null,
      nextStepOn: nextStepOn || null,
      champion:
        championName.trim() || championEmail.trim()
          ? { name: championName, email: championEmail.trim() }
          : null,
      engineerMonths: engineerMonths.trim() || null,
    }),
    async (body) => {
      await api.post('/api/opportunities', { body });
      navigate('/pipeline');
    },
    // What the schema cannot read: an amount in the member's notation.
    (): Record<string, string> => {
      const problem = enteredAmountProblem(amount, currency.trim());
      return problem ? { amount: problem } : {};
    },
  );
  return (
    <Page title={t('form.title')}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} />
        <SelectField
          label={t('form.organization')}
          value={organizationId}
          onChange={setOrganizationId}
          error={form.error('organizationId')}
          options={[
            { value: '', label: t('form.choose') },
            ...organizations.data.organizations.map((o) => ({
              value: o.id,
              label: t(o.prospect ? 'form.prospect' : 'form.sponsor', { name: o.displayName }),
            })),
          ]}
        />
        <TextField
          label={t('form.name')}
          value={title}
          onChange={setTitle}
          error={form.error('title')}
        />
        <SelectField
          label={t('form.stage')}
          value={stage}
          onChange={(v) => setStage(v as OpenStage)}
          options={openStages.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
        />
        <TextField
          label={t('form.amount')}
          value={amount}
          onChange={setAmount}
          inputMode="decimal"
          error={form.error('amount')}
        />
        <TextField
          label={t('form.currency')}
          value={currency}
          onChange={setCurrency}
          maxLength={3}
          error={form.error('currency')}
        />
        <DateField
          label={t('form.close')}
          value={expectedCloseOn}
          onChange={setExpectedCloseOn}
          error={form.error('expectedCloseOn')}
        />
        <NumberField
          label={t('form.probability')}
          value={probability}
          onChange={setProbability}
          min={0}
          max={100}
          error={form.error('probabilityPercent')}
        />
        <TextField label={t('form.nextStep')} value={nextStep} onChange={setNextStep} />
        <DateField
          label={t('form.nextStepOn')}
          value={nextStepOn}
          onChange={setNextStepOn}
          error={form.error('nextStepOn')}
        />
        <TextField
          label={t('form.championName')}
          value={championName}
          onChange={setChampionName}
          error={form.error('champion.name')}
        />
        <TextField
          type="email"
          label={t('form.championEmail')}
          value={championEmail}
          onChange={setChampionEmail}
          error={form.error('champion.email')}
        />
        <TextField
          label={t('form.engineerMonths')}
          hint={t('form.engineerMonthsHint')}
          value={engineerMonths}
          onChange={setEngineerMonths}
          inputMode="decimal"
          error={form.error('engineerMonths')}
        />
        <SubmitButton busy={form.busy}>{t('form.submit')}</SubmitButton>
      </form>
    </Page>
  );
}
