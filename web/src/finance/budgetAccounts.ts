import { useQuery } from '../app/useQuery.ts';
import type { Account } from '../api/types.ts';

/** The accounts a budget line may name: income and expense, as the server requires. */
export function useBudgetAccounts(): Account[] {
  const accounts = useQuery('/api/ledger/accounts');
  return (accounts.data?.accounts ?? []).filter((a) => a.type === 'income' || a.type === 'expense');
}
