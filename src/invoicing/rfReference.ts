/**
 * ISO 11649 structured creditor reference: "RF", two check digits, then up to 21 letters and
 * digits. The check digits are ISO 7064 MOD 97-10 over the reference followed by "RF00",
 * letters counted A=10 ... Z=35, as for an IBAN. A bank line quoting it settles one invoice.
 */
const numeric = (text: string) =>
  [...text].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');

const mod97 = (digits: string) => {
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest;
};

export function creditorReference(reference: string): string {
  const body = reference.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (body.length === 0 || body.length > 21)
    throw new RangeError('a creditor reference holds 1 to 21 letters and digits');
  const check = 98 - mod97(numeric(`${body}RF00`));
  return `RF${String(check).padStart(2, '0')}${body}`;
}

/** True for a well-formed RF reference with the right check digits (spaces allowed). */
export function isValidCreditorReference(text: string): boolean {
  const compact = text.toUpperCase().replace(/\s+/g, '');
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(compact)) return false;
  return mod97(numeric(`${compact.slice(4)}${compact.slice(0, 4)}`)) === 1;
}

/** Groups of four, as printed on an invoice and typed in a bank's form. */
export const printCreditorReference = (rf: string) => rf.replace(/(.{4})(?=.)/g, '$1 ');
