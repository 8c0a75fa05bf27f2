import { describe, expect, it } from 'vitest';
import { renewalVat } from './renewalVat.ts';

const seller = { country: 'DE', vatId: 'DE123456789' };

describe('the VAT a renewal draft charges by default', () => {
  it.each([
    ['a domestic business', { country: 'DE', vatId: 'DE811907980' }, 'S', '19'],
    ['a domestic buyer without a VAT id', { country: 'DE', vatId: null }, 'S', '19'],
    ['a business in another member state', { country: 'FI', vatId: 'FI12345678' }, 'AE', '0'],
    ['a buyer in another member state without a VAT id', { country: 'FR', vatId: null }, 'S', '19'],
    [
      'a Greek business (EL VAT id, GR country)',
      { country: 'GR', vatId: 'EL123456789' },
      'AE',
      '0',
    ],
    ['a buyer in Switzerland', { country: 'CH', vatId: 'CHE123456789' }, 'G', '0'],
    ['a buyer in the United States', { country: 'US', vatId: null }, 'G', '0'],
  ])('%s', (_, buyer, category, rate) => {
    expect(renewalVat(seller, buyer, '19')).toMatchObject({ category, rate });
  });

  it('charges the domestic rate when the seller has no VAT id to reverse the charge with', () => {
    expect(
      renewalVat({ country: 'DE', vatId: null }, { country: 'FI', vatId: 'FI12345678' }, '19'),
    ).toMatchObject({ category: 'S', rate: '19' });
  });
});
