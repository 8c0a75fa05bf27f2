import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { releaseInputSchema } from '../../../src/releases/input.ts';
import { api } from '../api/client.ts';
import type { Release } from '../api/types.ts';
import { FormProblem, SelectField, SubmitButton, TextAreaField, TextField } from '../app/forms.tsx';
import { t as common } from '../app/messages.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { kindLabel, releaseKinds, type ReleaseKind } from './labels.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

interface Values {
  project: string;
  version: string;
  kind: ReleaseKind;
  title: string;
  summary: string;
  plannedOn: string;
}

const emptyValues: Values = {
  project: '',
  version: '',
  kind: 'release',
  title: '',
  summary: '',
  plannedOn: '',
};
const fields = Object.keys(emptyValues);

/** The body the route takes: no version when none is named. */
const bodyOf = (v: Values) => ({
  project: v.project,
  ...(v.version.trim() ? { version: v.version } : {}),
  kind: v.kind,
  title: v.title,
  summary: v.summary,
  plannedOn: v.plannedOn,
});

function ReleaseFields({
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
      <TextField
        label={t('form.title')}
        value={values.title}
        onChange={set('title')}
        required
        error={error('title')}
      />
      <div className="field-row">
        <TextField
          label={t('form.project')}
          value={values.project}
          onChange={set('project')}
          required
          error={error('project')}
        />
        <SelectField
          label={t('form.kind')}
          value={values.kind}
          onChange={(v) => set('kind')(v as ReleaseKind)}
          options={releaseKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
          error={error('kind')}
        />
      </div>
      <div className="field-row">
        <TextField
          label={t('form.version')}
          hint={t('form.versionHint')}
          value={values.version}
          onChange={set('version')}
          error={error('version')}
        />
        <DateField
          label={t('form.plannedOn')}
          hint={t('form.plannedOnHint')}
          value={values.plannedOn}
          onChange={set('plannedOn')}
          required
          error={error('plannedOn')}
        />
      </div>
      <TextAreaField
        label={t('form.summary')}
        hint={t('form.summaryHint')}
        value={values.summary}
        onChange={set('summary')}
        rows={6}
        error={error('summary')}
      />
    </>
  );
}

export function NewRelease() {
  const [, navigate] = useLocation();
  // The route's own schema checks the form first: its errors, in its words, beside the fields.
  const form = useZodForm(releaseInputSchema);
  const [values, setValues] = useState<Values>(emptyValues);
  const onSubmit = form.submitValid(
    () => bodyOf(values),
    async (body) => {
      const created = await api.post('/api/releases', { body });
      navigate(`/releases/${created.id}`);
    },
  );
  return (
    <Page title={t('form.newTitle')}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={fields} />
        <ReleaseFields values={values} onChange={setValues} error={form.error} />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('form.create')}</SubmitButton>
          <Link href="/releases">{common('form.cancel')}</Link>
        </div>
      </form>
    </Page>
  );
}

function EditForm({ release }: { release: Release }) {
  const [, navigate] = useLocation();
  const form = useZodForm(releaseInputSchema);
  const [values, setValues] = useState<Values>({
    project: release.project,
    version: release.version ?? '',
    kind: release.kind,
    title: release.title,
    summary: release.summary,
    plannedOn: release.plannedOn,
  });
  const onSubmit = form.submitValid(
    () => bodyOf(values),
    async (body) => {
      await api.patch('/api/releases/{id}', { params: { path: { id: release.id } }, body });
      navigate(`/releases/${release.id}`);
    },
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
      <FormProblem problem={form.problem} fields={fields} />
      <ReleaseFields values={values} onChange={setValues} error={form.error} />
      <div className="form-actions">
        <SubmitButton busy={form.busy}>{t('form.save')}</SubmitButton>
        <Link href={`/releases/${release.id}`}>{common('form.cancel')}</Link>
      </div>
    </form>
  );
}

export function EditRelease({ id }: { id: string }) {
  const result = useQuery('/api/releases/{id}', { params: { path: { id } } });
  return (
    <Page
      title={
        result.data ? t('form.editTitle', { title: result.data.title }) : t('form.editFallback')
      }
    >
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!result.data && !result.error ? <Loading /> : null}
      {result.data ? <EditForm release={result.data} /> : null}
    </Page>
  );
}
