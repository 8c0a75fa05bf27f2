import { SelectField, TextField, type FormState } from '../app/forms.tsx';
import { formatDate } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { enteredDecimal, enteredPositiveProblem, formatDecimal } from '../app/money.ts';
import { useBudgetAccounts } from '../finance/budgetAccounts.ts';
import { t } from './messages.ts';
import { accountOption } from '../finance/books.ts';
import { DateField } from '../app/DateField.tsx';

/** A line of a budget proposal, as the API takes it (the amount a decimal string). */
export interface BudgetLine {
  account: string;
  fromDay: string;
  toDay: string;
  amount: string;
}

export const emptyBudgetLine = (from = '', to = ''): BudgetLine => ({
  account: '',
  fromDay: from,
  toDay: to,
  amount: '',
});

/**
 * The lines as the route's schema reads them (budgetInput.ts): an account or a day left empty
 * goes out as missing ("required"), amounts typed in the member's notation as decimals.
 */
export const budgetLinesEntered = (lines: BudgetLine[], currency: string) =>
  lines.map((l) => ({
    account: l.account || undefined,
    fromDay: l.fromDay || undefined,
    toDay: l.toDay || undefined,
    amount: l.amount.trim() ? enteredDecimal(l.amount, currency) : undefined,
  }));

/** The form's own word on amounts that do not read, keyed like the server's (`budget.1.amount`). */
export function budgetAmountProblems(
  lines: BudgetLine[],
  currency: string,
): Record<string, string> {
  const problems: Record<string, string> = {};
  lines.forEach((line, i) => {
    const unread = enteredPositiveProblem(line.amount, currency);
    if (unread) problems[`budget.${i}.amount`] = unread;
  });
  return problems;
}

/** The lines of a budget being proposed: an account, a period and an amount each. */
export function BudgetLinesEditor({
  lines,
  onChange,
  form,
}: {
  lines: BudgetLine[];
  onChange: (lines: BudgetLine[]) => void;
  form: FormState;
}) {
  const { session } = useSession();
  const currency = session.coop?.currency ?? 'EUR';
  const options = [
    { value: '', label: t('budget.chooseAccount') },
    ...useBudgetAccounts().map(accountOption),
  ];
  const set = (i: number, change: Partial<BudgetLine>) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, ...change } : l)));
  return (
    <fieldset className="budget-lines">
      <legend>{t('budget.title')}</legend>
      <p className="hint">{t('budget.hint', { currency })}</p>
      {lines.map((line, i) => (
        <fieldset key={i} className="nested">
          <legend>{t('budget.line', { number: i + 1 })}</legend>
          <div className="field-row">
            <SelectField
              label={t('budget.account')}
              value={line.account}
              onChange={(v) => set(i, { account: v })}
              options={options}
              className="grow"
              error={form.error(`budget.${i}.account`)}
            />
            <TextField
              label={t('budget.amount')}
              inputMode="decimal"
              value={line.amount}
              onChange={(v) => set(i, { amount: v })}
              className="narrow"
              error={form.error(`budget.${i}.amount`)}
            />
          </div>
          <div className="field-row">
            <DateField
              label={t('budget.from')}
              value={line.fromDay}
              onChange={(v) => set(i, { fromDay: v })}
              error={form.error(`budget.${i}.fromDay`)}
            />
            <DateField
              label={t('budget.to')}
              value={line.toDay}
              onChange={(v) => set(i, { toDay: v })}
              error={form.error(`budget.${i}.toDay`)}
            />
          </div>
          {lines.length > 1 ? (
            <button
              type="button"
              className="button small"
              onClick={() => onChange(lines.filter((_, j) => j !== i))}
              aria-label={t('budget.removeLine', { number: i + 1 })}
            >
              {t('budget.remove')}
            </button>
          ) : null}
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => {
          const last = lines[lines.length - 1];
          onChange([...lines, emptyBudgetLine(last?.fromDay, last?.toDay)]);
        }}
      >
        {t('budget.add')}
      </button>
    </fieldset>
  );
}

/** A budget proposal's lines, as members read them before voting. */
export function BudgetLinesTable({ lines }: { lines: BudgetLine[] }) {
  const { session } = useSession();
  const currency = session.coop?.currency ?? 'EUR';
  return (
    <table className="responsive-table budget-table">
      <caption>{t('budget.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('budget.account')}</th>
          <th scope="col">{t('budget.period')}</th>
          <th scope="col" className="num">
            {t('budget.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, i) => (
          <tr key={i}>
            <td data-label={t('budget.account')}>{line.account}</td>
            <td data-label={t('budget.period')}>
              {t('budget.periodText', {
                from: formatDate(line.fromDay),
                to: formatDate(line.toDay),
              })}
            </td>
            <td data-label={t('budget.amount')} className="num">
              {formatDecimal(line.amount, currency)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
