import { useState } from 'react';
import { api } from '../api/client.ts';
import { describeKey, Field, SubmitButton, TextAreaField, useForm } from '../app/forms.tsx';
import type { MemberImportResult as ImportResult } from '../api/types.ts';

const example = `email,name,class,organization
ada@example.org,Ada Lovelace,hacker,
grace@example.com,Grace Hopper,sponsor,Example Corp`;

/** CSV import (administrators): all lines or none; every bad line is listed. */
export function ImportMembers() {
  const form = useForm();
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);

  const onSubmit = form.submit(async () => {
    setResult(null);
    setResult(await api.post('/api/members/import', { body: { csv } }));
    setCsv('');
    setFileNote(null);
  });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setCsv(await file.text());
    setFileNote(`Loaded ${file.name} into the box below; check it, then import.`);
  };

  const lineErrors = (form.problem?.problem.errors ?? []).filter((e) =>
    e.pointer.startsWith('/lines/'),
  );
  const csvError = form.problem
    ? lineErrors.length > 0
      ? `${lineErrors.length} problem${lineErrors.length === 1 ? '' : 's'} in the file; nothing was imported.`
      : form.error('csv')
    : undefined;

  return (
    <section aria-labelledby="import-heading" className="card">
      <h2 id="import-heading">Import members from CSV</h2>
      <p className="muted">
        One member per line with the columns <code>email</code>, <code>name</code>,{' '}
        <code>class</code> (hacker, sponsor or community) and optionally <code>organization</code>{' '}
        (created if new). Members already known by email are left unchanged. If any line is wrong,
        nothing is imported.
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        {form.problem ? (
          <div className="form-problem" role="alert" tabIndex={-1}>
            {lineErrors.length > 0 ? (
              <>
                <p>
                  <strong>Nothing was imported.</strong> Correct these lines and try again:
                </p>
                <ul className="line-errors">
                  {lineErrors.map((e, i) => (
                    <li key={`${e.pointer}-${i}`}>
                      {describeKey(e.pointer.slice(1).replace(/\//g, '.'))}: {e.message}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{form.problem.problem.detail}</p>
            )}
          </div>
        ) : null}
        <Field label="CSV file (optional)" hint="Or paste the lines into the box below.">
          {(props) => (
            <input
              {...props}
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={(e) => void onFile(e.target.files?.[0])}
            />
          )}
        </Field>
        {fileNote ? <p className="hint">{fileNote}</p> : null}
        <TextAreaField
          label="CSV lines"
          hint={`The first line names the columns, for example: ${example.split('\n')[0]}`}
          value={csv}
          onChange={setCsv}
          rows={8}
          spellCheck={false}
          className="mono"
          placeholder={example}
          required
          error={csvError}
        />
        <p className="hint">
          Each new member is mailed a one-time registration code to sign in with; without a mail
          server the codes are held in the outbox.
        </p>
        <div className="form-actions">
          <SubmitButton busy={form.busy}>Import</SubmitButton>
        </div>
      </form>
      <div role="status">
        {result ? (
          <div className="notice notice-success">
            <p>
              <strong>
                Imported {result.created.length} new member{result.created.length === 1 ? '' : 's'}
              </strong>
              {result.unchanged.length > 0 ? `; ${result.unchanged.length} already known` : ''}
              {result.organizationsCreated.length > 0
                ? `; created ${result.organizationsCreated.length} organization${result.organizationsCreated.length === 1 ? '' : 's'} (${result.organizationsCreated.join(', ')})`
                : ''}
              . {result.codesMailed ? 'Registration codes were mailed.' : 'No codes were mailed.'}
            </p>
            {result.created.length > 0 ? (
              <details>
                <summary>New members</summary>
                <ul className="plain-list">
                  {result.created.map((c) => (
                    <li key={c.email}>
                      {c.name} <span className="muted">({c.email})</span>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
