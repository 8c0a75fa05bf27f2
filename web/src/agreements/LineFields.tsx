import { CheckboxField, NumberField, SelectField, TextField } from '../app/forms.tsx';
import { enteredAmountProblem, enteredDecimal } from '../app/money.ts';
import { t } from './messages.ts';

export interface LineDraft {
  tierId: string;
  description: string;
  unitPrice: string;
  quantity: number | '';
  recurring: boolean;
}

export const emptyLine = (): LineDraft => ({
  tierId: '',
  description: '',
  unitPrice: '',
  quantity: 1,
  recurring: false,
});

/**
 * A line as the API takes it: a tier (which pins its current version) or a custom line, whose
 * unit price is typed in the member's notation ("1.500,00" in German) and sent as a decimal.
 */
export const lineInput = (currency: string) => (l: LineDraft) =>
  l.tierId
    ? { tierId: l.tierId, quantity: l.quantity === '' ? undefined : l.quantity }
    : {
        description: l.description.trim() || undefined,
        unitPrice: l.unitPrice.trim() ? enteredDecimal(l.unitPrice, currency) : undefined,
        quantity: l.quantity === '' ? undefined : l.quantity,
        recurring: l.recurring,
      };

/** The form's own word on custom unit prices that do not read in the member's notation. */
export function linePriceProblems(lines: readonly LineDraft[], currency: string) {
  const problems: Record<string, string> = {};
  lines.forEach((l, i) => {
    const problem = l.tierId ? undefined : enteredAmountProblem(l.unitPrice, currency);
    if (problem) problems[`lines/${i}/unitPrice`] = problem;
  });
  return problems;
}

/** The lines of a quote or an agreement: each a tier or a custom line, with its errors. */
export function LineFields({
  lines,
  setLines,
  tierOptions,
  error,
}: {
  lines: LineDraft[];
  setLines: (update: (old: LineDraft[]) => LineDraft[]) => void;
  tierOptions: { value: string; label: string }[];
  error: (field: string) => string | undefined;
}) {
  const setLine = (i: number, patch: Partial<LineDraft>) =>
    setLines((old) => old.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <>
      {lines.map((line, i) => (
        <fieldset key={i} className="fieldset">
          <legend>{t('lines.line', { number: i + 1 })}</legend>
          <SelectField
            label={t('lines.tier')}
            value={line.tierId}
            onChange={(tierId) => setLine(i, { tierId })}
            options={tierOptions}
            error={error(`lines.${i}.tierId`)}
          />
          {line.tierId ? null : (
            <>
              <TextField
                label={t('lines.description')}
                value={line.description}
                onChange={(description) => setLine(i, { description })}
                error={error(`lines.${i}.description`)}
              />
              <TextField
                label={t('lines.unitPrice')}
                inputMode="decimal"
                value={line.unitPrice}
                onChange={(unitPrice) => setLine(i, { unitPrice })}
                error={error(`lines.${i}.unitPrice`)}
              />
              <CheckboxField
                label={t('lines.recurring')}
                checked={line.recurring}
                onChange={(recurring) => setLine(i, { recurring })}
              />
            </>
          )}
          <NumberField
            label={t('lines.quantity')}
            value={line.quantity}
            onChange={(quantity) => setLine(i, { quantity })}
            error={error(`lines.${i}.quantity`)}
          />
          {lines.length > 1 ? (
            <button
              type="button"
              className="button"
              onClick={() => setLines((old) => old.filter((_, j) => j !== i))}
            >
              {t('lines.remove', { number: i + 1 })}
            </button>
          ) : null}
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button"
          onClick={() => setLines((old) => [...old, emptyLine()])}
        >
          {t('lines.add')}
        </button>
      </p>
    </>
  );
}
