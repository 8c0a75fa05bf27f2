import { TextField } from '../app/forms.tsx';

/**
 * What a sum in another currency came to in the co-op's currency (`coopAmount`, required by
 * `coopAmountMissing`): shown only when the sum is foreign. The bank line, the claim's payment
 * and the invoice's payment ask it alike.
 */
export function CoopAmountField({
  foreign,
  label,
  value,
  onChange,
  error,
}: {
  foreign: boolean;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  if (!foreign) return null;
  return (
    <TextField
      label={label}
      inputMode="decimal"
      autoComplete="off"
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
