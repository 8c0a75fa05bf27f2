import type { TestClient } from '../../testing/testApp.ts';

/** The co-op as a seller that can issue every kind of invoice (a German VAT id, an IBAN). */
export const sellerSettings = {
  legalName: 'Test Hackers Co-op eG',
  vatId: 'DE123456789',
  registrationId: 'GnR 1234 Amtsgericht Berlin',
  street: 'Hackerstraße 1',
  city: 'Berlin',
  postcode: '10115',
  country: 'DE',
  email: 'billing@coop.test',
  phone: '+49 30 1234567',
  iban: 'DE89 3704 0044 0532 0130 00',
  bic: 'COBADEFFXXX',
  paymentTermsDays: 30,
};

export const germanBuyer = {
  legalName: 'Acme Maschinenbau GmbH',
  vatId: 'DE987654321',
  country: 'DE',
  street: 'Industrieweg 5',
  city: 'München',
  postcode: '80331',
  email: 'ap@acme.test',
};

export const frenchBuyer = {
  legalName: 'Logiciels Libres SAS',
  vatId: 'FR40303265045',
  country: 'FR',
  street: '12 rue de la Paix',
  city: 'Paris',
  postcode: '75002',
  email: 'factures@ll.test',
};

export const line = (
  unitPrice: string,
  vatCategory = 'S',
  vatRate = '19',
  quantity = '1',
  description = 'Gold retainer, March',
) => ({ description, quantity, unitPrice, vatCategory, vatRate });

export async function configureSeller(admin: TestClient, extra: Record<string, unknown> = {}) {
  const r = await admin.patch('/api/invoicing/settings', { ...sellerSettings, ...extra });
  if (r.status !== 200) throw new Error(`settings: ${JSON.stringify(r.body)}`);
}

export interface Created {
  id: string;
  number: string | null;
}

export async function issue(admin: TestClient, body: Record<string, unknown>): Promise<Created> {
  const r = await admin.post<Created>('/api/invoices', {
    buyer: germanBuyer,
    buyerReference: 'LEITWEG-991-12345-67',
    purchaseOrder: 'PO-4711',
    finalize: true,
    ...body,
  });
  if (r.status !== 201) throw new Error(`invoice: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
