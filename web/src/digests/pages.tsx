import { Newspaper } from 'lucide-react';
import { useState } from 'react';
import { EmptyState } from '../app/EmptyState.tsx';
import { Link, useLocation } from 'wouter';
import { digestFrequencies as frequencies } from '../../../src/digests/frequencies.ts';
import { digestNoteSchema } from '../../../src/digests/noteInput.ts';
import { prepareDigestInputSchema } from '../../../src/digests/prepareInput.ts';
import { api } from '../api/client.ts';
import { ConfirmAction } from '../app/ConfirmAction.tsx';
import { formatDate, formatDateTime } from '../app/format.ts';
import { FormProblem, SelectField, Status, SubmitButton, TextAreaField } from '../app/forms.tsx';
import { LoadError, Loading, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

export const period = (d: { from: string; to: string }) =>
  t('period', { from: formatDate(d.from), to: formatDate(d.to) });

/** Officers: every sponsor's digests, latest period first, and one prepared on demand. */
export function SponsorDigests() {
  const result = useQuery('/api/sponsor-digests');
  const digests = result.data?.digests;
  return (
    <Page title={t('list.title')}>
      <p>{t('list.intro')}</p>
      <PrepareForm />
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!digests && !result.error ? <Loading /> : null}
      {digests?.length === 0 ? (
        <EmptyState title={t('list.none')} next={t('list.noneNext')} icon={Newspaper} />
      ) : null}
      {digests && digests.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.sponsor')}</th>
              <th scope="col">{t('list.period')}</th>
              <th scope="col">{t('list.frequency')}</th>
              <th scope="col">{t('list.state')}</th>
              <th scope="col">{t('list.sent')}</th>
            </tr>
          </thead>
          <tbody>
            {digests.map((d) => (
              <tr key={d.id}>
                <td data-label={t('list.sponsor')}>
                  <Link
                    href={`/digests/${d.id}`}
                    aria-label={t('list.open', {
                      organization: d.organizationName,
                      period: period(d),
                    })}
                  >
                    {d.organizationName}
                  </Link>
                </td>
                <td data-label={t('list.period')}>{period(d)}</td>
                <td data-label={t('list.frequency')}>{t(`frequency.${d.frequency}`)}</td>
                <td data-label={t('list.state')}>{t(`state.${d.state}`)}</td>
                <td data-label={t('list.sent')}>
                  {d.sentAt ? `${formatDateTime(d.sentAt)}, ${d.sentByName ?? ''}` : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}

function PrepareForm() {
  const form = useZodForm(prepareDigestInputSchema);
  const [, navigate] = useLocation();
  const organizations = useQuery('/api/organizations');
  const [organizationId, setOrganizationId] = useState('');
  const [frequency, setFrequency] = useState('');
  const [day, setDay] = useState('');
  // No sponsor chosen goes out as missing ("required"); a frequency or a day left empty is the
  // tier's and the latest period's.
  const onSubmit = form.submitValid(
    () => ({
      organizationId: organizationId || undefined,
      frequency: frequency || undefined,
      day: day || undefined,
    }),
    async (body) => {
      const made = await api.post('/api/sponsor-digests', { body });
      navigate(`/digests/${made.id}`);
    },
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form card">
      <h2>{t('prepare.heading')}</h2>
      <FormProblem problem={form.problem} fields={Object.keys(form.problem?.fieldErrors ?? {})} />
      <SelectField
        label={t('prepare.sponsor')}
        value={organizationId}
        onChange={setOrganizationId}
        error={form.error('organizationId')}
        options={[
          { value: '', label: t('prepare.choose') },
          ...(organizations.data?.organizations ?? []).map((o) => ({
            value: o.id,
            label: o.displayName,
          })),
        ]}
      />
      <SelectField
        label={t('prepare.frequency')}
        value={frequency}
        onChange={setFrequency}
        error={form.error('frequency')}
        options={[
          { value: '', label: t('prepare.asTier') },
          ...frequencies.map((f) => ({ value: f, label: t(`frequency.${f}`) })),
        ]}
      />
      <DateField
        label={t('prepare.day')}
        hint={t('prepare.dayHint')}
        value={day}
        onChange={setDay}
        error={form.error('day')}
      />
      <SubmitButton busy={form.busy}>{t('prepare.submit')}</SubmitButton>
    </form>
  );
}

/** One digest: the preview as the sponsor reads it, the note, and sending it. */
export function SponsorDigestPage({ id }: { id: string }) {
  const [locale, setLocale] = useState<'en' | 'de' | ''>('');
  const result = useQuery('/api/sponsor-digests/{id}', {
    params: { path: { id }, query: locale ? { locale } : {} },
  });
  const list = useQuery('/api/sponsor-digests');
  const d = result.data;
  const organizationName = list.data?.digests.find((x) => x.id === id)?.organizationName ?? '';
  return (
    <Page title={t('preview.title', { organization: organizationName })}>
      <p>
        <Link href="/digests">{t('preview.back')}</Link>
      </p>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!d && !result.error ? <Loading /> : null}
      {d ? (
        <>
          <dl className="details card">
            <dt>{t('preview.period')}</dt>
            <dd>
              {period(d)} ({t(`frequency.${d.frequency}`)})
            </dd>
            <dt>{t('preview.state')}</dt>
            <dd>
              {t(`state.${d.state}`)}
              {d.sentAt ? `, ${formatDateTime(d.sentAt)}` : ''}
            </dd>
            <dt>{t('preview.hash')}</dt>
            <dd className="hash">{d.contentHash}</dd>
            {d.state === 'sent' ? (
              <>
                <dt>{t('preview.mailedTo')}</dt>
                <dd>
                  {d.mailedTo.length === 0
                    ? t('preview.notMailed')
                    : d.mailedTo.map((m) => m.email).join(', ')}
                </dd>
              </>
            ) : null}
          </dl>
          {d.state === 'prepared' ? (
            <>
              <NoteForm key={d.id} id={d.id} note={d.note} onSaved={result.reload} />
              <ConfirmAction
                trigger={t('send.trigger')}
                title={t('send.title', { organization: organizationName })}
                confirm={t('send.confirm')}
                warnings={[t('send.fixed')]}
                onConfirm={async () => {
                  await api.post('/api/sponsor-digests/{id}/send', {
                    params: { path: { id: d.id } },
                  });
                  result.reload();
                  list.reload();
                  return t('send.done');
                }}
              >
                <p>{t('send.body')}</p>
              </ConfirmAction>
            </>
          ) : null}
          <DigestPreview
            id={d.id}
            html={d.html}
            subject={d.subject}
            locale={locale || d.locale}
            onLocale={setLocale}
          />
        </>
      ) : null}
    </Page>
  );
}

function NoteForm({ id, note, onSaved }: { id: string; note: string; onSaved: () => void }) {
  const form = useZodForm(digestNoteSchema);
  const [text, setText] = useState(note);
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = form.submitValid(
    () => ({ note: text }),
    async (input) => {
      setMessage(null);
      await api.patch('/api/sponsor-digests/{id}', { params: { path: { id } }, body: input });
      setMessage(t('note.saved'));
      onSaved();
    },
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form card">
      <FormProblem problem={form.problem} fields={Object.keys(form.problem?.fieldErrors ?? {})} />
      <TextAreaField
        label={t('note.label')}
        hint={t('note.hint')}
        value={text}
        onChange={setText}
        error={form.error('note')}
      />
      <SubmitButton busy={form.busy} className="button">
        {t('note.save')}
      </SubmitButton>
      <Status message={message} />
    </form>
  );
}

/** The mail's HTML in a sandboxed frame (no scripts, no same origin), and the PDF beside it. */
function DigestPreview({
  id,
  html,
  subject,
  locale,
  onLocale,
}: {
  id: string;
  html: string;
  subject: string;
  locale: 'en' | 'de';
  onLocale: (locale: 'en' | 'de') => void;
}) {
  return (
    <section aria-labelledby="digest-preview" className="card">
      <h2 id="digest-preview">{subject}</h2>
      <SelectField
        label={t('preview.language')}
        value={locale}
        onChange={(v) => onLocale(v === 'de' ? 'de' : 'en')}
        options={[
          { value: 'en', label: t('languages.en') },
          { value: 'de', label: t('languages.de') },
        ]}
      />
      <p>
        <a href={`/api/sponsor-digests/${id}/pdf?locale=${locale}`}>{t('preview.pdf')}</a>
      </p>
      <iframe
        className="digest-frame"
        title={t('preview.frame')}
        sandbox=""
        srcDoc={html}
        style={{ width: '100%', minHeight: '40rem', border: '1px solid #ccc', background: '#fff' }}
      />
    </section>
  );
}
