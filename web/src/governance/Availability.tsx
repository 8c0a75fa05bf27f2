import { useState } from 'react';
import { api } from '../api/client.ts';
import {
  FormProblem,
  NumberField,
  SelectField,
  Status,
  SubmitButton,
  TextField,
} from '../app/forms.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { availabilityInputSchema } from '../../../src/governance/availabilityInput.ts';
import { hours as formatHours } from './labels.ts';
import { t } from './messages.ts';
import type { Availability } from '../api/types.ts';

/**
 * The hours each hacker gives the cycle: their sum is the capacity the pie divides. A hacker
 * sets their own; administrators and officers may set any hacker's.
 */
export function AvailabilityTable({
  cycleId,
  availability,
  capacity,
  editable,
  onChange,
}: {
  cycleId: string;
  availability: Availability[];
  capacity: number;
  /** Hours can be given while the cycle is proposing or voting. */
  editable: boolean;
  onChange: () => void;
}) {
  const user = useUser();
  const isHacker = user.can.setOwnAvailability;
  const manager = user.can.setOthersAvailability;
  return (
    <section aria-labelledby="hours-heading" className="card">
      <h2 id="hours-heading">{t('availability.title')}</h2>
      <p className="muted">{t('availability.intro')}</p>
      {availability.length === 0 ? (
        <p className="muted">{t('availability.none')}</p>
      ) : (
        <table className="hours-table">
          <caption className="visually-hidden">{t('availability.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('availability.hacker')}</th>
              <th scope="col" className="num">
                {t('availability.hours')}
              </th>
              <th scope="col">{t('availability.note')}</th>
            </tr>
          </thead>
          <tbody>
            {availability.map((a) => (
              <tr key={a.personId}>
                <th scope="row">
                  {a.displayName}
                  {a.personId === user.personId ? (
                    <span className="muted">{t('availability.you')}</span>
                  ) : null}
                </th>
                <td className="num">{formatHours(a.hours)}</td>
                <td>{a.note || <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('availability.capacity')}</th>
              <td className="num">
                <strong>{formatHours(capacity)}</strong>
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      {editable && (isHacker || manager) ? (
        <HoursForm
          cycleId={cycleId}
          availability={availability}
          canChooseHacker={manager}
          ownHacker={isHacker}
          onSaved={onChange}
        />
      ) : null}
    </section>
  );
}

function HoursForm({
  cycleId,
  availability,
  canChooseHacker,
  ownHacker,
  onSaved,
}: {
  cycleId: string;
  availability: Availability[];
  canChooseHacker: boolean;
  ownHacker: boolean;
  onSaved: () => void;
}) {
  const user = useUser();
  const hackers = useQuery(canChooseHacker ? '/api/members' : null, {
    params: { query: { class: 'hacker', status: 'active', limit: 500 } },
  });
  const form = useZodForm(availabilityInputSchema);
  const [personId, setPersonId] = useState(ownHacker ? user.personId : '');
  const given = availability.find((a) => a.personId === personId);
  const [hoursValue, setHoursValue] = useState<number | ''>(given?.hours ?? '');
  const [note, setNote] = useState(given?.note ?? '');
  const [message, setMessage] = useState<string | null>(null);

  const choose = (id: string) => {
    setPersonId(id);
    const row = availability.find((a) => a.personId === id);
    setHoursValue(row?.hours ?? '');
    setNote(row?.note ?? '');
  };

  // The hacker is the route's path, not its body: choosing one is the form's own check.
  const localChecks = (): Record<string, string> =>
    personId ? {} : { personId: t('availability.chooseHackerField') };
  // Hours left empty are missing, as the route words it ("required").
  const values = () => {
    setMessage(null);
    return { hours: hoursValue === '' ? undefined : hoursValue, note: note.trim() };
  };
  const onSubmit = form.submitValid(
    values,
    async (input) => {
      await api.post('/api/cycles/{id}/availability/{personId}', {
        params: { path: { id: cycleId, personId } },
        body: input,
      });
      setMessage(
        personId === user.personId
          ? t('availability.yoursSaved', { hours: input.hours })
          : t('availability.theirsSaved', {
              hours: input.hours,
              name:
                hackers.data?.members.find((m) => m.personId === personId)?.displayName ??
                t('availability.theHacker'),
            }),
      );
      onSaved();
    },
    localChecks,
  );

  const hackerOptions = [
    ...(personId === '' ? [{ value: '', label: t('availability.chooseOption') }] : []),
    ...(hackers.data?.members ?? [])
      .filter((m) => m.memberClass === 'hacker')
      .map((m) => ({
        value: m.personId,
        label:
          m.personId === user.personId
            ? t('availability.nameYou', { name: m.displayName })
            : m.displayName,
      })),
  ];
  if (ownHacker && !hackerOptions.some((o) => o.value === user.personId))
    hackerOptions.unshift({
      value: user.personId,
      label: t('availability.nameYou', { name: user.displayName }),
    });

  return (
    <form
      ref={form.formRef}
      onSubmit={onSubmit}
      noValidate
      className="form inline-form"
      aria-labelledby="hours-form-heading"
    >
      <h3 id="hours-form-heading">
        {canChooseHacker ? t('availability.setHeading') : t('availability.yourHeading')}
      </h3>
      <FormProblem problem={form.problem} fields={['personId', 'hours', 'note']} />
      <div className="field-row">
        {canChooseHacker ? (
          <SelectField
            label={t('availability.hacker')}
            value={personId}
            onChange={choose}
            options={hackerOptions}
            className="grow"
            error={form.error('personId')}
          />
        ) : null}
        <NumberField
          label={personId === user.personId ? t('availability.yourHours') : t('availability.hours')}
          value={hoursValue}
          onChange={setHoursValue}
          min={0}
          max={2000}
          required
          className="narrow"
          error={form.error('hours')}
        />
        <TextField
          label={t('availability.noteField')}
          hint={t('availability.noteHint')}
          value={note}
          onChange={setNote}
          autoComplete="off"
          className="grow"
          error={form.error('note')}
        />
      </div>
      <div className="form-actions">
        <SubmitButton busy={form.busy} className="button">
          {t('availability.submit')}
        </SubmitButton>
      </div>
      <Status message={message} />
    </form>
  );
}
