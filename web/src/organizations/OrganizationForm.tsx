import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { Plus } from 'lucide-react';
import { api } from '../api/client.ts';
import { classLabel, memberClasses } from '../app/format.ts';
import { FormProblem, SelectField, SubmitButton, TextAreaField, TextField } from '../app/forms.tsx';
import { useZodForm } from '../app/zodForm.ts';
import {
  organizationInputSchema,
  organizationPatchSchema,
} from '../../../src/organizations/input.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import type { MemberClass } from '../api/types.ts';
import type { Organization, OrganizationKind } from '../api/types.ts';
import { kindLabel, organizationKinds } from './labels.ts';
import { t } from './messages.ts';
import { t as common } from '../app/messages.ts';
import { locales, type Locale } from '../../../src/platform/i18n/locales.ts';

interface Values {
  legalName: string;
  displayName: string;
  kind: OrganizationKind;
  memberClass: MemberClass;
  taxId: string;
  billingEmail: string;
  billingAddress: string;
  country: string;
  website: string;
  locale: Locale;
}

const emptyValues: Values = {
  legalName: '',
  displayName: '',
  kind: 'company',
  memberClass: 'sponsor',
  taxId: '',
  billingEmail: '',
  billingAddress: '',
  country: '',
  website: '',
  locale: 'en',
};

const fields = Object.keys(emptyValues);

function fromOrganization(org: Organization): Values {
  return {
    legalName: org.legalName,
    displayName: org.displayName,
    kind: org.kind,
    memberClass: org.memberClass,
    taxId: org.taxId ?? '',
    billingEmail: org.billingEmail ?? '',
    billingAddress: org.billingAddress ?? '',
    country: org.country ?? '',
    website: org.website ?? '',
    locale: org.locale,
  };
}

function normalized(values: Values): Values {
  return {
    ...values,
    legalName: values.legalName.trim(),
    displayName: values.displayName.trim(),
    taxId: values.taxId.trim(),
    billingEmail: values.billingEmail.trim(),
    billingAddress: values.billingAddress.trim(),
    country: values.country.trim().toUpperCase(),
    website: values.website.trim(),
  };
}

/** Only what is filled in: the API takes no empty strings for optional fields. */
function createBody(values: Values): Record<string, string> {
  const body: Record<string, string> = {};
  for (const [key, value] of Object.entries(normalized(values)))
    if (value !== '') body[key] = value;
  return body;
}

/** Only what changed. */
function patchBody(values: Values, before: Values): Record<string, string> {
  const now = normalized(values);
  const body: Record<string, string> = {};
  for (const key of Object.keys(now) as (keyof Values)[])
    if (now[key] !== before[key] && now[key] !== '') body[key] = now[key];
  return body;
}

function OrganizationFields({
  values,
  onChange,
  error,
}: {
  values: Values;
  onChange: (values: Values) => void;
  error: (key: string) => string | undefined;
}) {
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      onChange({ ...values, [key]: value });
  return (
    <>
      <fieldset>
        <legend>{t('form.organization')}</legend>
        <TextField
          label={t('form.legalName')}
          value={values.legalName}
          onChange={set('legalName')}
          required
          autoComplete="organization"
          error={error('legalName')}
        />
        <TextField
          label={t('form.displayName')}
          hint={t('form.displayNameHint')}
          value={values.displayName}
          onChange={set('displayName')}
          error={error('displayName')}
        />
        <div className="field-row">
          <SelectField
            label={t('form.kind')}
            value={values.kind}
            onChange={(v) => set('kind')(v as OrganizationKind)}
            options={organizationKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
            error={error('kind')}
          />
          <SelectField
            label={t('form.memberClass')}
            value={values.memberClass}
            onChange={(v) => set('memberClass')(v as MemberClass)}
            options={memberClasses.map((c) => ({ value: c, label: classLabel(c) }))}
            error={error('memberClass')}
          />
        </div>
        <TextField
          label={t('form.website')}
          type="url"
          hint={t('form.websiteHint')}
          value={values.website}
          onChange={set('website')}
          autoComplete="url"
          error={error('website')}
        />
      </fieldset>
      <fieldset>
        <legend>{t('form.billing')}</legend>
        <TextField
          label={t('form.billingEmail')}
          type="email"
          value={values.billingEmail}
          onChange={set('billingEmail')}
          error={error('billingEmail')}
        />
        <TextAreaField
          label={t('form.billingAddress')}
          value={values.billingAddress}
          onChange={set('billingAddress')}
          rows={3}
          autoComplete="street-address"
          error={error('billingAddress')}
        />
        <div className="field-row">
          <TextField
            label={t('form.country')}
            hint={t('form.countryHint')}
            value={values.country}
            onChange={set('country')}
            maxLength={2}
            className="narrow"
            autoCapitalize="characters"
            error={error('country')}
          />
          <TextField
            label={t('form.taxId')}
            hint={t('form.taxIdHint')}
            value={values.taxId}
            onChange={set('taxId')}
            error={error('taxId')}
          />
        </div>
        <SelectField
          label={t('form.locale')}
          hint={t('form.localeHint')}
          value={values.locale}
          onChange={(v) => set('locale')(v as Locale)}
          options={locales.map((l) => ({ value: l, label: common(`languages.${l}`) }))}
          error={error('locale')}
        />
      </fieldset>
    </>
  );
}

export function NewOrganization() {
  const [, navigate] = useLocation();
  // The route's own schema checks the form first: its errors, in its words, beside the fields.
  const form = useZodForm(organizationInputSchema);
  const [values, setValues] = useState<Values>(emptyValues);
  const onSubmit = form.submitValid(
    () => createBody(values),
    async (body) => {
      const created = await api.post('/api/organizations', { body });
      navigate(`/organizations/${created.id}`);
    },
  );
  return (
    <Page title={t('form.newTitle')}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={fields} />
        <OrganizationFields values={values} onChange={setValues} error={form.error} />
        <div className="form-actions">
          <SubmitButton
            busy={form.busy}
            icon={<Plus className="icon" aria-hidden="true" size={18} />}
          >
            {t('form.create')}
          </SubmitButton>
          <Link href="/organizations">{common('form.cancel')}</Link>
        </div>
      </form>
    </Page>
  );
}

function EditForm({ org }: { org: Organization }) {
  const [, navigate] = useLocation();
  const form = useZodForm(organizationPatchSchema);
  const before = fromOrganization(org);
  const [values, setValues] = useState<Values>(before);
  const onSubmit = form.submitValid(
    () => patchBody(values, before),
    async (body) => {
      if (Object.keys(body).length > 0)
        await api.patch('/api/organizations/{id}', { params: { path: { id: org.id } }, body });
      navigate(`/organizations/${org.id}`);
    },
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
      <FormProblem problem={form.problem} fields={fields} />
      <OrganizationFields values={values} onChange={setValues} error={form.error} />
      <p className="hint">{t('form.keepOld')}</p>
      <div className="form-actions">
        <SubmitButton busy={form.busy}>{t('form.save')}</SubmitButton>
        <Link href={`/organizations/${org.id}`}>{common('form.cancel')}</Link>
      </div>
    </form>
  );
}

export function EditOrganization({ id }: { id: string }) {
  const result = useQuery('/api/organizations/{id}', { params: { path: { id } } });
  return (
    <Page
      title={
        result.data
          ? t('form.editTitle', { name: result.data.displayName })
          : t('form.editOrganization')
      }
    >
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!result.data && !result.error ? <Loading /> : null}
      {result.data ? <EditForm org={result.data} /> : null}
    </Page>
  );
}
