import { useState } from 'react';
import { api, asEntered } from '../api/client.ts';
import { localProblem } from '../app/api.ts';
import {
  FormProblem,
  NumberField,
  SelectField,
  Status,
  SubmitButton,
  TextField,
  useForm,
} from '../app/forms.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';

import { hours as formatHours } from './labels.ts';
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
      <h2 id="hours-heading">Hackers’ hours</h2>
      <p className="muted">
        The hours the hackers give this cycle add up to its capacity, which the pie divides between
        the slices.
      </p>
      {availability.length === 0 ? (
        <p className="muted">No hacker has given hours yet.</p>
      ) : (
        <table className="hours-table">
          <caption className="visually-hidden">Hours given per hacker</caption>
          <thead>
            <tr>
              <th scope="col">Hacker</th>
              <th scope="col" className="num">
                Hours
              </th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {availability.map((a) => (
              <tr key={a.personId}>
                <th scope="row">
                  {a.displayName}
                  {a.personId === user.personId ? <span className="muted"> (you)</span> : null}
                </th>
                <td className="num">{formatHours(a.hours)}</td>
                <td>{a.note || <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Capacity</th>
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
  const form = useForm();
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

  const onSubmit = form.submit(async () => {
    setMessage(null);
    if (!personId) throw localProblem('Please choose a hacker.', { personId: 'choose a hacker' });
    await api.post('/api/cycles/{id}/availability/{personId}', {
      params: { path: { id: cycleId, personId } },
      body: asEntered({ hours: hoursValue === '' ? undefined : hoursValue, note: note.trim() }),
    });
    const who =
      personId === user.personId
        ? 'Your hours are'
        : `${hackers.data?.members.find((m) => m.personId === personId)?.displayName ?? 'The hacker'}’s hours are`;
    setMessage(`${who} saved: ${hoursValue || 0} hours.`);
    onSaved();
  });

  const hackerOptions = [
    ...(personId === '' ? [{ value: '', label: 'Choose a hacker…' }] : []),
    ...(hackers.data?.members ?? [])
      .filter((m) => m.memberClass === 'hacker')
      .map((m) => ({
        value: m.personId,
        label: m.personId === user.personId ? `${m.displayName} (you)` : m.displayName,
      })),
  ];
  if (ownHacker && !hackerOptions.some((o) => o.value === user.personId))
    hackerOptions.unshift({ value: user.personId, label: `${user.displayName} (you)` });

  return (
    <form
      ref={form.formRef}
      onSubmit={onSubmit}
      noValidate
      className="form inline-form"
      aria-labelledby="hours-form-heading"
    >
      <h3 id="hours-form-heading">
        {canChooseHacker ? 'Set a hacker’s hours' : 'Your hours for this cycle'}
      </h3>
      <FormProblem problem={form.problem} fields={['personId', 'hours', 'note']} />
      <div className="field-row">
        {canChooseHacker ? (
          <SelectField
            label="Hacker"
            value={personId}
            onChange={choose}
            options={hackerOptions}
            className="grow"
            error={form.error('personId')}
          />
        ) : null}
        <NumberField
          label={personId === user.personId ? 'Your hours' : 'Hours'}
          value={hoursValue}
          onChange={setHoursValue}
          min={0}
          max={2000}
          required
          className="narrow"
          error={form.error('hours')}
        />
        <TextField
          label="Note (optional)"
          hint="Such as “part time in March”."
          value={note}
          onChange={setNote}
          autoComplete="off"
          className="grow"
          error={form.error('note')}
        />
      </div>
      <div className="form-actions">
        <SubmitButton busy={form.busy}>Save hours</SubmitButton>
      </div>
      <Status message={message} />
    </form>
  );
}
