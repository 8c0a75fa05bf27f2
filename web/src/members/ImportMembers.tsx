import { useState } from 'react';
import { memberImportInputSchema } from '../../../src/members/importInput.ts';
import { api } from '../api/client.ts';
import { describeKey, Field, SubmitButton, TextAreaField } from '../app/forms.tsx';
import type { MemberImportResult as ImportResult } from '../api/types.ts';
import { fieldMessage } from '../app/problemMessages.ts';
import { useZodForm } from '../app/zodForm.ts';
import { t } from './messages.ts';

const example = `email,name,class,organization
ada@example.org,Ada Lovelace,hacker,
grace@example.com,Grace Hopper,sponsor,Example Corp`;
/** The columns' names, as the file spells them in any language. */
const columns = example.split('\n')[0]!.split(',');

/** CSV import (administrators): all lines or none; every bad line is listed. */
export function ImportMembers() {
  // The route's own schema checks the text first (none, or too much); its lines are the import
  // command's to check, each named by its line.
  const form = useZodForm(memberImportInputSchema);
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);

  const onSubmit = form.submitValid(
    () => {
      setResult(null);
      return { csv };
    },
    async (body) => {
      setResult(await api.post('/api/members/import', { body }));
      setCsv('');
      setFileNote(null);
    },
  );

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setCsv(await file.text());
    setFileNote(t('import.loaded', { file: file.name }));
  };

  const lineErrors = (form.problem?.problem.errors ?? []).filter((e) =>
    e.pointer.startsWith('/lines/'),
  );
  const csvError = form.problem
    ? lineErrors.length > 0
      ? t('import.problems', { count: lineErrors.length })
      : form.error('csv')
    : undefined;

  return (
    <section aria-labelledby="import-heading" className="card">
      <h2 id="import-heading">{t('import.title')}</h2>
      <p className="muted">
        {t('import.explainColumns')} <code>{columns[0]}</code>, <code>{columns[1]}</code>,{' '}
        <code>{columns[2]}</code> {t('import.explainClass')} <code>{columns[3]}</code>{' '}
        {t('import.explainRest')}
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        {form.problem ? (
          <div className="form-problem" role="alert" tabIndex={-1}>
            {lineErrors.length > 0 ? (
              <>
                <p>
                  <strong>{t('import.nothingImported')}</strong> {t('import.correct')}
                </p>
                <ul className="line-errors">
                  {lineErrors.map((e, i) => (
                    <li key={`${e.pointer}-${i}`}>
                      {describeKey(e.pointer.slice(1).replace(/\//g, '.'))}: {fieldMessage(e)}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{form.problem.message}</p>
            )}
          </div>
        ) : null}
        <Field label={t('import.file')} hint={t('import.fileHint')}>
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
          label={t('import.lines')}
          hint={t('import.linesHint', { example: example.split('\n')[0]! })}
          value={csv}
          onChange={setCsv}
          rows={8}
          spellCheck={false}
          className="mono"
          placeholder={example}
          required
          error={csvError}
        />
        <p className="hint">{t('import.codesHint')}</p>
        <div className="form-actions">
          <SubmitButton busy={form.busy} className="button">
            {t('import.submit')}
          </SubmitButton>
        </div>
      </form>
      <div role="status">
        {result ? (
          <div className="notice notice-success">
            <p>
              <strong>{t('import.imported', { count: result.created.length })}</strong>
              {result.unchanged.length > 0
                ? t('import.known', { count: result.unchanged.length })
                : null}
              {result.organizationsCreated.length > 0
                ? t('import.orgsCreated', {
                    count: result.organizationsCreated.length,
                    names: result.organizationsCreated.join(', '),
                  })
                : null}
              . {result.codesMailed ? t('import.codesMailed') : t('import.noCodes')}
            </p>
            {result.created.length > 0 ? (
              <details>
                <summary>{t('import.newMembers')}</summary>
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
