import { BookOpen, Plus } from 'lucide-react';
import { EmptyState } from '../app/EmptyState.tsx';
import { useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { reversalInputSchema } from '../../../src/finance/reversalInput.ts';
import { api } from '../api/client.ts';
import { compact } from '../app/api.ts';
import { formatDate } from '../app/format.ts';
import { FormProblem, SelectField, SubmitButton, TextField } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { accountOption, entriesHref, kindLabel, today } from './books.ts';
import { AccountPath } from './AccountPath.tsx';
import { BooksPage } from './BooksPage.tsx';
import { entryDescription, postingMemo } from './entryWords.ts';
import { formatMoney, toBigInt } from '../app/money.ts';
import type { Entry, Posting } from '../api/types.ts';
import { t as common } from '../app/messages.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

const pageSize = 25;

/** Whether a posting falls under the account filter (the account itself or a sub-account). */
function matches(posting: string, filter: string): boolean {
  return filter !== '' && (posting === filter || posting.startsWith(`${filter}:`));
}

/** The journal, newest first, each entry with its postings; filtered by account, paged. */
export function Entries() {
  const user = useUser();
  if (!user.can.readEntries)
    return (
      <BooksPage title={t('entries.title')}>
        <p className="notice">
          {t('officersOnly.journal')}
          <Link href="/books/reports">{t('officersOnly.reports')}</Link>
          {t('officersOnly.reportsShowTotals')}
        </p>
      </BooksPage>
    );
  return <Journal />;
}

function Journal() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const account = params.get('account') ?? '';
  const before = params.get('before') ?? '';
  const posted = params.get('posted');
  const accounts = useQuery('/api/ledger/accounts');
  const entries = useQuery('/api/ledger/entries', {
    params: {
      query: compact({
        account: account || undefined,
        beforeNumber: before ? Number(before) : undefined,
        limit: pageSize,
      }),
    },
  });
  const [message, setMessage] = useState<string | null>(null);
  const list = entries.data?.entries ?? [];
  const reversedBy = new Map<string, number>();
  for (const e of list) if (e.reverses_entry_id) reversedBy.set(e.reverses_entry_id, e.number);

  // A filter from a report may name an account by its code or a parent's path.
  const accountPaths = accounts.data?.accounts ?? [];
  const known = accountPaths.find((a) => a.path === account || a.code === account);
  const filterPath = known?.path ?? account;
  const options = [
    { value: '', label: t('entries.allAccounts') },
    ...(account && !known ? [{ value: account, label: account }] : []),
    ...accountPaths.map(accountOption),
  ];

  const update = (changes: Record<string, string>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.delete('posted');
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  };

  const last = list[list.length - 1];
  let summary = '';
  if (entries.loading) summary = t('entries.loading');
  else if (entries.data)
    summary =
      list.length === 0
        ? account
          ? before
            ? t('entries.noneForBefore', { account: filterPath, before })
            : t('entries.noneFor', { account: filterPath })
          : t('entries.none')
        : t(account ? 'entries.rangeFor' : 'entries.range', {
            first: list[0]!.number,
            last: last!.number,
            account: filterPath,
          });

  return (
    <BooksPage
      title={account ? t('entries.titleFiltered', { account: filterPath }) : t('entries.title')}
      actions={
        user.can.keepBooks ? (
          <>
            <Link href="/books/entries/new" className="button primary">
              <Plus className="icon" aria-hidden="true" size={18} />
              {t('actions.postEntry')}
            </Link>
            <Link href="/books/sponsor-payment" className="button">
              {t('actions.recordSponsorPayment')}
            </Link>
          </>
        ) : null
      }
    >
      {posted ? (
        <div className="notice notice-success" role="status">
          <p>
            {t('entries.postedBefore')}
            <strong>#{posted}</strong>
            {t('entries.postedAfter')}
          </p>
        </div>
      ) : null}
      <form
        role="search"
        aria-label={t('entries.search')}
        className="filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label={t('entries.account')}
          hint={t('entries.accountHint')}
          value={account}
          onChange={(v) => update({ account: v, before: '' })}
          options={options}
          className="grow"
        />
      </form>
      <p className="result-summary" role="status">
        {summary}
      </p>
      {entries.data && list.length === 0 && !account ? (
        <EmptyState title={t('entries.noneNext')} icon={BookOpen} />
      ) : null}
      {message ? (
        <div className="status-message" role="status">
          {message}
        </div>
      ) : null}
      {entries.error ? <LoadError error={entries.error} retry={entries.reload} /> : null}
      {entries.loading && !entries.data ? <Loading /> : null}

      <ol className="entry-list" aria-busy={entries.loading || undefined}>
        {list.map((entry) => (
          <li key={entry.id}>
            <EntryCard
              entry={entry}
              filter={filterPath}
              reversedBy={reversedBy.get(entry.id)}
              reverses={list.find((e) => e.id === entry.reverses_entry_id)?.number}
              canReverse={user.can.keepBooks}
              onReversed={(number) => {
                setMessage(t('entries.reversedMessage', { entry: entry.number, by: number }));
                entries.reload();
              }}
            />
          </li>
        ))}
      </ol>

      {before || list.length === pageSize ? (
        <nav className="pager" aria-label={t('entries.pages')}>
          {before ? (
            <button type="button" className="button" onClick={() => update({ before: '' })}>
              <span aria-hidden="true">← </span>
              {t('entries.newest')}
            </button>
          ) : (
            <span />
          )}
          {list.length === pageSize && last ? (
            <button
              type="button"
              className="button"
              onClick={() => update({ before: String(last.number) })}
            >
              {t('entries.older')}
              <span aria-hidden="true"> →</span>
            </button>
          ) : null}
        </nav>
      ) : null}
    </BooksPage>
  );
}

function PostingAmount({ posting, side }: { posting: Posting; side: 'debit' | 'credit' }) {
  const { session } = useSession();
  const coopCurrency = session.coop?.currency ?? 'EUR';
  const amount = toBigInt(posting.amount_minor);
  if ((side === 'debit') !== amount >= 0n || (amount === 0n && side === 'credit')) return null;
  const abs = amount < 0n ? -amount : amount;
  const coop = toBigInt(posting.coop_amount_minor);
  return (
    <>
      {formatMoney(abs, posting.currency)}
      {posting.currency !== coopCurrency ? (
        <span className="amount-coop">= {formatMoney(coop < 0n ? -coop : coop, coopCurrency)}</span>
      ) : null}
    </>
  );
}

function EntryCard({
  entry,
  filter,
  reversedBy,
  reverses,
  canReverse,
  onReversed,
}: {
  entry: Entry;
  filter: string;
  reversedBy: number | undefined;
  reverses: number | undefined;
  canReverse: boolean;
  onReversed: (number: number) => void;
}) {
  const [reversing, setReversing] = useState(false);
  const headingId = `entry-${entry.number}`;
  return (
    <article className="card entry" aria-labelledby={headingId}>
      <header className="entry-header">
        <h2 id={headingId} className="entry-title">
          <span className="entry-number">#{entry.number}</span> {entryDescription(entry)}
        </h2>
        <p className="entry-meta">
          <span>{formatDate(entry.effective_on)}</span>
          <span className="status">{kindLabel(entry.kind)}</span>
          {entry.reverses_entry_id ? (
            <span>
              {reverses !== undefined
                ? t('entries.reversesEntry', { entry: reverses })
                : t('entries.reversesEarlier')}
            </span>
          ) : null}
          {reversedBy !== undefined ? (
            <span className="badge badge-warn">
              {t('entries.reversedBy', { entry: reversedBy })}
            </span>
          ) : null}
        </p>
      </header>
      <table className="postings">
        <caption className="visually-hidden">
          {t('entries.postingsOf', { entry: entry.number })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('entries.account')}</th>
            <th scope="col" className="num">
              {t('entries.debit')}
            </th>
            <th scope="col" className="num">
              {t('entries.credit')}
            </th>
          </tr>
        </thead>
        <tbody>
          {entry.postings.map((p, i) => {
            const hit = matches(p.account, filter);
            return (
              <tr key={i} className={hit ? 'posting-match' : undefined}>
                <th scope="row">
                  <Link href={entriesHref(p.account)} className="account-link">
                    <AccountPath path={p.account} />
                  </Link>
                  {hit ? <span className="visually-hidden">{t('entries.filtered')}</span> : null}
                  {p.memo ? <span className="posting-memo">{postingMemo(p)}</span> : null}
                </th>
                <td className="num" data-label={t('entries.debit')}>
                  <PostingAmount posting={p} side="debit" />
                </td>
                <td className="num" data-label={t('entries.credit')}>
                  <PostingAmount posting={p} side="credit" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {canReverse && reversedBy === undefined && !entry.reverses_entry_id ? (
        reversing ? (
          <ReverseForm
            entry={entry}
            onCancel={() => setReversing(false)}
            onReversed={(number) => {
              setReversing(false);
              onReversed(number);
            }}
          />
        ) : (
          <div className="entry-actions">
            <button type="button" className="button small" onClick={() => setReversing(true)}>
              {t('entries.reverse')}
              <span className="visually-hidden">
                {t('entries.reverseWhich', { entry: entry.number })}
              </span>
            </button>
          </div>
        )
      ) : null}
    </article>
  );
}

function ReverseForm({
  entry,
  onCancel,
  onReversed,
}: {
  entry: Entry;
  onCancel: () => void;
  onReversed: (number: number) => void;
}) {
  const form = useZodForm(reversalInputSchema);
  const [reason, setReason] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(today());
  // A day left empty is the entry's own, as the route says.
  const onSubmit = form.submitValid(
    () => ({ reason, effectiveOn: effectiveOn || undefined }),
    async (body) => {
      const result = await api.post('/api/ledger/entries/{id}/reverse', {
        params: { path: { id: entry.id } },
        body,
      });
      onReversed(result.number);
    },
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <h3>{t('entries.reverseTitle', { entry: entry.number })}</h3>
      <p className="muted">{t('entries.reverseExplain')}</p>
      <FormProblem problem={form.problem} fields={['reason', 'effectiveOn']} />
      <div className="field-row">
        <TextField
          label={t('entries.reason')}
          value={reason}
          onChange={setReason}
          className="grow"
          autoComplete="off"
          required
          error={form.error('reason')}
          autoFocus
        />
        <DateField
          label={t('entries.dated')}
          value={effectiveOn}
          onChange={setEffectiveOn}
          error={form.error('effectiveOn')}
        />
      </div>
      <div className="form-actions">
        <SubmitButton busy={form.busy} className="button danger">
          {t('entries.reverseTitle', { entry: entry.number })}
        </SubmitButton>
        <button type="button" className="button" onClick={onCancel}>
          {common('form.cancel')}
        </button>
      </div>
    </form>
  );
}
