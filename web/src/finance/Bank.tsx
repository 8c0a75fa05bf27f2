import { useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api, type Schemas } from '../api/client.ts';
import { localProblem, type ApiError, compact, query } from '../app/api.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import {
  CheckboxField,
  Field,
  FormProblem,
  SelectField,
  Status,
  SubmitButton,
  TextField,
  useForm,
} from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { AccountPath } from './AccountPath.tsx';

import { BooksPage } from './BooksPage.tsx';
import { amountHint, formatDecimal, minorToDecimal, parseDecimal } from '../app/money.ts';
import type {
  BankLine,
  BankLineStatus,
  StatementImportResult as ImportResult,
  Statement,
} from '../api/types.ts';

const lineTabs: { status: BankLineStatus; label: string }[] = [
  { status: 'suggested', label: 'To review' },
  { status: 'unmatched', label: 'Unmatched' },
  { status: 'matched', label: 'Matched' },
  { status: 'ignored', label: 'Ignored' },
];

const checkLabels = {
  ok: 'Balances add up',
  mismatch: 'Balances do not add up',
  unknown: 'No opening stated',
};

/** Bank statements: import a file, review its lines against the books, see what came in. */
export function Bank() {
  const user = useUser();
  if (!user.can.readEntries)
    return (
      <BooksPage title="Bank">
        <p className="notice">
          Bank lines show every payment, pay included, so they are for the officers. The{' '}
          <Link href="/books/reports">reports</Link> show the totals.
        </p>
      </BooksPage>
    );
  return <BankPage />;
}

function BankPage() {
  const user = useUser();
  const keeper = user.can.keepBooks;
  const [params, setParams] = useSearchParams();
  const status = (params.get('lines') as BankLineStatus | null) ?? 'suggested';
  const statements = useQuery('/api/ledger/statements');
  const lines = useQuery('/api/ledger/bank-lines', {
    params: { query: compact({ status, limit: 200 }) },
  });
  const counts = (statements.data?.statements ?? []).reduce(
    (c, s) => ({
      suggested: c.suggested + s.lines.suggested,
      unmatched: c.unmatched + s.lines.unmatched,
      matched: c.matched + s.lines.matched,
      ignored: c.ignored + s.lines.ignored,
    }),
    { suggested: 0, unmatched: 0, matched: 0, ignored: 0 },
  );
  const [message, setMessage] = useState<string | null>(null);
  const refresh = (text?: string) => {
    if (text) setMessage(text);
    statements.reload();
    lines.reload();
  };

  return (
    <BooksPage title="Bank">
      {keeper ? <ImportStatement onImported={() => refresh()} /> : null}

      <section aria-labelledby="lines-heading" className="card">
        <h2 id="lines-heading">Bank lines</h2>
        <nav aria-label="Bank lines by status" className="tabs">
          <ul>
            {lineTabs.map((t) => (
              <li key={t.status}>
                <Link
                  href={`/books/bank${query({ lines: t.status })}`}
                  aria-current={t.status === status ? 'true' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    setMessage(null);
                    setParams({ lines: t.status });
                  }}
                >
                  {t.label} <span className="tab-count">({counts[t.status]})</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <Status message={message} />
        {lines.error ? <LoadError error={lines.error} retry={lines.reload} /> : null}
        {lines.loading && !lines.data ? <Loading /> : null}
        {lines.data && lines.data.lines.length === 0 ? (
          <p className="muted">
            {status === 'suggested' ? 'Nothing waits for review.' : 'No lines here.'}
          </p>
        ) : null}
        <ol className="bank-lines" aria-busy={lines.loading || undefined}>
          {(lines.data?.lines ?? []).map((line) => (
            <li key={line.id}>
              <BankLineCard line={line} keeper={keeper} onDone={refresh} />
            </li>
          ))}
        </ol>
      </section>

      <Statements data={statements.data?.statements} error={statements.error} />
    </BooksPage>
  );
}

type StatementCharset = NonNullable<Schemas['StatementImport']['charset']>;

/** The file's bytes as the bank wrote them: the server reads their character set. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function ImportStatement({ onImported }: { onImported: () => void }) {
  const accounts = useQuery('/api/ledger/accounts');
  const mappings = useQuery('/api/ledger/csv-mappings');
  const banks = (accounts.data?.accounts ?? []).filter(
    (a) => a.path === 'assets:bank' || a.path.startsWith('assets:bank:'),
  );
  const form = useForm();
  const [file, setFile] = useState<File | null>(null);
  const [account, setAccount] = useState('');
  const [mapping, setMapping] = useState('');
  const [charset, setCharset] = useState<StatementCharset | ''>('');
  const [acceptMismatch, setAcceptMismatch] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);

  const onSubmit = form.submit(async () => {
    setResult(null);
    if (!file) throw localProblem('Choose the file.', { file: 'choose the bank’s statement file' });
    const contentBase64 = await base64Of(file);
    try {
      const imported = await api.post('/api/ledger/statements', {
        body: {
          fileName: file.name,
          contentBase64,
          ...(charset ? { charset } : {}),
          ...(account ? { account } : {}),
          ...(mapping ? { mapping } : {}),
          acceptMismatch,
        },
      });
      setResult(imported);
      setMismatch(false);
      setAcceptMismatch(false);
      onImported();
    } catch (error) {
      // A statement whose own balances do not add up may still be taken in, flagged.
      if ((error as ApiError).status === 422) setMismatch(true);
      throw error;
    }
  });

  return (
    <section aria-labelledby="import-heading" className="card">
      <h2 id="import-heading">Import a statement</h2>
      <p className="muted">
        CAMT.053, MT940, OFX, or CSV with a saved column mapping. Lines already imported from an
        overlapping statement are skipped; each new line is matched against the books.
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem
          problem={form.problem}
          fields={[
            'file',
            'fileName',
            'content',
            'contentBase64',
            'charset',
            'account',
            'mapping',
            'format',
          ]}
        />
        <Field
          label="Statement file"
          error={form.error('file') ?? form.error('content') ?? form.error('fileName')}
        >
          {(props) => (
            <input
              {...props}
              type="file"
              accept=".xml,.sta,.940,.mt940,.txt,.ofx,.qfx,.csv"
              className="file-input"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setMismatch(false);
              }}
            />
          )}
        </Field>
        <div className="field-row">
          <SelectField
            label="Ledger account"
            hint="Remembered once a statement of the bank account is imported."
            value={account}
            onChange={setAccount}
            options={[
              { value: '', label: 'As before, or the mapping’s' },
              ...banks.map((a) => ({ value: a.path, label: `${a.code} ${a.path}` })),
            ]}
            className="grow"
            error={form.error('account')}
          />
          {(mappings.data?.mappings.length ?? 0) > 0 ? (
            <SelectField
              label="CSV mapping"
              value={mapping}
              onChange={setMapping}
              options={[
                { value: '', label: 'None (not a CSV file)' },
                ...(mappings.data?.mappings ?? []).map((m) => ({
                  value: m.name,
                  label: `${m.name} (${m.account})`,
                })),
              ]}
              error={form.error('mapping')}
            />
          ) : null}
          <SelectField
            label="Character set"
            hint="Only if names come out garbled."
            value={charset}
            onChange={(v) => setCharset(v as StatementCharset | '')}
            options={[
              { value: '', label: 'Automatic' },
              { value: 'utf-8', label: 'UTF-8' },
              { value: 'iso-8859-1', label: 'ISO 8859-1 (Latin-1)' },
              { value: 'windows-1252', label: 'Windows-1252 (“ANSI”)' },
              { value: 'cp850', label: 'DOS code page 850' },
              { value: 'cp437', label: 'DOS code page 437' },
            ]}
            error={form.error('charset')}
          />
        </div>
        {mismatch ? (
          <CheckboxField
            label="Import it anyway, flagged as not adding up"
            hint="Its lines are matched as usual; the statement keeps the figures that do not add up."
            checked={acceptMismatch}
            onChange={setAcceptMismatch}
          />
        ) : null}
        <div className="form-actions">
          <SubmitButton busy={form.busy}>Import the statement</SubmitButton>
        </div>
      </form>
      <div role="status" className={result ? 'import-result' : 'status-empty'}>
        {result ? (
          <>
            <p className="status-message">
              Imported {result.fileName} ({result.format.toUpperCase()}): {result.statements.length}{' '}
              statement{result.statements.length === 1 ? '' : 's'}.
            </p>
            <ul className="plain-list">
              {result.statements.map((s) => (
                <li key={s.id}>
                  <strong>
                    <AccountPath path={s.account} />
                  </strong>
                  {s.fromDay ? `, ${formatDate(s.fromDay)} to ${formatDate(s.toDay)}` : ''}:{' '}
                  {s.linesAdded} new line{s.linesAdded === 1 ? '' : 's'}
                  {s.linesSkipped > 0 ? ` (${s.linesSkipped} already imported)` : ''}; {s.matched}{' '}
                  matched, {s.suggested} to review, {s.unmatched} unmatched.{' '}
                  <span className={`badge ${s.balanceCheck === 'ok' ? 'badge-ok' : 'badge-warn'}`}>
                    {checkLabels[s.balanceCheck]}
                  </span>
                  {s.balanceProblem ? <span className="block">{s.balanceProblem}</span> : null}
                  {[...s.gaps, ...s.notes].map((n) => (
                    <span key={n} className="block muted">
                      {n}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
            {result.alreadyImported.length > 0 ? (
              <p className="muted">
                Imported before, not recorded again:{' '}
                {result.alreadyImported
                  .map((d) => [d.bankAccountRef, d.statementRef].filter(Boolean).join(' '))
                  .join('; ')}
                .
              </p>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}

/** "same amount…" -> "Same amount….": the server's reasons are phrases. */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}`;
}

function suggestionText(line: BankLine) {
  const s = line.suggestion;
  if (!s) return null;
  switch (s.type) {
    case 'entry':
      return (
        <>
          entry <Link href={`/books/entries?before=${s.entryNumber + 1}`}>#{s.entryNumber}</Link>
          {s.entryDescription ? ` “${s.entryDescription}”` : ''}
          {s.alternatives ? ` (${s.alternatives} other entries would fit too)` : ''}
        </>
      );
    case 'sponsor-payment':
      return (
        <>
          a sponsor payment from{' '}
          <Link href={`/organizations/${s.organizationId}`}>{s.organizationName}</Link>
        </>
      );
    case 'expense-claim':
      return (
        <>
          paying the claim <Link href={`/books/expenses/${s.claimId}`}>“{s.claimTitle}”</Link>
        </>
      );
    case 'salary':
      return <>a salary paid out of {s.account}</>;
  }
}

function BankLineCard({
  line,
  keeper,
  onDone,
}: {
  line: BankLine;
  keeper: boolean;
  onDone: (message: string) => void;
}) {
  const { session } = useSession();
  const coopCurrency = session.coop?.currency ?? 'EUR';
  const [action, setAction] = useState<'book' | 'ignore' | null>(null);
  const confirmForm = useForm();
  const money = formatDecimal(line.amount, line.currency);
  const incoming = !line.amount.startsWith('-');
  const open = line.status === 'suggested' || line.status === 'unmatched';
  const headingId = `line-${line.id}`;
  const what = `${formatDate(line.bookedOn)}, ${money}`;

  const confirm = confirmForm.submit(async () => {
    const result = await api.post('/api/ledger/bank-lines/{id}/confirm', {
      params: { path: { id: line.id } },
      body: {},
    });
    onDone(`The line of ${what} is matched to entry #${result.number}.`);
  });

  return (
    <article className={`bank-line line-${line.status}`} aria-labelledby={headingId}>
      <div className="bank-line-head">
        <h3 id={headingId} className="bank-line-title">
          <span className={`bank-amount ${incoming ? 'amount-in' : 'amount-out'}`}>
            <span className="visually-hidden">{incoming ? 'Money in: ' : 'Money out: '}</span>
            {incoming ? '+' : ''}
            {money}
          </span>{' '}
          {line.counterparty || line.description || 'Bank line'}
        </h3>
        <p className="bank-line-meta">
          <span>{formatDate(line.bookedOn)}</span>
          {line.bankReference ? <span>Ref. {line.bankReference}</span> : null}
          <span>
            <AccountPath path={line.account} />
          </span>
        </p>
      </div>
      {line.counterparty && line.description ? (
        <p className="bank-line-description">{line.description}</p>
      ) : null}
      {line.status === 'suggested' && line.suggestion ? (
        <div className="suggestion">
          <p>
            <strong>Suggested:</strong> {suggestionText(line)}.{' '}
            <span className="muted">{sentence(line.suggestion.reason)}</span>
          </p>
        </div>
      ) : null}
      {line.status === 'matched' ? (
        <p className="muted">
          Matched{line.matchedAt ? ` ${formatDateTime(line.matchedAt)}` : ''}.
        </p>
      ) : null}
      {keeper && open ? (
        <>
          <form ref={confirmForm.formRef} onSubmit={confirm} noValidate className="line-actions">
            <FormProblem problem={confirmForm.problem} />
            {line.status === 'suggested' ? (
              <SubmitButton busy={confirmForm.busy} className="button primary small">
                Confirm<span className="visually-hidden"> the match of {what}</span>
              </SubmitButton>
            ) : null}
            <button
              type="button"
              className="button small"
              aria-expanded={action === 'book'}
              onClick={() => setAction(action === 'book' ? null : 'book')}
            >
              Book it<span className="visually-hidden"> ({what})</span>
            </button>
            <button
              type="button"
              className="button small"
              aria-expanded={action === 'ignore'}
              onClick={() => setAction(action === 'ignore' ? null : 'ignore')}
            >
              Ignore<span className="visually-hidden"> ({what})</span>
            </button>
          </form>
          {action === 'book' ? (
            <BookLine line={line} coopCurrency={coopCurrency} what={what} onDone={onDone} />
          ) : null}
          {action === 'ignore' ? <IgnoreLine line={line} what={what} onDone={onDone} /> : null}
        </>
      ) : null}
    </article>
  );
}

function BookLine({
  line,
  coopCurrency,
  what,
  onDone,
}: {
  line: BankLine;
  coopCurrency: string;
  what: string;
  onDone: (message: string) => void;
}) {
  const accounts = useQuery('/api/ledger/accounts');
  const form = useForm();
  const [account, setAccount] = useState('');
  const [description, setDescription] = useState(line.description);
  const [coopAmount, setCoopAmount] = useState('');
  const foreign = line.currency !== coopCurrency;
  const onSubmit = form.submit(async () => {
    const local: Record<string, string> = {};
    if (!account) local.account = 'choose the other side of the entry';
    const coop = foreign ? parseDecimal(coopAmount, coopCurrency) : undefined;
    if (foreign && (coop === undefined || coop <= 0n)) local.coopAmount = amountHint(coopCurrency);
    if (Object.keys(local).length > 0) throw localProblem('Please check the booking.', local);
    const posted = await api.post('/api/ledger/bank-lines/{id}/book', {
      params: { path: { id: line.id } },
      body: {
        account,
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(coop !== undefined ? { coopAmount: minorToDecimal(coop, coopCurrency) } : {}),
      },
    });
    onDone(`The line of ${what} is booked as entry #${posted.number}.`);
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <FormProblem problem={form.problem} fields={['account', 'description', 'coopAmount']} />
      <SelectField
        label="Book against"
        value={account}
        onChange={setAccount}
        options={[
          { value: '', label: 'Choose an account…' },
          ...(accounts.data?.accounts ?? [])
            .filter((a) => a.path !== line.account)
            .map((a) => ({ value: a.path, label: `${a.code} ${a.path}` })),
        ]}
        error={form.error('account')}
      />
      <TextField
        label="Description"
        value={description}
        onChange={setDescription}
        autoComplete="off"
        maxLength={500}
        error={form.error('description')}
      />
      {foreign ? (
        <TextField
          label={`In ${coopCurrency}`}
          inputMode="decimal"
          autoComplete="off"
          value={coopAmount}
          onChange={setCoopAmount}
          error={form.error('coopAmount')}
        />
      ) : null}
      <div className="form-actions">
        <SubmitButton busy={form.busy}>Book the line</SubmitButton>
      </div>
    </form>
  );
}

function IgnoreLine({
  line,
  what,
  onDone,
}: {
  line: BankLine;
  what: string;
  onDone: (message: string) => void;
}) {
  const form = useForm();
  const [reason, setReason] = useState('');
  const onSubmit = form.submit(async () => {
    await api.post('/api/ledger/bank-lines/{id}/ignore', {
      params: { path: { id: line.id } },
      body: { reason: reason.trim() },
    });
    onDone(`The line of ${what} is ignored.`);
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <FormProblem problem={form.problem} fields={['reason']} />
      <TextField
        label="Why (optional)"
        value={reason}
        onChange={setReason}
        autoComplete="off"
        maxLength={500}
        error={form.error('reason')}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy} className="button">
          Ignore the line
        </SubmitButton>
      </div>
    </form>
  );
}

function Statements({
  data,
  error,
}: {
  data: Statement[] | undefined;
  error: ApiError | undefined;
}) {
  return (
    <section aria-labelledby="statements-heading" className="card">
      <h2 id="statements-heading">Imported statements</h2>
      {error ? <LoadError error={error} /> : null}
      {!data && !error ? <Loading /> : null}
      {data && data.length === 0 ? <p className="muted">No statement imported yet.</p> : null}
      {data && data.length > 0 ? (
        <table className="responsive-table statements-table">
          <caption className="visually-hidden">Imported bank statements</caption>
          <thead>
            <tr>
              <th scope="col">Statement</th>
              <th scope="col">Period</th>
              <th scope="col" className="num">
                Opening
              </th>
              <th scope="col" className="num">
                Closing
              </th>
              <th scope="col">Check</th>
              <th scope="col">Lines</th>
            </tr>
          </thead>
          <tbody>
            {data.map((s) => (
              <tr key={s.id}>
                <td data-label="Statement" className="cell-title">
                  <span className="statement-file">{s.fileName}</span>
                  <span className="block muted small">
                    <AccountPath path={s.account} />
                    {s.bankAccountRef ? `, ${s.bankAccountRef}` : ''}
                  </span>
                </td>
                <td data-label="Period">
                  {s.fromDay ? `${formatDate(s.fromDay)} – ${formatDate(s.toDay)}` : '—'}
                </td>
                <td data-label="Opening" className="num">
                  {s.opening === null ? '—' : formatDecimal(s.opening, s.currency)}
                </td>
                <td data-label="Closing" className="num">
                  {s.closing === null ? '—' : formatDecimal(s.closing, s.currency)}
                </td>
                <td data-label="Check">
                  <span className={`badge ${s.balanceCheck === 'ok' ? 'badge-ok' : 'badge-warn'}`}>
                    {checkLabels[s.balanceCheck]}
                  </span>
                  {s.balanceProblem ? (
                    <span className="block small">{s.balanceProblem}</span>
                  ) : null}
                  {s.gaps.map((g) => (
                    <span key={g} className="block small">
                      {g}
                    </span>
                  ))}
                </td>
                <td data-label="Lines">
                  {s.lines.matched} matched, {s.lines.suggested} to review, {s.lines.unmatched}{' '}
                  unmatched, {s.lines.ignored} ignored
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
