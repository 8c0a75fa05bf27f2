import { useState } from 'react';
import { useSearchParams } from 'wouter';
import { compact } from '../app/api.ts';
import { formatDate } from '../app/format.ts';
import { Loading, LoadError } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { accountName, isDebitNormal, today } from './books.ts';
import { AccountPath } from './AccountPath.tsx';
import { BooksPage } from './BooksPage.tsx';
import { FigureLink } from './FigureLink.tsx';
import { formatMoney, toBigInt } from '../app/money.ts';
import type { Account, TrialBalance } from '../api/types.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

type Amounts = Map<string, bigint>;

interface Node {
  account: Account;
  depth: number;
  /** Its own balance and its descendants', per currency, debits positive. */
  total: Amounts;
  hasChildren: boolean;
}

function add(into: Amounts, from: Amounts) {
  for (const [currency, amount] of from) into.set(currency, (into.get(currency) ?? 0n) + amount);
}

/** The chart in tree order, each account with its subtree's balance. */
function buildTree(accounts: Account[], balances: TrialBalance['accounts']): Node[] {
  const own = new Map<string, Amounts>();
  for (const b of balances) {
    const amounts = own.get(b.account) ?? new Map<string, bigint>();
    amounts.set(b.currency, (amounts.get(b.currency) ?? 0n) + toBigInt(b.balance_minor));
    own.set(b.account, amounts);
  }
  const children = new Map<string | null, Account[]>();
  for (const a of accounts) {
    const list = children.get(a.parentId) ?? [];
    list.push(a);
    children.set(a.parentId, list);
  }
  const ids = new Set(accounts.map((a) => a.id));
  const roots = accounts.filter((a) => a.parentId === null || !ids.has(a.parentId));
  const nodes: Node[] = [];
  const visit = (account: Account, depth: number): Amounts => {
    const node: Node = {
      account,
      depth,
      total: new Map(own.get(account.path) ?? []),
      hasChildren: (children.get(account.id) ?? []).length > 0,
    };
    nodes.push(node);
    for (const child of (children.get(account.id) ?? []).sort((x, y) =>
      x.code.localeCompare(y.code),
    ))
      add(node.total, visit(child, depth + 1));
    return node.total;
  };
  for (const root of roots.sort((x, y) => x.code.localeCompare(y.code))) visit(root, 0);
  return nodes;
}

/** The chart of accounts as a tree, with balances at a chosen day. */
export function Accounts() {
  const { session } = useSession();
  const user = useUser();
  const coopCurrency = session.coop?.currency ?? 'EUR';
  const [params, setParams] = useSearchParams();
  const at = params.get('at') || today();
  const [day, setDay] = useState(at);
  const accounts = useQuery('/api/ledger/accounts');
  const balances = useQuery('/api/reports/trial-balance', { params: { query: compact({ at }) } });
  const error = accounts.error ?? balances.error;
  const nodes =
    accounts.data && balances.data ? buildTree(accounts.data.accounts, balances.data.accounts) : [];

  // The trial balance proper: the debit and credit balances of all accounts, per currency.
  const debits: Amounts = new Map();
  const credits: Amounts = new Map();
  for (const b of balances.data?.accounts ?? []) {
    const amount = toBigInt(b.balance_minor);
    const side = amount >= 0n ? debits : credits;
    side.set(b.currency, (side.get(b.currency) ?? 0n) + (amount >= 0n ? amount : -amount));
  }
  const currencies = [...new Set([coopCurrency, ...debits.keys(), ...credits.keys()])];

  const shown = (node: Node) => {
    const sign = isDebitNormal(node.account.type) ? 1n : -1n;
    const entries = [...node.total].filter(([, v]) => v !== 0n);
    if (entries.length === 0) return <span className="muted">{formatMoney(0n, coopCurrency)}</span>;
    return entries.map(([currency, amount]) => (
      <span key={currency} className="amount-line">
        {formatMoney(amount * sign, currency)}
      </span>
    ));
  };

  return (
    <BooksPage title={t('accounts.title')}>
      <form
        className="filters"
        aria-label={t('accounts.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setParams(day && day !== today() ? { at: day } : {});
        }}
      >
        <DateField label={t('accounts.atEndOf')} value={day} onChange={setDay} required />
        <div className="filters-submit">
          <button type="submit" className="button">
            {t('accounts.show')}
          </button>
        </div>
      </form>
      <p className="muted">
        {t('accounts.explain')}
        {user.can.readEntries ? t('accounts.selectAccount') : ''}
      </p>
      {error ? (
        <LoadError
          error={error}
          retry={() => {
            accounts.reload();
            balances.reload();
          }}
        />
      ) : null}
      {(accounts.loading || balances.loading) && nodes.length === 0 && !error ? <Loading /> : null}
      {nodes.length > 0 ? (
        <table className="account-tree" aria-busy={balances.loading || undefined}>
          <caption>{t('accounts.caption', { day: formatDate(at) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accounts.account')}</th>
              <th scope="col" className="num">
                {t('accounts.balance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((node) => (
              <tr
                key={node.account.id}
                className={`depth-${Math.min(node.depth, 4)}${node.hasChildren ? ' tree-parent' : ''}`}
              >
                <th scope="row" style={{ paddingLeft: `${0.65 + node.depth * 1.1}rem` }}>
                  <span className="account-code">{node.account.code}</span>{' '}
                  <FigureLink account={node.account.path} className="account-link">
                    {node.account.holder ?? accountName(node.account.path)}
                  </FigureLink>
                  <span className="account-path">
                    <AccountPath path={node.account.path} />
                  </span>
                </th>
                <td className="num">{shown(node)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {currencies.map((currency) => {
              const d = debits.get(currency) ?? 0n;
              const c = credits.get(currency) ?? 0n;
              return (
                <tr key={currency}>
                  <th scope="row">
                    {t('accounts.debitsCredits', {
                      debits: formatMoney(d, currency),
                      credits: formatMoney(c, currency),
                    })}
                  </th>
                  <td className="num">
                    {d === c ? (
                      <span className="badge badge-ok">{t('accounts.balanced')}</span>
                    ) : (
                      <span className="badge badge-warn">
                        {t('accounts.offBy', { amount: formatMoney(d - c, currency) })}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tfoot>
        </table>
      ) : null}
    </BooksPage>
  );
}
