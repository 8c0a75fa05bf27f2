/** EN 16931's VAT category codes (UNTDID 5305 subset), what each means, and its fixed wording. */
export const vatCategories = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'] as const;
export type VatCategory = (typeof vatCategories)[number];

export const vatCategoryNames: Record<VatCategory, string> = {
  S: 'Standard rate',
  Z: 'Zero rated',
  E: 'Exempt from VAT',
  AE: 'Reverse charge',
  K: 'Intra-Community supply',
  G: 'Export outside the EU',
  O: 'Not subject to VAT',
};

/**
 * The exemption reason (BT-120) and its VATEX code (BT-121) each zero category needs on the
 * invoice. Reverse charge names the article that shifts the VAT to the buyer, as the VAT
 * directive (art. 226(11a)) requires the words "Reverse charge" to appear.
 */
export const exemptionWording: Partial<Record<VatCategory, { code: string; text: string }>> = {
  AE: {
    code: 'VATEX-EU-AE',
    text: 'Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC)',
  },
  K: {
    code: 'VATEX-EU-IC',
    text: 'Intra-Community supply exempt from VAT (Article 138, Council Directive 2006/112/EC)',
  },
  G: {
    code: 'VATEX-EU-G',
    text: 'Export outside the EU exempt from VAT (Article 146, Council Directive 2006/112/EC)',
  },
  E: { code: 'VATEX-EU-132', text: 'Exempt from VAT (Article 132, Council Directive 2006/112/EC)' },
  O: { code: 'VATEX-EU-O', text: 'Not subject to VAT' },
};

/** Categories whose rate is always 0: only S carries a positive rate. */
export const zeroRated = (category: VatCategory) => category !== 'S';
