import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { requestInputSchema } from '../../../src/requests/input.ts';
import { api } from '../api/client.ts';
import { FormProblem, SelectField, SubmitButton, TextAreaField, TextField } from '../app/forms.tsx';
import { t as common } from '../app/messages.ts';
import { Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { AttachmentsField, attachmentsProblem, uploads } from './AttachmentsField.tsx';
import { formatMinutes, requestSeverities, severityLabel, type RequestSeverity } from './labels.ts';
import { t } from './messages.ts';

const fields = ['subject', 'details', 'severity', 'attachments'];

/** A sponsor's representative asks a question or reports an incident for their organization. */
export function NewRequest() {
  const user = useUser();
  const [, navigate] = useLocation();
  // The route's own schema checks the form first: its errors, in its words, beside the fields.
  const form = useZodForm(requestInputSchema);
  const [subject, setSubject] = useState('');
  const [details, setDetails] = useState('');
  const [severity, setSeverity] = useState<RequestSeverity>('normal');
  const [files, setFiles] = useState<File[]>([]);
  // The month's hours say whether an agreement is in force (the server records it).
  const list = useQuery(user.can.openRequests ? '/api/requests' : null);
  const hours = list.data?.expertHours;
  const attachmentError =
    form.error('attachments') ??
    Object.entries(form.problem?.fieldErrors ?? {}).find(([k]) =>
      k.startsWith('attachments.'),
    )?.[1];

  const onSubmit = form.submitValid(
    () => ({ subject, details, severity }),
    async (input) => {
      const created = await api.post('/api/requests', {
        body: { ...input, ...(files.length > 0 ? { attachments: await uploads(files) } : {}) },
      });
      navigate(`/requests/${created.id}`);
    },
    // The files are read only once the rest is valid; their number, type and size are the
    // form's to check, beside the schema's issues.
    (): Record<string, string> => {
      const problem = attachmentsProblem(files);
      return problem ? { attachments: problem } : {};
    },
  );

  if (!user.can.openRequests)
    return (
      <Page title={t('form.title')}>
        <p className="notice">{t('list.cannotOpen')}</p>
        <p>
          <Link href="/requests">{t('page.back')}</Link>
        </p>
      </Page>
    );
  return (
    <Page title={t('form.title')}>
      <p className="lead">{t('form.intro')}</p>
      {hours ? (
        <p className="notice">
          {hours.entitledMinutes === null
            ? t('form.noAgreement')
            : t('form.agreementInForce', { hours: formatMinutes(hours.entitledMinutes) })}
        </p>
      ) : null}
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem
          problem={form.problem}
          fields={[...fields, ...files.map((_, i) => `attachments.${i}.base64`)]}
        />
        <TextField
          label={t('form.subject')}
          hint={t('form.subjectHint')}
          value={subject}
          onChange={setSubject}
          required
          maxLength={200}
          error={form.error('subject')}
        />
        <TextAreaField
          label={t('form.details')}
          hint={t('form.detailsHint')}
          value={details}
          onChange={setDetails}
          required
          rows={8}
          error={form.error('details')}
        />
        <SelectField
          label={t('form.severity')}
          hint={t(`severityHint.${severity}`)}
          value={severity}
          onChange={(v) => setSeverity(v as RequestSeverity)}
          options={requestSeverities.map((s) => ({ value: s, label: severityLabel(s) }))}
          error={form.error('severity')}
        />
        <AttachmentsField files={files} onChange={setFiles} error={attachmentError} />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('form.submit')}</SubmitButton>
          <Link href="/requests">{common('form.cancel')}</Link>
        </div>
      </form>
    </Page>
  );
}
