import { useState } from 'react';
import { CoopAmountField } from './CoopAmountField.tsx';
import { Link, useSearchParams } from 'wouter';
import { coopAmountMissing } from '../../../src/finance/coopAmountRule.ts';
import {
  bookBankLineInputSchema,
  ignoreBankLineInputSchema,
} from '../../../src/finance/statements/bankLineInput.ts';
import { importStatementInputSchema } from '../../../src/finance/statements/importInput.ts';
import { api, type Schemas } from '../api/client.ts';
import { refusalFieldErrors, type ApiError, compact, query } from '../app/api.ts';
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
import { useZodForm } from '../app/zodForm.ts';
import { AccountPath } from './AccountPath.tsx';

import { BooksPage } from './BooksPage.tsx';
import { enteredDecimal, enteredPositiveProblem, formatDecimal } from '../app/money.ts';
import type {
  BankLine,
  BankLineStatus,
  StatementImportResult as ImportResult,
  Statement,
} from '../api/types.ts';
import { t } from './messages.ts';
import { matchReasonText } from './matchWords.ts';
import { accountOption } from './books.ts';
import { balanceTexts, gapTexts, noteTexts } from './statementWords.ts';

const lineTabs: BankLineStatus[] = ['suggested', 'unmatched', 'matched', 'ignored'];

function checkLabel(check: Statement['balanceCheck']): string {
  return t(`bank.check.${check}`);
}

/** Bank statements: import a file, review its lines against the books, see what came in. */
export function Bank() {
  const user = useUser();
  if (!user.can.readEntries)
    return (
      <BooksPage title={t('bank.title')}>
        <p className="notice">
          {t('officersOnly.bank')}
          <Link href="/books/reports">{t('officersOnly.reports')}</Link>
          {t('officersOnly.reportsShowTotals')}
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
    <BooksPage title={t('bank.title')}>
      {keeper ? <ImportStatement onImported={() => refresh()} /> : null}

      <section aria-labelledby="lines-heading" className="card">
        <h2 id="lines-heading">{t('bank.lines')}</h2>
        <nav aria-label={t('bank.byStatus')} className="tabs">
          <ul>
            {lineTabs.map((tab) => (
              <li key={tab}>
                <Link
                  href={`/books/bank${query({ lines: tab })}`}
                  aria-current={tab === status ? 'true' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    setMessage(null);
                    setParams({ lines: tab });
                  }}
                >
                  {t(`bank.tabs.${tab}`)} <span className="tab-count">({counts[tab]})</span>
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
            {status === 'suggested' ? t('bank.nothingToReview') : t('bank.noLines')}
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
  const form = useZodForm(importStatementInputSchema);
  const [file, setFile] = useState<File | null>(null);
  const [account, setAccount] = useState('');
  const [mapping, setMapping] = useState('');
  const [charset, setCharset] = useState<StatementCharset | ''>('');
  const [acceptMismatch, setAcceptMismatch] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);

  // The route's own schema checks what is sent first: no file chosen goes out as none
  // ("required"), an empty one as no bytes. Reading the statement is the import command's.
  const onSubmit = form.submitValid(
    async () => {
      setResult(null);
      return {
        ...(file ? { fileName: file.name, contentBase64: await base64Of(file) } : {}),
        ...(charset ? { charset } : {}),
        ...(account ? { account } : {}),
        ...(mapping ? { mapping } : {}),
        acceptMismatch,
      };
    },
    async (body) => {
      try {
        const imported = await api.post('/api/ledger/statements', { body });
        setResult(imported);
        setMismatch(false);
        setAcceptMismatch(false);
        onImported();
      } catch (error) {
        // A statement whose own balances do not add up may still be taken in, flagged.
        if ((error as ApiError).status === 422) setMismatch(true);
        throw error;
      }
    },
  );

  return (
    <section aria-labelledby="import-heading" className="card">
      <h2 id="import-heading">{t('bank.importTitle')}</h2>
      <p className="muted">{t('bank.importExplain')}</p>
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
          label={t('bank.file')}
          error={form.error('fileName') ?? form.error('contentBase64') ?? form.error('content')}
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
            label={t('bank.ledgerAccount')}
            hint={t('bank.ledgerAccountHint')}
            value={account}
            onChange={setAccount}
            options={[{ value: '', label: t('bank.asBefore') }, ...banks.map(accountOption)]}
            className="grow"
            error={form.error('account')}
          />
          {(mappings.data?.mappings.length ?? 0) > 0 ? (
            <SelectField
              label={t('bank.csvMapping')}
              value={mapping}
              onChange={setMapping}
              options={[
                { value: '', label: t('bank.noMapping') },
                ...(mappings.data?.mappings ?? []).map((m) => ({
                  value: m.name,
                  label: `${m.name} (${m.account})`,
                })),
              ]}
              error={form.error('mapping')}
            />
          ) : null}
          <SelectField
            label={t('bank.charset')}
            hint={t('bank.charsetHint')}
            value={charset}
            onChange={(v) => setCharset(v as StatementCharset | '')}
            options={[
              { value: '', label: t('bank.automatic') },
              { value: 'utf-8', label: 'UTF-8' },
              { value: 'iso-8859-1', label: t('bank.latin1') },
              { value: 'windows-1252', label: t('bank.windows1252') },
              { value: 'cp850', label: t('bank.cp850') },
              { value: 'cp437', label: t('bank.cp437') },
            ]}
            error={form.error('charset')}
          />
        </div>
        {mismatch ? (
          <CheckboxField
            label={t('bank.anyway')}
            hint={t('bank.anywayHint')}
            checked={acceptMismatch}
            onChange={setAcceptMismatch}
          />
        ) : null}
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('bank.import')}</SubmitButton>
        </div>
      </form>
      <div role="status" className={result ? 'import-result' : 'status-empty'}>
        {result ? (
          <>
            <p className="status-message">
              {t('bank.imported', {
                file: result.fileName,
                format: result.format.toUpperCase(),
                count: result.statements.length,
              })}
            </p>
            <ul className="plain-list">
              {result.statements.map((s) => (
                <li key={s.id}>
                  <strong>
                    <AccountPath path={s.account} />
                  </strong>
                  {s.fromDay
                    ? t('bank.statementPeriod', {
                        from: formatDate(s.fromDay),
                        to: formatDate(s.toDay),
                      })
                    : ''}
                  : {t('bank.newLines', { count: s.linesAdded })}
                  {s.linesSkipped > 0 ? t('bank.skipped', { count: s.linesSkipped }) : ''}
                  {t('bank.outcome', {
                    matched: s.matched,
                    suggested: s.suggested,
                    unmatched: s.unmatched,
                  })}{' '}
                  <span className={`badge ${s.balanceCheck === 'ok' ? 'badge-ok' : 'badge-warn'}`}>
                    {checkLabel(s.balanceCheck)}
                  </span>
                  {balanceTexts(s).map((n) => (
                    <span key={n} className="block">
                      {n}
                    </span>
                  ))}
                  {[...gapTexts(s), ...noteTexts(s)].map((n) => (
                    <span key={n} className="block muted">
                      {n}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
            {result.alreadyImported.length > 0 ? (
              <p className="muted">
                {t('bank.importedBefore', {
                  statements: result.alreadyImported
                    .map((d) => [d.bankAccountRef, d.statementRef].filter(Boolean).join(' '))
                    .join('; '),
                })}
              </p>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}

function suggestionText(line: BankLine) {
  const s = line.suggestion;
  if (!s) return null;
  switch (s.type) {
    case 'entry':
      return (
        <>
          {t('bank.suggestEntry')}
          <Link href={`/books/entries?before=${s.entryNumber + 1}`}>#{s.entryNumber}</Link>
          {s.entryDescription ? ` “${s.entryDescription}”` : ''}
          {s.alternatives ? t('bank.alternatives', { count: s.alternatives }) : ''}
        </>
      );
    case 'sponsor-payment':
      return (
        <>
          {t('bank.suggestSponsor')}
          <Link href={`/organizations/${s.organizationId}`}>{s.organizationName}</Link>
        </>
      );
    case 'expense-claim':
      return (
        <>
          {t('bank.suggestClaim')}
          <Link href={`/books/expenses/${s.claimId}`}>“{s.claimTitle}”</Link>
        </>
      );
    case 'salary':
      return <>{t('bank.suggestSalary', { account: s.account })}</>;
    case 'invoice-payment':
      return (
        <>
          {t('bank.suggestInvoice')}
          <Link href={`/invoices/${s.invoiceId}`}>{s.invoiceNumber}</Link>
        </>
      );
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
    onDone(t('bank.confirmed', { what, entry: result.number }));
  });

  return (
    <article className={`bank-line line-${line.status}`} aria-labelledby={headingId}>
      <div className="bank-line-head">
        <h3 id={headingId} className="bank-line-title">
          <span className={`bank-amount ${incoming ? 'amount-in' : 'amount-out'}`}>
            <span className="visually-hidden">
              {incoming ? t('bank.moneyIn') : t('bank.moneyOut')}
            </span>
            {incoming ? '+' : ''}
            {money}
          </span>{' '}
          {line.counterparty || line.description || t('bank.bankLine')}
        </h3>
        <p className="bank-line-meta">
          <span>{formatDate(line.bookedOn)}</span>
          {line.bankReference ? (
            <span>{t('bank.ref', { reference: line.bankReference })}</span>
          ) : null}
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
            <strong>{t('bank.suggested')}</strong> {suggestionText(line)}.{' '}
            <span className="muted">{matchReasonText(line.suggestion)}</span>
          </p>
        </div>
      ) : null}
      {line.status === 'matched' ? (
        <p className="muted">
          {line.matchedAt
            ? t('bank.matchedAt', { at: formatDateTime(line.matchedAt) })
            : t('bank.matched')}
        </p>
      ) : null}
      {keeper && open ? (
        <>
          <form ref={confirmForm.formRef} onSubmit={confirm} noValidate className="line-actions">
            <FormProblem problem={confirmForm.problem} />
            {line.status === 'suggested' ? (
              <SubmitButton busy={confirmForm.busy} className="button primary small">
                {t('bank.confirm')}
                <span className="visually-hidden">{t('bank.confirmWhich', { what })}</span>
              </SubmitButton>
            ) : null}
            <button
              type="button"
              className="button small"
              aria-expanded={action === 'book'}
              onClick={() => setAction(action === 'book' ? null : 'book')}
            >
              {t('bank.bookIt')}
              <span className="visually-hidden">{t('bank.which', { what })}</span>
            </button>
            <button
              type="button"
              className="button small"
              aria-expanded={action === 'ignore'}
              onClick={() => setAction(action === 'ignore' ? null : 'ignore')}
            >
              {t('bank.ignore')}
              <span className="visually-hidden">{t('bank.which', { what })}</span>
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
  const form = useZodForm(bookBankLineInputSchema);
  const [account, setAccount] = useState('');
  const [description, setDescription] = useState(line.description);
  const [coopAmount, setCoopAmount] = useState('');
  const foreign = line.currency !== coopCurrency;
  // The amount in the co-op's currency is typed in the member's notation (45,00 in German) and
  // sent as the route's decimal; a foreign line without one is the command's refusal, made here
  // by its own rule (coopAmountMissing) before sending. No account chosen goes out as missing.
  const typed = () => (foreign ? coopAmount.trim() : '');
  const onSubmit = form.submitValid(
    () => ({
      account: account || undefined,
      description: description.trim() || undefined,
      coopAmount: typed() ? enteredDecimal(typed(), coopCurrency) : undefined,
    }),
    async (body) => {
      const posted = await api.post('/api/ledger/bank-lines/{id}/book', {
        params: { path: { id: line.id } },
        body,
      });
      onDone(t('bank.booked', { what, entry: posted.number }));
    },
    () => {
      const unread = enteredPositiveProblem(typed(), coopCurrency);
      if (unread) return { coopAmount: unread };
      const missing = coopAmountMissing('bank-line', {
        currency: line.currency,
        coopCurrency,
        coopAmount: typed() || undefined,
      });
      return missing ? refusalFieldErrors(missing) : {};
    },
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <FormProblem problem={form.problem} fields={['account', 'description', 'coopAmount']} />
      <SelectField
        label={t('bank.bookAgainst')}
        value={account}
        onChange={setAccount}
        options={[
          { value: '', label: t('bank.chooseAccount') },
          ...(accounts.data?.accounts ?? [])
            .filter((a) => a.path !== line.account)
            .map(accountOption),
        ]}
        error={form.error('account')}
      />
      <TextField
        label={t('bank.description')}
        value={description}
        onChange={setDescription}
        autoComplete="off"
        maxLength={500}
        error={form.error('description')}
      />
      <CoopAmountField
        foreign={foreign}
        label={t('bank.inCoop', { currency: coopCurrency })}
        value={coopAmount}
        onChange={setCoopAmount}
        error={form.error('coopAmount')}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy}>{t('bank.book')}</SubmitButton>
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
  const form = useZodForm(ignoreBankLineInputSchema);
  const [reason, setReason] = useState('');
  const onSubmit = form.submitValid(
    () => ({ reason }),
    async (body) => {
      await api.post('/api/ledger/bank-lines/{id}/ignore', {
        params: { path: { id: line.id } },
        body,
      });
      onDone(t('bank.ignored', { what }));
    },
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <FormProblem problem={form.problem} fields={['reason']} />
      <TextField
        label={t('bank.why')}
        value={reason}
        onChange={setReason}
        autoComplete="off"
        maxLength={500}
        error={form.error('reason')}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy} className="button">
          {t('bank.ignoreLine')}
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
      <h2 id="statements-heading">{t('bank.statements')}</h2>
      {error ? <LoadError error={error} /> : null}
      {!data && !error ? <Loading /> : null}
      {data && data.length === 0 ? <p className="muted">{t('bank.noStatements')}</p> : null}
      {data && data.length > 0 ? (
        <table className="responsive-table statements-table">
          <caption className="visually-hidden">{t('bank.statementsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bank.statement')}</th>
              <th scope="col">{t('bank.period')}</th>
              <th scope="col" className="num">
                {t('bank.opening')}
              </th>
              <th scope="col" className="num">
                {t('bank.closing')}
              </th>
              <th scope="col">{t('bank.checkColumn')}</th>
              <th scope="col">{t('bank.linesColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((s) => (
              <tr key={s.id}>
                <td data-label={t('bank.statement')} className="cell-title">
                  <span className="statement-file">{s.fileName}</span>
                  <span className="block muted small">
                    <AccountPath path={s.account} />
                    {s.bankAccountRef ? `, ${s.bankAccountRef}` : ''}
                  </span>
                </td>
                <td data-label={t('bank.period')}>
                  {s.fromDay ? `${formatDate(s.fromDay)} – ${formatDate(s.toDay)}` : '—'}
                </td>
                <td data-label={t('bank.opening')} className="num">
                  {s.opening === null ? '—' : formatDecimal(s.opening, s.currency)}
                </td>
                <td data-label={t('bank.closing')} className="num">
                  {s.closing === null ? '—' : formatDecimal(s.closing, s.currency)}
                </td>
                <td data-label={t('bank.checkColumn')}>
                  <span className={`badge ${s.balanceCheck === 'ok' ? 'badge-ok' : 'badge-warn'}`}>
                    {checkLabel(s.balanceCheck)}
                  </span>
                  {[...balanceTexts(s), ...gapTexts(s)].map((g) => (
                    <span key={g} className="block small">
                      {g}
                    </span>
                  ))}
                </td>
                <td data-label={t('bank.linesColumn')}>
                  {t('bank.lineCounts', {
                    matched: s.lines.matched,
                    suggested: s.lines.suggested,
                    unmatched: s.lines.unmatched,
                    ignored: s.lines.ignored,
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
