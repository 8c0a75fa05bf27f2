import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { FormProblem, Status, SubmitButton, TextAreaField, TextField } from '../app/forms.tsx';
import { useZodForm } from '../app/zodForm.ts';
import { serviceCalendarInputSchema } from '../../../src/servicelevels/calendarInput.ts';
import { Loading, LoadError } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { t } from './messages.ts';

const fields = ['timeZone', 'hours', 'holidayCountry', 'holidayRegion', 'closedDays'];

interface Values {
  timeZone: string;
  hours: string;
  holidayCountry: string;
  holidayRegion: string;
  closedDays: string;
}

/**
 * An organization's service calendar, on its page: officers edit it, the organization's own
 * representatives read it. Business-hours targets count on it.
 */
export function ServiceCalendarForm({
  organizationId,
  canEdit,
}: {
  organizationId: string;
  canEdit: boolean;
}) {
  const result = useQuery('/api/organizations/{id}/service-calendar', {
    params: { path: { id: organizationId } },
  });
  const form = useZodForm(serviceCalendarInputSchema);
  const [values, setValues] = useState<Values | null>(null);
  const [saved, setSaved] = useState('');
  const data = result.data;
  useEffect(() => {
    if (data)
      setValues({
        timeZone: data.timeZone,
        hours: data.hours,
        holidayCountry: data.holidayCountry ?? '',
        holidayRegion: data.holidayRegion ?? '',
        closedDays: data.closedDays.join('\n'),
      });
  }, [data]);
  const set = (key: keyof Values) => (value: string) => {
    setSaved('');
    setValues((v) => (v ? { ...v, [key]: value } : v));
  };
  // The closed days as they went out: an error at closedDays/<i> names the day it is about.
  const sentDays = useRef<string[]>([]);
  // The form is drawn only once the values are loaded, so they are there when it is sent.
  const entered = (v: Values) => {
    sentDays.current = v.closedDays
      .split(/[\s,]+/)
      .map((d) => d.trim())
      .filter(Boolean);
    return {
      timeZone: v.timeZone,
      hours: v.hours,
      holidayCountry: v.holidayCountry.trim() || null,
      holidayRegion: v.holidayRegion.trim() || null,
      closedDays: sentDays.current,
    };
  };
  const onSubmit = form.submitValid(
    () => (values ? entered(values) : {}),
    async (body) => {
      await api.post('/api/organizations/{id}/service-calendar', {
        params: { path: { id: organizationId } },
        body,
      });
      setSaved(t('calendar.saved'));
      result.reload();
    },
  );
  // A day that is none is refused at closedDays/<i>: said beside the closed days, naming it.
  const dayErrors = Object.entries(form.problem?.fieldErrors ?? {}).filter(([key]) =>
    /^closedDays\.\d+$/.test(key),
  );
  const closedDaysError =
    [
      form.error('closedDays'),
      ...dayErrors.map(
        ([key, message]) => `${sentDays.current[Number(key.split('.')[1])] ?? ''}: ${message}`,
      ),
    ]
      .filter(Boolean)
      .join('; ') || undefined;
  return (
    <section aria-labelledby="service-calendar" className="card">
      <h2 id="service-calendar">{t('calendar.title')}</h2>
      <p className="hint">{t('calendar.intro')}</p>
      <p>
        <Link href={`/organizations/${organizationId}/service-report`}>{t('report.link')}</Link>
      </p>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!values && !result.error ? <Loading /> : null}
      {data?.isDefault ? <p className="muted">{t('calendar.isDefault')}</p> : null}
      {values ? (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
          <FormProblem
            problem={form.problem}
            fields={[...fields, ...dayErrors.map(([key]) => key)]}
          />
          <fieldset disabled={!canEdit}>
            <legend className="visually-hidden">{t('calendar.title')}</legend>
            <TextField
              label={t('calendar.timeZone')}
              hint={t('calendar.timeZoneHint')}
              value={values.timeZone}
              onChange={set('timeZone')}
              error={form.error('timeZone')}
            />
            <TextField
              label={t('calendar.hours')}
              hint={t('calendar.hoursHint')}
              value={values.hours}
              onChange={set('hours')}
              error={form.error('hours')}
            />
            <div className="field-row">
              <TextField
                label={t('calendar.holidayCountry')}
                hint={t('calendar.holidayCountryHint')}
                value={values.holidayCountry}
                onChange={set('holidayCountry')}
                maxLength={2}
                className="narrow"
                autoCapitalize="characters"
                error={form.error('holidayCountry')}
              />
              <TextField
                label={t('calendar.holidayRegion')}
                hint={t('calendar.holidayRegionHint')}
                value={values.holidayRegion}
                onChange={set('holidayRegion')}
                maxLength={4}
                className="narrow"
                autoCapitalize="characters"
                error={form.error('holidayRegion')}
              />
            </div>
            <TextAreaField
              label={t('calendar.closedDays')}
              hint={t('calendar.closedDaysHint')}
              value={values.closedDays}
              onChange={set('closedDays')}
              rows={3}
              error={closedDaysError}
            />
          </fieldset>
          {canEdit ? (
            <div className="form-actions">
              <SubmitButton busy={form.busy}>{t('calendar.save')}</SubmitButton>
            </div>
          ) : null}
          <Status message={saved} />
        </form>
      ) : null}
    </section>
  );
}
