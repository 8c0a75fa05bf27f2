import type { VatCategory } from './vatCategories.ts';

/** The EU member states by ISO 3166-1 code (Greece's VAT ids say EL, its country code GR). */
const euMemberStates = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
]);

export interface VatParty {
  country: string;
  vatId: string | null;
}

export interface VatDefault {
  category: VatCategory;
  rate: string;
  why: string;
}

/**
 * The VAT a renewal's draft charges by default, from where the two parties are: the services of
 * a retainer are supplied where a business buyer is established (VAT directive, art. 44). So a
 * buyer in the seller's country pays the seller's standard rate; a business in another member
 * state, with its VAT id, accounts for the VAT itself (reverse charge, art. 196); a buyer outside
 * the EU is billed no EU VAT (export of services); a buyer in another member state without a VAT
 * id is treated as a consumer and pays the seller's rate. An officer may change a draft's lines
 * before finalising it.
 */
export function renewalVat(seller: VatParty, buyer: VatParty, standardRate: string): VatDefault {
  const domestic = { category: 'S' as const, rate: standardRate };
  if (buyer.country === seller.country)
    return { ...domestic, why: 'a buyer in the seller’s country: its standard rate' };
  if (!euMemberStates.has(buyer.country))
    return { category: 'G', rate: '0', why: 'a buyer outside the EU: no EU VAT' };
  if (buyer.vatId && seller.vatId && euMemberStates.has(seller.country))
    return {
      category: 'AE',
      rate: '0',
      why: 'a business in another member state: reverse charge',
    };
  return {
    ...domestic,
    why: 'a buyer in another member state without a VAT id: the seller’s rate',
  };
}
