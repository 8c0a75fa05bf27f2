import { useState } from 'react';
import { api } from '../api/client.ts';
import { formatMoney } from '../app/money.ts';
import {
  FormProblem,
  NumberField,
  SelectField,
  Status,
  SubmitButton,
  useForm,
} from '../app/forms.tsx';
import { useUser } from '../app/session.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';

const money = (minor: string, currency: string) => formatMoney(minor, currency);

/** The capacity plan: who serves how many sponsors, and what it takes to reach the pay target. */
export function Capacity() {
  const user = useUser();
  const result = useQuery('/api/capacity');
  const plan = result.data;
  return (
    <Page title="Capacity">
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!plan && !result.error ? <Loading /> : null}
      {plan ? (
        <>
          {plan.warnings.length > 0 ? (
            <div className="notice notice-warning" role="region" aria-label="Warnings">
              <ul>
                {plan.warnings.map((w, i) => (
                  <li key={i}>{w.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <section className="card" aria-labelledby="capacity-summary">
            <h2 id="capacity-summary">The co-op</h2>
            <dl className="details">
              <dt>Sponsors served</dt>
              <dd>
                {plan.clients} ({plan.comfortableClients} comfortable with {plan.hackers.length}{' '}
                hackers at {plan.thresholds.comfortableClientsPerHacker} each; hire before{' '}
                {plan.clientsBeforeHiring})
              </dd>
              <dt>Service hours a month</dt>
              <dd>
                {plan.committedHoursPerMonth} committed of {plan.capacityHoursPerMonth}
                {plan.unservedHoursPerMonth > 0
                  ? ` (${plan.unservedHoursPerMonth} served by nobody yet)`
                  : ''}
              </dd>
              <dt>Yearly revenue from agreements</dt>
              <dd>{money(plan.annualRevenueMinor, plan.currency)}</dd>
              <dt>Pay target (bylaws, all hackers)</dt>
              <dd>{money(plan.targetAnnualMinor, plan.currency)}</dd>
              <dt>Still to find</dt>
              <dd>{money(plan.gapMinor, plan.currency)} a year</dd>
            </dl>
          </section>
          <table className="responsive-table">
            <caption>Each hacker’s load</caption>
            <thead>
              <tr>
                <th scope="col">Hacker</th>
                <th scope="col" className="num">
                  Sponsors
                </th>
                <th scope="col" className="num">
                  Hours committed
                </th>
                <th scope="col" className="num">
                  Load
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.hackers.map((h) => (
                <tr key={h.personId}>
                  <td data-label="Hacker">{h.name}</td>
                  <td data-label="Sponsors" className="num">
                    {h.clients}
                  </td>
                  <td data-label="Hours committed" className="num">
                    {h.committedHoursPerMonth} of {h.serviceHoursPerMonth}
                  </td>
                  <td data-label="Load" className="num">
                    {h.loadPercent === null ? 'over' : `${h.loadPercent}%`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {user.can.manageAgreements ? (
            <ServiceHours hackers={plan.hackers} reload={result.reload} />
          ) : null}
          <table className="responsive-table">
            <caption>Sponsors at each tier to reach the target</caption>
            <thead>
              <tr>
                <th scope="col">Tier</th>
                <th scope="col" className="num">
                  A year
                </th>
                <th scope="col" className="num">
                  For the whole target
                </th>
                <th scope="col" className="num">
                  For what is missing
                </th>
                <th scope="col">Fits the free hours</th>
              </tr>
            </thead>
            <tbody>
              {plan.tiers.map((t) => (
                <tr key={t.tierId}>
                  <td data-label="Tier">
                    {t.name} (v{t.version})
                  </td>
                  <td data-label="A year" className="num">
                    {money(t.annualPriceMinor, plan.currency)}
                  </td>
                  <td data-label="For the whole target" className="num">
                    {t.sponsorsForTarget} ({t.hoursForTarget} h a month)
                  </td>
                  <td data-label="For what is missing" className="num">
                    {t.sponsorsForGap} ({t.hoursForGap} h a month)
                  </td>
                  <td data-label="Fits the free hours">{t.gapFitsCapacity ? 'yes' : 'no: hire'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </Page>
  );
}

function ServiceHours({
  hackers,
  reload,
}: {
  hackers: { personId: string; name: string; serviceHoursPerMonth: number }[];
  reload: () => void;
}) {
  const form = useForm();
  const [personId, setPersonId] = useState(hackers[0]?.personId ?? '');
  const [hours, setHours] = useState<number | ''>('');
  const [saved, setSaved] = useState<string | null>(null);
  const onSubmit = form.submit(async () => {
    await api.patch('/api/capacity/hackers/{id}', {
      params: { path: { id: personId } },
      body: { hoursPerMonth: hours === '' ? null : hours },
    });
    setSaved('Saved.');
    reload();
  });
  if (hackers.length === 0) return null;
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form card">
      <h2>A hacker’s service hours</h2>
      <FormProblem problem={form.problem} fields={['hoursPerMonth']} />
      <SelectField
        label="Hacker"
        value={personId}
        onChange={setPersonId}
        options={hackers.map((h) => ({
          value: h.personId,
          label: `${h.name} (${h.serviceHoursPerMonth} h)`,
        }))}
      />
      <NumberField
        label="Hours a month of sponsor service"
        hint="Empty: the bylaws' default."
        value={hours}
        onChange={setHours}
        error={form.error('hoursPerMonth')}
      />
      <SubmitButton busy={form.busy}>Save the hours</SubmitButton>
      <Status message={saved} />
    </form>
  );
}
