import type { InvoiceDocument } from './invoiceDocument.ts';
import { peppolEndpoint } from './peppolEndpoint.ts';
import { el } from './xml.ts';

export const peppolCustomization =
  'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const xrechnungCustomization =
  'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0';
const peppolProfile = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

type Party = InvoiceDocument['buyer'] & { phone?: string };

function party(p: Party, seller: boolean, peppol: boolean, withVat: boolean): string {
  const endpoint = peppol ? peppolEndpoint(p.vatId) : { scheme: 'EM', id: p.email };
  return el('cac:Party', [
    endpoint && el('cbc:EndpointID', endpoint.id, { schemeID: endpoint.scheme }),
    el('cac:PartyName', [el('cbc:Name', p.legalName)]),
    el('cac:PostalAddress', [
      el('cbc:StreetName', p.street),
      el('cbc:CityName', p.city),
      el('cbc:PostalZone', p.postcode),
      el('cac:Country', [el('cbc:IdentificationCode', p.country)]),
    ]),
    withVat &&
      p.vatId &&
      el('cac:PartyTaxScheme', [
        el('cbc:CompanyID', p.vatId),
        el('cac:TaxScheme', [el('cbc:ID', 'VAT')]),
      ]),
    el('cac:PartyLegalEntity', [
      el('cbc:RegistrationName', p.legalName),
      el('cbc:CompanyID', p.registrationId),
    ]),
    seller &&
      el('cac:Contact', [
        el('cbc:Name', p.legalName),
        el('cbc:Telephone', p.phone),
        el('cbc:ElectronicMail', p.email),
      ]),
  ]);
}

/**
 * The invoice as UBL 2.1 (an `Invoice`, or a `CreditNote`), under the Peppol BIS Billing 3.0
 * customization or XRechnung 3.0's; elements in the order the UBL schema requires.
 */
export function toUbl(doc: InvoiceDocument, customization: string = peppolCustomization): string {
  const credit = doc.kind === 'credit-note';
  const root = credit ? 'CreditNote' : 'Invoice';
  const amount = (name: string, value: string, currency = doc.currency) =>
    el(name, value, { currencyID: currency });
  const hasK = doc.breakdown.some((b) => b.category === 'K');
  const peppol = customization === peppolCustomization;
  // Supplies not subject to VAT name no VAT id at all (BR-O-02).
  const withVat = !doc.breakdown.some((b) => b.category === 'O');
  // A line not subject to VAT states no rate (BR-O-05); its breakdown states 0, as German
  // rules want a rate in every breakdown (BR-DE-14).
  const category = (tag: string, c: { category: string; rate: string }, exemption = false) =>
    el(tag, [
      el('cbc:ID', c.category),
      (c.category !== 'O' || exemption) && el('cbc:Percent', c.rate),
      exemption &&
        el(
          'cbc:TaxExemptionReasonCode',
          doc.breakdown.find((b) => b.category === c.category)?.exemption?.code,
        ),
      exemption &&
        el(
          'cbc:TaxExemptionReason',
          doc.breakdown.find((b) => b.category === c.category)?.exemption?.text,
        ),
      el('cac:TaxScheme', [el('cbc:ID', 'VAT')]),
    ]);
  const body = [
    el('cbc:CustomizationID', customization),
    el('cbc:ProfileID', peppolProfile),
    el('cbc:ID', doc.number),
    el('cbc:IssueDate', doc.issueDate),
    !credit && el('cbc:DueDate', doc.dueDate),
    el(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', credit ? '381' : '380'),
    el('cbc:Note', doc.note),
    el('cbc:DocumentCurrencyCode', doc.currency),
    doc.taxCurrency && el('cbc:TaxCurrencyCode', doc.taxCurrency.code),
    el('cbc:BuyerReference', doc.buyerReference),
    doc.period &&
      el('cac:InvoicePeriod', [
        el('cbc:StartDate', doc.period.start),
        el('cbc:EndDate', doc.period.end),
      ]),
    doc.purchaseOrder && el('cac:OrderReference', [el('cbc:ID', doc.purchaseOrder)]),
    doc.preceding &&
      el('cac:BillingReference', [
        el('cac:InvoiceDocumentReference', [
          el('cbc:ID', doc.preceding.number),
          el('cbc:IssueDate', doc.preceding.issueDate),
        ]),
      ]),
    el('cac:AccountingSupplierParty', [party(doc.seller, true, peppol, withVat)]),
    el('cac:AccountingCustomerParty', [party(doc.buyer, false, peppol, withVat)]),
    el('cac:Delivery', [
      el('cbc:ActualDeliveryDate', doc.deliveryDate),
      hasK &&
        el('cac:DeliveryLocation', [
          el('cac:Address', [
            el('cbc:StreetName', doc.buyer.street),
            el('cbc:CityName', doc.buyer.city),
            el('cbc:PostalZone', doc.buyer.postcode),
            el('cac:Country', [el('cbc:IdentificationCode', doc.buyer.country)]),
          ]),
        ]),
    ]),
    el('cac:PaymentMeans', [
      el('cbc:PaymentMeansCode', doc.seller.iban ? '58' : '30'),
      !credit && el('cbc:PaymentID', doc.creditorReference),
      doc.seller.iban &&
        el('cac:PayeeFinancialAccount', [
          el('cbc:ID', doc.seller.iban),
          el('cbc:Name', doc.seller.legalName),
          doc.seller.bic && el('cac:FinancialInstitutionBranch', [el('cbc:ID', doc.seller.bic)]),
        ]),
    ]),
    el('cac:PaymentTerms', [el('cbc:Note', doc.paymentTerms)]),
    el('cac:TaxTotal', [
      amount('cbc:TaxAmount', doc.tax),
      ...doc.breakdown.map((b) =>
        el('cac:TaxSubtotal', [
          amount('cbc:TaxableAmount', b.taxable),
          amount('cbc:TaxAmount', b.tax),
          category('cac:TaxCategory', b, true),
        ]),
      ),
    ]),
    doc.taxCurrency &&
      el('cac:TaxTotal', [amount('cbc:TaxAmount', doc.taxCurrency.tax, doc.taxCurrency.code)]),
    el('cac:LegalMonetaryTotal', [
      amount('cbc:LineExtensionAmount', doc.net),
      amount('cbc:TaxExclusiveAmount', doc.net),
      amount('cbc:TaxInclusiveAmount', doc.gross),
      amount('cbc:PayableAmount', doc.gross),
    ]),
    ...doc.lines.map((l) =>
      el(credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine', [
        el('cbc:ID', l.id),
        el(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', l.quantity, {
          unitCode: l.unitCode,
        }),
        amount('cbc:LineExtensionAmount', l.net),
        el('cac:Item', [
          el('cbc:Name', l.description.slice(0, 200)),
          category('cac:ClassifiedTaxCategory', { category: l.category, rate: l.rate }),
        ]),
        el('cac:Price', [amount('cbc:PriceAmount', l.unitPrice)]),
      ]),
    ),
  ];
  const ns = `urn:oasis:names:specification:ubl:schema:xsd:${root}-2`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${ns}" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">${body.filter(Boolean).join('')}</${root}>\n`;
}
