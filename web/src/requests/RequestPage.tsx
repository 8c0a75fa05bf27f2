import { useState } from 'react';
import { Link } from 'wouter';
import {
  replyInputSchema,
  statusNoteSchema,
  waitingInputSchema,
} from '../../../src/requests/threadInput.ts';
import { api, type Schemas } from '../api/client.ts';
import { formatDateTime } from '../app/format.ts';
import {
  FormProblem,
  NumberField,
  Status,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { kindLabel, startedByReopening, stateLabel } from '../servicelevels/labels.ts';
import { AttachmentsField, attachmentsProblem, uploads } from './AttachmentsField.tsx';
import { ExpertHoursCard } from './ExpertHoursCard.tsx';
import { fileSize, formatMinutes, severityLabel, statusLabel } from './labels.ts';
import { t } from './messages.ts';
import { useRequestClocks } from './useRequestClocks.ts';

type SponsorRequest = Schemas['SponsorRequest'];
type Attachment = Schemas['RequestAttachment'];
type Entry = SponsorRequest['thread'][number];

/**
 * One request: what was asked, the month's expert hours, the thread, and what the reader may
 * do next: the sponsor replies or reopens; hackers and officers reply with the minutes spent,
 * wait on the sponsor and resolve.
 */
export function RequestPage({ id }: { id: string }) {
  const user = useUser();
  const result = useQuery('/api/requests/{id}', { params: { path: { id } } });
  const r = result.data;
  const [message, setMessage] = useState('');
  const done = (text: string) => {
    setMessage(text);
    result.reload();
  };
  const coop = user.can.answerRequests;
  const sponsor = !!r && user.can.openRequests && user.organizationId === r.organizationId;
  return (
    <Page
      title={
        r ? t('page.title', { number: r.number, subject: r.subject }) : t('page.fallbackTitle')
      }
      actions={<Link href="/requests">{t('page.allRequests')}</Link>}
    >
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!r && !result.error ? <Loading /> : null}
      <Status message={message} />
      {r ? (
        <>
          {r.status === 'waiting-on-sponsor' && r.waitingReason ? (
            <p className="notice notice-warning">
              {sponsor
                ? t('page.waitingReason', { reason: r.waitingReason })
                : t('page.waitingReasonCoop', { reason: r.waitingReason })}
            </p>
          ) : null}
          <About request={r} />
          <ExpertHoursCard hours={r.expertHours} />
          <RequestClocks request={r} />
          <Thread request={r} coop={user.can.readAllRequests} />
          {r.status !== 'resolved' && (coop || sponsor) ? (
            <ReplyForm request={r} coop={coop} onDone={() => done(t('reply.sent'))} />
          ) : null}
          {coop && r.status === 'open' ? (
            <WaitingForm id={r.id} onDone={() => done(t('waiting.done'))} />
          ) : null}
          {coop && r.status !== 'resolved' ? (
            <ResolveForm id={r.id} onDone={() => done(t('resolve.done'))} />
          ) : null}
          {sponsor && r.status === 'resolved' ? (
            <>
              <p className="notice">{t('reply.resolvedNote')}</p>
              <ReopenForm id={r.id} onDone={() => done(t('reopen.done'))} />
            </>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

function AttachmentLinks({ requestId, files }: { requestId: string; files: Attachment[] }) {
  if (files.length === 0) return null;
  return (
    <ul className="attachment-list">
      {files.map((a) => (
        <li key={a.id}>
          <a href={`/api/requests/${requestId}/attachments/${a.id}`} download={a.name}>
            {t('page.download', { name: a.name, size: fileSize(a.size) })}
          </a>
        </li>
      ))}
    </ul>
  );
}

function About({ request: r }: { request: SponsorRequest }) {
  const user = useUser();
  const agreementLink = user.can.readAllAgreements || user.can.readOwnAgreements;
  // Attachments sent with a reply are listed with that reply; the rest came with the request.
  const inThread = new Set(r.thread.flatMap((e) => e.attachments.map((a) => a.id)));
  const own = r.attachments.filter((a) => !inThread.has(a.id));
  return (
    <section aria-labelledby="request-about" className="card request-about">
      <h2 id="request-about">{t('page.about')}</h2>
      <dl className="details">
        {user.can.readAllRequests ? (
          <>
            <dt>{t('page.organization')}</dt>
            <dd>{r.organizationName}</dd>
          </>
        ) : null}
        <dt>{t('page.status')}</dt>
        <dd>
          <span className={`status request-${r.status}`}>{statusLabel(r.status)}</span>
        </dd>
        <dt>{t('page.severity')}</dt>
        <dd>
          <span className={`status severity-${r.severity}`}>{severityLabel(r.severity)}</span>
        </dd>
        <dt>{t('page.openedBy')}</dt>
        <dd>
          {r.openedBy.displayName}, {formatDateTime(r.openedAt)}
        </dd>
        {r.resolvedAt && r.status === 'resolved' ? (
          <>
            <dt>{t('page.resolvedAt')}</dt>
            <dd>{formatDateTime(r.resolvedAt)}</dd>
          </>
        ) : null}
        <dt>{t('page.agreement')}</dt>
        <dd>
          {r.agreementId === null ? (
            t('page.noAgreement')
          ) : agreementLink ? (
            <Link href={`/agreements/${r.agreementId}`}>{t('page.viewAgreement')}</Link>
          ) : (
            '✓'
          )}
        </dd>
        <dt>{t('page.timeSpent')}</dt>
        <dd>{formatMinutes(r.minutesSpent)}</dd>
      </dl>
      <h3>{t('page.details')}</h3>
      <div className="request-text">{r.details}</div>
      {own.length > 0 ? (
        <>
          <h3>{t('page.attachments')}</h3>
          <AttachmentLinks requestId={r.id} files={own} />
        </>
      ) : null}
    </section>
  );
}

function RequestClocks({ request: r }: { request: SponsorRequest }) {
  const byRequest = useRequestClocks(r.organizationId);
  if (!byRequest) return null;
  const clocks = byRequest.get(r.id) ?? [];
  return (
    <section aria-labelledby="request-clocks" className="card">
      <h2 id="request-clocks">{t('page.clocks')}</h2>
      {clocks.length === 0 ? (
        <p className="muted">{t('page.clocksNone')}</p>
      ) : (
        <ul className="plain-list">
          {clocks.map((c) => (
            <li key={c.id}>
              <Link href={`/clocks/${c.id}`}>
                {startedByReopening(c)
                  ? t('page.clockLineReopened', {
                      kind: kindLabel(c.kind),
                      state: stateLabel(c.state),
                      when: formatDateTime(c.startedAt),
                    })
                  : t('page.clockLine', { kind: kindLabel(c.kind), state: stateLabel(c.state) })}
              </Link>
              {c.deadlineAt && (c.state === 'running' || c.state === 'paused') ? (
                <span className="muted">
                  {' '}
                  · {t('page.clockDeadline', { when: formatDateTime(c.deadlineAt) })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const entryTitle: Record<
  Entry['kind'],
  'entryReply' | 'entryWaiting' | 'entryResolved' | 'entryReopened'
> = {
  reply: 'entryReply',
  waiting: 'entryWaiting',
  resolved: 'entryResolved',
  reopened: 'entryReopened',
};

function Thread({ request: r, coop }: { request: SponsorRequest; coop: boolean }) {
  return (
    <section aria-labelledby="request-thread" className="card">
      <h2 id="request-thread">{t('page.thread')}</h2>
      {r.thread.length === 0 ? (
        <p className="muted">{coop ? t('page.threadEmptyCoop') : t('page.threadEmpty')}</p>
      ) : (
        <ol className="request-thread">
          {r.thread.map((entry) => (
            <li key={entry.id} className={`request-entry side-${entry.side} kind-${entry.kind}`}>
              <p className="request-entry-head">
                <strong>
                  {t(`page.${entryTitle[entry.kind]}`, { name: entry.author.displayName })}
                </strong>{' '}
                <span className="badge">{t(`page.side.${entry.side}`)}</span>{' '}
                <span className="muted">{formatDateTime(entry.createdAt)}</span>
                {entry.minutesSpent !== null ? (
                  <span className="request-entry-time">
                    {' '}
                    · {t('page.spent', { time: formatMinutes(entry.minutesSpent) })}
                  </span>
                ) : null}
              </p>
              {entry.body ? <div className="request-text">{entry.body}</div> : null}
              <AttachmentLinks requestId={r.id} files={entry.attachments} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ReplyForm({
  request: r,
  coop,
  onDone,
}: {
  request: SponsorRequest;
  coop: boolean;
  onDone: () => void;
}) {
  // The route's own schema checks the reply first: its errors, in its words, beside the fields.
  const form = useZodForm(replyInputSchema);
  const [body, setBody] = useState('');
  const [minutes, setMinutes] = useState<number | ''>('');
  const [files, setFiles] = useState<File[]>([]);
  const attachmentError =
    form.error('attachments') ??
    Object.entries(form.problem?.fieldErrors ?? {}).find(([k]) =>
      k.startsWith('attachments.'),
    )?.[1];
  const onSubmit = form.submitValid(
    () => ({ body, ...(coop ? { minutesSpent: minutes === '' ? 0 : minutes } : {}) }),
    async (input) => {
      await api.post('/api/requests/{id}/replies', {
        params: { path: { id: r.id } },
        body: { ...input, ...(files.length > 0 ? { attachments: await uploads(files) } : {}) },
      });
      setBody('');
      setMinutes('');
      setFiles([]);
      onDone();
    },
    // The files are read only once the rest is valid; their number, type and size are the
    // form's to check, beside the schema's issues.
    (): Record<string, string> => {
      const problem = attachmentsProblem(files);
      return problem ? { attachments: problem } : {};
    },
  );
  return (
    <section aria-labelledby="request-reply" className="card">
      <h2 id="request-reply">{t('reply.title')}</h2>
      {!coop && r.status === 'waiting-on-sponsor' ? (
        <p className="hint">{t('reply.sponsorWaiting')}</p>
      ) : null}
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem
          problem={form.problem}
          fields={[
            'body',
            'minutesSpent',
            'attachments',
            ...files.map((_, i) => `attachments.${i}.base64`),
          ]}
        />
        <TextAreaField
          label={t('reply.body')}
          hint={t('reply.bodyHint')}
          value={body}
          onChange={setBody}
          rows={6}
          required
          error={form.error('body')}
        />
        {coop ? (
          <NumberField
            label={t('reply.minutes')}
            hint={t('reply.minutesHint')}
            value={minutes}
            onChange={setMinutes}
            min={0}
            className="narrow"
            error={form.error('minutesSpent')}
          />
        ) : null}
        <AttachmentsField files={files} onChange={setFiles} error={attachmentError} />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('reply.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

function WaitingForm({ id, onDone }: { id: string; onDone: () => void }) {
  const form = useZodForm(waitingInputSchema);
  const [reason, setReason] = useState('');
  const onSubmit = form.submitValid(
    () => ({ reason }),
    async (input) => {
      await api.post('/api/requests/{id}/waiting', { params: { path: { id } }, body: input });
      setReason('');
      onDone();
    },
  );
  return (
    <section aria-labelledby="request-waiting" className="card">
      <h2 id="request-waiting">{t('waiting.title')}</h2>
      <p className="hint">{t('waiting.hint')}</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={['reason']} />
        <TextField
          label={t('waiting.reason')}
          value={reason}
          onChange={setReason}
          required
          error={form.error('reason')}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy} className="button">
            {t('waiting.submit')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

/** Resolving and reopening: a status change with an optional note. */
function NoteForm({
  id,
  path,
  words,
  onDone,
}: {
  id: string;
  path: '/api/requests/{id}/resolve' | '/api/requests/{id}/reopen';
  words: 'resolve' | 'reopen';
  onDone: () => void;
}) {
  const form = useZodForm(statusNoteSchema);
  const [note, setNote] = useState('');
  const onSubmit = form.submitValid(
    // An empty note is none at all.
    () => (note.trim() ? { note } : {}),
    async (input) => {
      await api.post(path, { params: { path: { id } }, body: input });
      setNote('');
      onDone();
    },
  );
  return (
    <section aria-labelledby={`request-${words}`} className="card">
      <h2 id={`request-${words}`}>{t(`${words}.title`)}</h2>
      <p className="hint">{t(`${words}.hint`)}</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={['note']} />
        <TextField
          label={t(`${words}.note`)}
          value={note}
          onChange={setNote}
          error={form.error('note')}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy} className="button">
            {t(`${words}.submit`)}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

const ResolveForm = ({ id, onDone }: { id: string; onDone: () => void }) => (
  <NoteForm id={id} path="/api/requests/{id}/resolve" words="resolve" onDone={onDone} />
);
const ReopenForm = ({ id, onDone }: { id: string; onDone: () => void }) => (
  <NoteForm id={id} path="/api/requests/{id}/reopen" words="reopen" onDone={onDone} />
);
