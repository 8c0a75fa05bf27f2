import type { InvoiceDocument } from './invoiceDocument.ts';
import { el } from './xml.ts';

export const en16931Guideline = 'urn:cen.eu:en16931:2017';

const day = (iso: string) => iso.replaceAll('-', '');
const dateTime = (tag: string, iso: string | null, prefix = 'udt') =>
  iso ? el(tag, [el(`${prefix}:DateTimeString`, day(iso), { format: '102' })]) : '';

type Party = InvoiceDocument['buyer'] & { phone?: string };

function tradeParty(tag: string, p: Party, seller: boolean, withVat: boolean) {
  return el(tag, [
    el('ram:Name', p.legalName),
    p.registrationId && el('ram:SpecifiedLegalOrganization', [el('ram:ID', p.registrationId)]),
    seller &&
      el('ram:DefinedTradeContact', [
        el('ram:PersonName', p.legalName),
        p.phone && el('ram:TelephoneUniversalCommunication', [el('ram:CompleteNumber', p.phone)]),
        p.email && el('ram:EmailURIUniversalCommunication', [el('ram:URIID', p.email)]),
      ]),
    el('ram:PostalTradeAddress', [
      el('ram:PostcodeCode', p.postcode),
      el('ram:LineOne', p.street),
      el('ram:CityName', p.city),
      el('ram:CountryID', p.country),
    ]),
    p.email && el('ram:URIUniversalCommunication', [el('ram:URIID', p.email, { schemeID: 'EM' })]),
    withVat &&
      p.vatId &&
      el('ram:SpecifiedTaxRegistration', [el('ram:ID', p.vatId, { schemeID: 'VA' })]),
  ]);
}

/**
 * The invoice as UN/CEFACT Cross Industry Invoice D16B (EN 16931 profile): what Factur-X and
 * ZUGFeRD embed. A credit note is the same document with type code 381.
 */
export function toCii(doc: InvoiceDocument, guideline: string = en16931Guideline): string {
  const credit = doc.kind === 'credit-note';
  const hasK = doc.breakdown.some((b) => b.category === 'K');
  const withVat = !doc.breakdown.some((b) => b.category === 'O');
  const amount = (tag: string, value: string, currency?: string) =>
    el(tag, value, currency ? { currencyID: currency } : {});
  const lines = doc.lines.map((l) =>
    el('ram:IncludedSupplyChainTradeLineItem', [
      el('ram:AssociatedDocumentLineDocument', [el('ram:LineID', l.id)]),
      el('ram:SpecifiedTradeProduct', [el('ram:Name', l.description.slice(0, 200))]),
      el('ram:SpecifiedLineTradeAgreement', [
        el('ram:NetPriceProductTradePrice', [el('ram:ChargeAmount', l.unitPrice)]),
      ]),
      el('ram:SpecifiedLineTradeDelivery', [
        el('ram:BilledQuantity', l.quantity, { unitCode: l.unitCode }),
      ]),
      el('ram:SpecifiedLineTradeSettlement', [
        el('ram:ApplicableTradeTax', [
          el('ram:TypeCode', 'VAT'),
          el('ram:CategoryCode', l.category),
          l.category !== 'O' && el('ram:RateApplicablePercent', l.rate),
        ]),
        el('ram:SpecifiedTradeSettlementLineMonetarySummation', [el('ram:LineTotalAmount', l.net)]),
      ]),
    ]),
  );
  const body = [
    el('rsm:ExchangedDocumentContext', [
      el('ram:BusinessProcessSpecifiedDocumentContextParameter', [
        el('ram:ID', 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0'),
      ]),
      el('ram:GuidelineSpecifiedDocumentContextParameter', [el('ram:ID', guideline)]),
    ]),
    el('rsm:ExchangedDocument', [
      el('ram:ID', doc.number),
      el('ram:TypeCode', credit ? '381' : '380'),
      dateTime('ram:IssueDateTime', doc.issueDate),
      doc.note && el('ram:IncludedNote', [el('ram:Content', doc.note)]),
    ]),
    el('rsm:SupplyChainTradeTransaction', [
      ...lines,
      el('ram:ApplicableHeaderTradeAgreement', [
        el('ram:BuyerReference', doc.buyerReference),
        tradeParty('ram:SellerTradeParty', doc.seller, true, withVat),
        tradeParty('ram:BuyerTradeParty', doc.buyer, false, withVat),
        doc.purchaseOrder &&
          el('ram:BuyerOrderReferencedDocument', [el('ram:IssuerAssignedID', doc.purchaseOrder)]),
      ]),
      el('ram:ApplicableHeaderTradeDelivery', [
        hasK &&
          el('ram:ShipToTradeParty', [
            el('ram:PostalTradeAddress', [
              el('ram:PostcodeCode', doc.buyer.postcode),
              el('ram:LineOne', doc.buyer.street),
              el('ram:CityName', doc.buyer.city),
              el('ram:CountryID', doc.buyer.country),
            ]),
          ]),
        el('ram:ActualDeliverySupplyChainEvent', [
          dateTime('ram:OccurrenceDateTime', doc.deliveryDate),
        ]),
      ]),
      el('ram:ApplicableHeaderTradeSettlement', [
        !credit && el('ram:PaymentReference', doc.creditorReference),
        doc.taxCurrency && el('ram:TaxCurrencyCode', doc.taxCurrency.code),
        el('ram:InvoiceCurrencyCode', doc.currency),
        el('ram:SpecifiedTradeSettlementPaymentMeans', [
          el('ram:TypeCode', doc.seller.iban ? '58' : '30'),
          doc.seller.iban &&
            el('ram:PayeePartyCreditorFinancialAccount', [
              el('ram:IBANID', doc.seller.iban),
              el('ram:AccountName', doc.seller.legalName),
            ]),
          doc.seller.iban &&
            doc.seller.bic &&
            el('ram:PayeeSpecifiedCreditorFinancialInstitution', [el('ram:BICID', doc.seller.bic)]),
        ]),
        ...doc.breakdown.map((b) =>
          el('ram:ApplicableTradeTax', [
            el('ram:CalculatedAmount', b.tax),
            el('ram:TypeCode', 'VAT'),
            el('ram:ExemptionReason', b.exemption?.text),
            el('ram:BasisAmount', b.taxable),
            el('ram:CategoryCode', b.category),
            el('ram:ExemptionReasonCode', b.exemption?.code),
            el('ram:RateApplicablePercent', b.rate),
          ]),
        ),
        doc.period &&
          el('ram:BillingSpecifiedPeriod', [
            dateTime('ram:StartDateTime', doc.period.start),
            dateTime('ram:EndDateTime', doc.period.end),
          ]),
        el('ram:SpecifiedTradePaymentTerms', [
          el('ram:Description', doc.paymentTerms),
          dateTime('ram:DueDateDateTime', doc.dueDate),
        ]),
        el('ram:SpecifiedTradeSettlementHeaderMonetarySummation', [
          amount('ram:LineTotalAmount', doc.net),
          amount('ram:TaxBasisTotalAmount', doc.net),
          amount('ram:TaxTotalAmount', doc.tax, doc.currency),
          doc.taxCurrency &&
            amount('ram:TaxTotalAmount', doc.taxCurrency.tax, doc.taxCurrency.code),
          amount('ram:GrandTotalAmount', doc.gross),
          amount('ram:DuePayableAmount', doc.gross),
        ]),
        doc.preceding &&
          el('ram:InvoiceReferencedDocument', [
            el('ram:IssuerAssignedID', doc.preceding.number),
            dateTime('ram:FormattedIssueDateTime', doc.preceding.issueDate, 'qdt'),
          ]),
      ]),
    ]),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">${body.filter(Boolean).join('')}</rsm:CrossIndustryInvoice>\n`;
}
