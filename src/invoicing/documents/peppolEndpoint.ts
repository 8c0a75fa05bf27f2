/**
 * Peppol addresses a party by an EAS scheme and an identifier; e-mail (EM) is not one of
 * Peppol's schemes, though XRechnung accepts it. A party with a VAT id is addressed by its
 * country's VAT scheme, the identifier being the VAT id itself (EAS code list, 99xx and 02xx).
 */
const vatSchemes: Record<string, string> = {
  AD: '9922',
  AL: '9923',
  AT: '9914',
  BA: '9924',
  BE: '9925',
  BG: '9926',
  CH: '9927',
  CY: '9928',
  CZ: '9929',
  DE: '9930',
  EE: '9931',
  ES: '9920',
  FI: '0213',
  FR: '9957',
  GB: '9932',
  GR: '9933',
  EL: '9933',
  HR: '9934',
  HU: '9910',
  IE: '9935',
  IT: '0211',
  LI: '9936',
  LT: '9937',
  LU: '9938',
  LV: '9939',
  MC: '9940',
  ME: '9941',
  MK: '9942',
  MT: '9943',
  NL: '9944',
  PL: '9945',
  PT: '9946',
  RO: '9947',
  RS: '9948',
  SI: '9949',
  SK: '9950',
  SM: '9951',
  TR: '9952',
  VA: '9953',
};

export function peppolEndpoint(vatId: string | null): { scheme: string; id: string } | null {
  if (!vatId) return null;
  const compact = vatId.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const scheme = vatSchemes[compact.slice(0, 2)];
  return scheme ? { scheme, id: compact } : null;
}
