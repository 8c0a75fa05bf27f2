import { useState } from 'react';
import {
  labourReasonInputSchema,
  sponsorLabourInputSchema,
} from '../../../src/governance/labourInput.ts';
import { api } from '../api/client.ts';
import type { Schemas } from '../api/client.ts';
import { formatDate } from '../app/format.ts';
import {
  FormProblem,
  NumberField,
  SelectField,
  Status,
  SubmitButton,
  TextField,
} from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { hours as formatHours, toDateInput } from './labels.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

type Labour = Schemas['SponsorLabour'];

/**
 * Sponsors' labour: a sponsor's engineers log the hours they gave co-op work items, a hacker or
 * officer confirms them, and confirmed hours count as funding (the vote weight, the patronage).
 */
export function LabourPage() {
  const user = useUser();
  const list = useQuery('/api/sponsor-labour');
  const entries = list.data?.labour ?? [];
  const deciding = user.can.decideSponsorLabour;
  const waiting = entries.filter((e) => e.status === 'logged');
  // Kept here, not in a table: the last waiting row's table goes away with the decision.
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string) => {
    setMessage(text);
    list.reload();
  };
  return (
    <Page title={t('labour.title')}>
      <p className="lead">{t('labour.lead')}</p>
      {user.can.logOwnLabour ? <LogLabourForm onSaved={list.reload} /> : null}
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && deciding ? (
        <section aria-labelledby="labour-waiting" className="card">
          <h2 id="labour-waiting">{t('labour.waiting')}</h2>
          {waiting.length === 0 ? (
            <p className="muted">{t('labour.nothingWaiting')}</p>
          ) : (
            <LabourTable
              caption={t('labour.waitingCaption')}
              rows={waiting}
              actions="decide"
              selfId={user.personId}
              onDone={done}
            />
          )}
          <Status message={message} />
        </section>
      ) : null}
      {list.data ? (
        <section aria-labelledby="labour-all" className="card">
          <h2 id="labour-all">{deciding ? t('labour.allHeading') : t('labour.ownHeading')}</h2>
          {entries.length === 0 ? (
            <p className="muted">{t('labour.none')}</p>
          ) : (
            <LabourTable
              caption={t('labour.allCaption')}
              rows={entries}
              actions={deciding ? 'reverse' : 'none'}
              selfId={user.personId}
              onDone={done}
            />
          )}
        </section>
      ) : null}
    </Page>
  );
}

function LogLabourForm({ onSaved }: { onSaved: () => void }) {
  const form = useZodForm(sponsorLabourInputSchema);
  const items = useQuery('/api/work-items');
  const open = (items.data?.items ?? []).filter((i) =>
    ['proposed', 'planned', 'in-progress'].includes(i.status),
  );
  const [workItemId, setWorkItemId] = useState('');
  const [workedOn, setWorkedOn] = useState(() => toDateInput(new Date()));
  const [hours, setHours] = useState<number | ''>('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const onSubmit = form.submitValid(
    // An item not chosen and hours left empty are missing, as the route words them ("required").
    () => ({
      workItemId: workItemId || undefined,
      workedOn,
      hours: hours === '' ? undefined : hours,
      note,
    }),
    async (input) => {
      setMessage(null);
      await api.post('/api/sponsor-labour', { body: input });
      const title = open.find((i) => i.id === input.workItemId)?.title ?? '';
      setMessage(t('labour.logged', { hours: formatHours(input.hours), item: title }));
      setHours('');
      setNote('');
      onSaved();
    },
  );

  return (
    <section aria-labelledby="labour-log" className="card">
      <h2 id="labour-log">{t('labour.logHeading')}</h2>
      <p className="muted">{t('labour.logHint')}</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={['workItemId', 'workedOn', 'hours', 'note']} />
        <div className="field-row">
          <SelectField
            label={t('labour.item')}
            value={workItemId}
            onChange={setWorkItemId}
            options={[
              { value: '', label: t('labour.chooseItem') },
              ...open.map((i) => ({ value: i.id, label: i.title })),
            ]}
            className="grow"
            error={form.error('workItemId')}
          />
          <DateField
            label={t('labour.workedOn')}
            value={workedOn}
            onChange={setWorkedOn}
            error={form.error('workedOn')}
          />
          <NumberField
            label={t('labour.hours')}
            hint={t('labour.hoursHint')}
            value={hours}
            onChange={setHours}
            min={1}
            max={24}
            className="narrow"
            error={form.error('hours')}
          />
        </div>
        <TextField
          label={t('labour.note')}
          value={note}
          onChange={setNote}
          error={form.error('note')}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('labour.logButton')}</SubmitButton>
        </div>
      </form>
      <Status message={message} />
    </section>
  );
}

function LabourTable({
  caption,
  rows,
  actions,
  selfId,
  onDone,
}: {
  caption: string;
  rows: Labour[];
  actions: 'decide' | 'reverse' | 'none';
  selfId: string | null | undefined;
  onDone: (message: string) => void;
}) {
  return (
    <table className="responsive-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('labour.item')}</th>
          <th scope="col">{t('labour.who')}</th>
          <th scope="col">{t('labour.workedOn')}</th>
          <th scope="col" className="num">
            {t('labour.hours')}
          </th>
          <th scope="col">{t('labour.status')}</th>
          {actions !== 'none' ? (
            <th scope="col">
              <span className="visually-hidden">{t('labour.actions')}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td data-label={t('labour.item')} className="cell-title">
              {row.workItemTitle}
              {row.note ? <span className="muted block">{row.note}</span> : null}
            </td>
            <td data-label={t('labour.who')}>
              {t('labour.whoValue', {
                person: row.personName,
                organization: row.organizationName,
              })}
            </td>
            <td data-label={t('labour.workedOn')}>{formatDate(row.workedOn)}</td>
            <td data-label={t('labour.hours')} className="num">
              {formatHours(row.hours)}
            </td>
            <td data-label={t('labour.status')}>
              <span className={`status labour-${row.status}`}>
                {t(`labour.statuses.${row.status}`)}
              </span>
              {row.reason ? <span className="muted block">{row.reason}</span> : null}
            </td>
            {actions !== 'none' ? (
              <td className="cell-actions">
                {actions === 'decide' && row.personId !== selfId ? (
                  <Decide row={row} onDone={onDone} />
                ) : null}
                {actions === 'reverse' && row.status === 'confirmed' ? (
                  <WithReason row={row} action="reverse" onDone={onDone} />
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Decide({ row, onDone }: { row: Labour; onDone: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await api.post('/api/sponsor-labour/{id}/confirm', { params: { path: { id: row.id } } });
      onDone(
        t('labour.confirmed', {
          hours: formatHours(row.hours),
          organization: row.organizationName,
        }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="form-actions">
      <button
        type="button"
        className="button small primary"
        aria-disabled={busy || undefined}
        onClick={() => void confirm()}
      >
        {t('labour.confirm')}
        <span className="visually-hidden">
          {t('labour.forWhom', { person: row.personName, item: row.workItemTitle })}
        </span>
      </button>
      <WithReason row={row} action="reject" onDone={onDone} />
    </div>
  );
}

/** Rejecting or reversing says why: the sponsor reads the reason beside its hours. */
function WithReason({
  row,
  action,
  onDone,
}: {
  row: Labour;
  action: 'reject' | 'reverse';
  onDone: (message: string) => void;
}) {
  const form = useZodForm(labourReasonInputSchema);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const onSubmit = form.submitValid(
    () => ({ reason }),
    async (input) => {
      await api.post(
        action === 'reject'
          ? '/api/sponsor-labour/{id}/reject'
          : '/api/sponsor-labour/{id}/reverse',
        { params: { path: { id: row.id } }, body: input },
      );
      setOpen(false);
      onDone(
        t(action === 'reject' ? 'labour.rejected' : 'labour.reversed', { item: row.workItemTitle }),
      );
    },
  );
  if (!open)
    return (
      <button type="button" className="button small" onClick={() => setOpen(true)}>
        {t(action === 'reject' ? 'labour.reject' : 'labour.reverse')}
        <span className="visually-hidden">
          {t('labour.forWhom', { person: row.personName, item: row.workItemTitle })}
        </span>
      </button>
    );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <FormProblem problem={form.problem} fields={['reason']} />
      <TextField
        label={t('labour.reason')}
        value={reason}
        onChange={setReason}
        error={form.error('reason')}
        autoFocus
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy}>
          {t(action === 'reject' ? 'labour.reject' : 'labour.reverse')}
        </SubmitButton>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('labour.cancel')}
        </button>
      </div>
    </form>
  );
}
