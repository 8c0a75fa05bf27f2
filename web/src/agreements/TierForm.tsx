import { useState } from 'react';
import { useLocation } from 'wouter';
import { newTierSchema, tierRevisionSchema } from '../../../src/agreements/commands/tierInput.ts';
import { api } from '../api/client.ts';
import {
  CheckboxField,
  FormProblem,
  NumberField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../app/forms.tsx';
import { decimalForEntry, enteredAmountProblem, enteredDecimal } from '../app/money.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { useServiceTerms } from './ServiceTermsFields.tsx';
import type { TierVersion } from './types.ts';
import { t } from './messages.ts';

const severities = ['critical', 'high', 'normal', 'low'] as const;
// Built when drawn: the labels follow the language chosen.
const periods = () => [
  { value: '1', label: t('tierForm.monthly') },
  { value: '3', label: t('tierForm.quarterly') },
  { value: '6', label: t('tierForm.halfYearly') },
  { value: '12', label: t('tierForm.yearly') },
];
const digests = () => [
  { value: 'none', label: t('tierForm.none') },
  { value: 'weekly', label: t('tierForm.weekly') },
  { value: 'monthly', label: t('tierForm.monthly') },
  { value: 'quarterly', label: t('tierForm.quarterly') },
];

export function NewTier() {
  return (
    <Page title={t('tierForm.newTier')}>
      <TierFields />
    </Page>
  );
}

export function ReviseTier({ id }: { id: string }) {
  const tier = useQuery('/api/tiers/{id}', { params: { path: { id } } });
  const current = tier.data?.versions[0];
  return (
    <Page
      title={
        current ? t('tierForm.newVersionOf', { name: current.name }) : t('tierForm.newVersion')
      }
    >
      <p>{t('tierForm.lead')}</p>
      {tier.error ? <LoadError error={tier.error} retry={tier.reload} /> : null}
      {current ? <TierFields tierId={id} from={current} /> : tier.error ? null : <Loading />}
    </Page>
  );
}

const num = (v: number | '') => (v === '' ? undefined : v);

function TierFields({ tierId, from }: { tierId?: string; from?: TierVersion }) {
  const [, navigate] = useLocation();
  const { session } = useSession();
  // The route's own schema checks the form first (a new tier's, or a new version's): its
  // errors, in its words, beside the fields.
  const newTier = useZodForm(newTierSchema);
  const revision = useZodForm(tierRevisionSchema);
  const form: FormState = tierId ? revision : newTier;
  const [slug, setSlug] = useState('');
  const [name, setName] = useState(from?.name ?? '');
  const [summary, setSummary] = useState(from?.summary ?? '');
  const [price, setPrice] = useState(from ? decimalForEntry(from.price) : '');
  const [currency, setCurrency] = useState(from?.currency ?? session.coop?.currency ?? 'EUR');
  const [period, setPeriod] = useState(String(from?.periodMonths ?? 12));
  const e = from?.entitlements;
  const [response, setResponse] = useState<Record<(typeof severities)[number], number | ''>>({
    critical: e?.responseHours.critical ?? '',
    high: e?.responseHours.high ?? '',
    normal: e?.responseHours.normal ?? '',
    low: e?.responseHours.low ?? '',
  });
  const [expertHours, setExpertHours] = useState<number | ''>(e?.expertHoursPerMonth ?? 0);
  const [reciprocal, setReciprocal] = useState(e?.reciprocalAccess ?? false);
  const [meetings, setMeetings] = useState<number | ''>(e?.meetingsPerYear ?? 0);
  const [digest, setDigest] = useState<string>(e?.digest ?? 'none');
  const [acknowledgement, setAcknowledgement] = useState(e?.publicAcknowledgement ?? false);
  const [serviceHours, setServiceHours] = useState<number | ''>(from?.serviceHoursPerMonth ?? 0);
  const [published, setPublished] = useState(true);
  const serviceTerms = useServiceTerms(e);

  const terms = () => ({
    name,
    summary,
    // Typed in the member's notation ("1.500,00" in German), sent as the route's decimal.
    price: enteredDecimal(price, currency.trim()),
    currency: currency.trim(),
    periodMonths: Number(period),
    entitlements: {
      responseHours: {
        critical: response.critical === '' ? null : response.critical,
        high: response.high === '' ? null : response.high,
        normal: response.normal === '' ? null : response.normal,
        low: response.low === '' ? null : response.low,
      },
      expertHoursPerMonth: num(expertHours),
      reciprocalAccess: reciprocal,
      meetingsPerYear: num(meetings),
      digest,
      publicAcknowledgement: acknowledgement,
      ...serviceTerms.entitlements(),
      ...(e?.vulnerabilityClock !== undefined ? { vulnerabilityClock: e.vulnerabilityClock } : {}),
    },
    serviceHoursPerMonth: num(serviceHours),
  });
  // What the schema cannot read: a price in the member's notation.
  const priceProblem = (): Record<string, string> => {
    const problem = enteredAmountProblem(price, currency.trim());
    return problem ? { price: problem } : {};
  };
  const onSubmit = tierId
    ? revision.submitValid(
        terms,
        async (body) => {
          await api.post('/api/tiers/{id}/versions', { params: { path: { id: tierId } }, body });
          navigate('/tiers');
        },
        priceProblem,
      )
    : newTier.submitValid(
        () => ({ ...terms(), slug: slug.trim(), published }),
        async (body) => {
          await api.post('/api/tiers', { body });
          navigate('/tiers');
        },
        priceProblem,
      );

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
      <FormProblem problem={form.problem} />
      {tierId ? null : (
        <TextField
          label={t('tierForm.slug')}
          hint={t('tierForm.slugHint')}
          value={slug}
          onChange={setSlug}
          error={form.error('slug')}
        />
      )}
      <TextField
        label={t('tierForm.name')}
        value={name}
        onChange={setName}
        error={form.error('name')}
      />
      <TextAreaField
        label={t('tierForm.summary')}
        value={summary}
        onChange={setSummary}
        error={form.error('summary')}
      />
      <TextField
        label={t('tierForm.price')}
        inputMode="decimal"
        hint={t('tierForm.priceHint')}
        value={price}
        onChange={setPrice}
        error={form.error('price')}
      />
      <TextField
        label={t('tierForm.currency')}
        value={currency}
        onChange={setCurrency}
        error={form.error('currency')}
      />
      <SelectField
        label={t('tierForm.period')}
        value={period}
        onChange={setPeriod}
        options={periods()}
        error={form.error('periodMonths')}
      />
      <fieldset className="fieldset">
        <legend>{t('tierForm.response')}</legend>
        {severities.map((s) => (
          <NumberField
            key={s}
            label={t(`tierForm.severity.${s}`)}
            value={response[s]}
            onChange={(v) => setResponse((old) => ({ ...old, [s]: v }))}
            error={form.error(`entitlements.responseHours.${s}`)}
          />
        ))}
      </fieldset>
      {serviceTerms.fields(form, response)}
      <NumberField
        label={t('tierForm.expert')}
        value={expertHours}
        onChange={setExpertHours}
        error={form.error('entitlements.expertHoursPerMonth')}
      />
      <CheckboxField
        label={t('tierForm.reciprocal')}
        checked={reciprocal}
        onChange={setReciprocal}
      />
      <NumberField
        label={t('tierForm.meetings')}
        value={meetings}
        onChange={setMeetings}
        error={form.error('entitlements.meetingsPerYear')}
      />
      <SelectField
        label={t('tierForm.digest')}
        value={digest}
        onChange={setDigest}
        options={digests()}
      />
      <CheckboxField
        label={t('tierForm.acknowledgement')}
        checked={acknowledgement}
        onChange={setAcknowledgement}
      />
      <NumberField
        label={t('tierForm.serviceHours')}
        hint={t('tierForm.serviceHoursHint')}
        value={serviceHours}
        onChange={setServiceHours}
        error={form.error('serviceHoursPerMonth')}
      />
      {tierId ? null : (
        <CheckboxField
          label={t('tierForm.published')}
          checked={published}
          onChange={setPublished}
        />
      )}
      <SubmitButton busy={form.busy}>
        {tierId ? t('tierForm.saveVersion') : t('tierForm.add')}
      </SubmitButton>
    </form>
  );
}
