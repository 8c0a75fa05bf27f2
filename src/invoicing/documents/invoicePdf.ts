import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { displayDay } from '../../platform/i18n/dates.ts';
import { intlTags, type Locale } from '../../platform/i18n/locales.ts';
import { invoicingMail } from '../mailMessages.ts';
import { printCreditorReference } from '../rfReference.ts';
import { exemptionWording, vatCategoryNames } from '../vatCategories.ts';
import type { InvoiceDocument } from './invoiceDocument.ts';
import { invoicePdfText } from './pdfMessages.ts';

/**
 * PDF/A wants every font embedded: a TrueType font from the system when there is one (Debian's
 * DejaVu or Liberation), else pdfkit's built-in Helvetica and a plain PDF.
 */
const fontFiles = [
  [
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  ],
  [
    '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  ],
].find(([regular, bold]) => existsSync(regular!) && existsSync(bold!));

export interface PdfAttachment {
  name: string;
  content: Buffer;
  description: string;
  /** Factur-X XMP (the embedded invoice's name, profile, version). */
  xmp: string;
}

const group = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * The e-invoice's decimal string for a reader of `locale`, with exactly its digits: "1190.00"
 * stays as the XML writes it in English and reads "1.190,00" in German. Intl formats a decimal
 * string exactly, without a float.
 */
function figure(decimal: string, locale: Locale): string {
  if (locale === 'en' || !/^-?\d+(\.\d+)?$/.test(decimal)) return decimal;
  const digits = decimal.split('.')[1]?.length ?? 0;
  return new Intl.NumberFormat(intlTags[locale], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(decimal as unknown as number);
}

/** Payment terms in the reader's language; in English, BT-20 as the XML states it. */
function paymentTerms(doc: InvoiceDocument, locale: Locale): string {
  if (locale === 'en') return doc.paymentTerms;
  const reference = printCreditorReference(doc.creditorReference);
  if (doc.kind === 'credit-note')
    return invoicingMail(locale, 'sending.credits', { number: doc.preceding?.number ?? '' });
  return doc.dueDate && doc.dueDate > doc.issueDate
    ? invoicingMail(locale, 'sending.payableBy', {
        due: displayDay(doc.dueDate, locale),
        reference,
      })
    : invoicingMail(locale, 'sending.payableOnReceipt', { reference });
}

/**
 * An invoice as a procurement department files it: seller and buyer with legal details and VAT
 * ids, PO number and buyer reference, lines, the VAT breakdown with each exemption's wording,
 * totals, payment terms, IBAN and creditor reference. The numbers are the e-invoice's strings.
 */
export function invoicePdf(
  doc: InvoiceDocument,
  locale: Locale = 'en',
  attachment?: PdfAttachment,
): Promise<Buffer> {
  const pdfa = fontFiles !== undefined;
  const L = (key: Parameters<typeof invoicePdfText>[1], vars?: Record<string, string | number>) =>
    invoicePdfText(locale, key, vars);
  const num = (decimal: string) => figure(decimal, locale);
  // English keeps the e-invoice's ISO days, which its tests and readers compare with the XML.
  const day = (d: string) => (locale === 'en' ? d : displayDay(d, locale));
  const title = L(doc.kind === 'invoice' ? 'invoice' : 'creditNote', { number: doc.number });
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 48,
    bufferPages: true,
    lang: locale,
    ...(pdfa ? { pdfVersion: '1.7' as const, subset: 'PDF/A-3b' as const, tagged: true } : {}),
    info: {
      Title: title,
      Author: doc.seller.legalName,
      Subject: title,
      CreationDate: new Date(`${doc.issueDate}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    pdf.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const regular = pdfa ? 'body' : 'Helvetica';
  const bold = pdfa ? 'bold' : 'Helvetica-Bold';
  if (pdfa) {
    pdf.registerFont('body', fontFiles[0]!);
    pdf.registerFont('bold', fontFiles[1]!);
  }
  const left = 48;
  const width = pdf.page.width - 96;
  const c = doc.currency;

  const partyLines = (p: InvoiceDocument['buyer']) =>
    [
      p.legalName,
      p.street,
      `${p.postcode} ${p.city}`.trim(),
      p.country,
      p.vatId ? L('vatId', { id: p.vatId }) : '',
      p.registrationId ? L('registration', { id: p.registrationId }) : '',
      p.email,
    ].filter(Boolean);

  pdf.font(bold).fontSize(18).text(title, left, 48);
  pdf.moveDown(0.5);
  const top = pdf.y;
  pdf.font(bold).fontSize(9).text(L('from'), left, top);
  pdf.font(regular).text(partyLines(doc.seller).join('\n'), left, pdf.y, { width: width / 2 - 12 });
  const sellerBottom = pdf.y;
  pdf.font(bold).text(L('billTo'), left + width / 2, top);
  pdf
    .font(regular)
    .text(partyLines(doc.buyer).join('\n'), left + width / 2, pdf.y, { width: width / 2 });
  pdf.y = Math.max(sellerBottom, pdf.y) + 12;

  const facts: [string, string | null][] = [
    [L('number'), doc.number],
    [L('issueDate'), day(doc.issueDate)],
    [L('deliveryDate'), day(doc.deliveryDate)],
    [
      L('period'),
      doc.period
        ? L('periodRange', { start: day(doc.period.start), end: day(doc.period.end) })
        : null,
    ],
    [L('dueDate'), doc.dueDate && day(doc.dueDate)],
    [L('purchaseOrder'), doc.purchaseOrder],
    [L('buyerReference'), doc.buyerReference],
    [
      L('creditsInvoice'),
      doc.preceding
        ? L('precedingOf', { number: doc.preceding.number, day: day(doc.preceding.issueDate) })
        : null,
    ],
    [L('currency'), c],
  ];
  for (const [label, value] of facts.filter(([, v]) => v)) {
    const y = pdf.y;
    pdf.font(bold).fontSize(9).text(label, left, y, { width: 110 });
    pdf.font(regular).text(value!, left + 110, y, { width: width - 110 });
  }
  pdf.moveDown(1);

  const columns = [
    { label: '#', width: 0.05, align: 'left' as const },
    { label: L('description'), width: 0.39, align: 'left' as const },
    { label: L('quantity'), width: 0.09, align: 'right' as const },
    { label: L('unitPrice'), width: 0.15, align: 'right' as const },
    { label: L('vat'), width: 0.12, align: 'right' as const },
    { label: L('net', { currency: c }), width: 0.2, align: 'right' as const },
  ];
  const row = (cells: string[], font: string) => {
    if (pdf.y > pdf.page.height - 120) pdf.addPage();
    const y = pdf.y;
    let x = left;
    let bottom = y;
    pdf.font(font).fontSize(9);
    columns.forEach((col, i) => {
      const w = col.width * width;
      pdf.text(cells[i] ?? '', x, y, { width: w - 6, align: col.align });
      bottom = Math.max(bottom, pdf.y);
      x += w;
    });
    pdf.y = bottom + 3;
  };
  row(
    columns.map((col) => col.label),
    bold,
  );
  for (const l of doc.lines)
    row(
      [
        l.id,
        l.description,
        `${num(l.quantity)}${l.unitCode === 'C62' ? '' : ` ${l.unitCode}`}`,
        num(l.unitPrice),
        l.category === 'S' ? `${num(l.rate)}%` : l.category,
        num(l.net),
      ],
      regular,
    );
  pdf.moveDown(0.8);

  pdf.font(bold).fontSize(10).text(L('vatBreakdown'), left);
  for (const b of doc.breakdown) {
    const label = L('breakdownLine', {
      name: locale === 'en' ? vatCategoryNames[b.category] : L(`category.${b.category}`),
      category: `${b.category}${b.category === 'O' ? '' : ` ${num(b.rate)}%`}`,
      taxable: `${num(b.taxable)} ${c}`,
    });
    const y = pdf.y;
    pdf
      .font(regular)
      .fontSize(9)
      .text(label, left, y, { width: width * 0.75 });
    pdf.text(`${num(b.tax)} ${c}`, left + width * 0.75, y, { width: width * 0.25, align: 'right' });
    // English prints BT-120 as the XML states it; another language the standard wording in its
    // own words, but a reason the co-op wrote itself as written.
    const standard = exemptionWording[b.category]?.text;
    const exemption =
      b.exemption &&
      (locale !== 'en' && b.exemption.text === standard && b.category !== 'S' && b.category !== 'Z'
        ? L(`exemption.${b.category}`)
        : b.exemption.text);
    if (exemption) pdf.fontSize(8).text(exemption, left, pdf.y, { width: width * 0.75 });
  }
  pdf.moveDown(0.6);
  const total = (label: string, value: string, font = regular) => {
    const y = pdf.y;
    pdf
      .font(font)
      .fontSize(10)
      .text(label, left + width * 0.45, y, { width: width * 0.3 });
    pdf.text(`${num(value)} ${c}`, left + width * 0.75, y, { width: width * 0.25, align: 'right' });
  };
  total(L('totalNet'), doc.net);
  total(L('vat'), doc.tax);
  total(L(doc.kind === 'invoice' ? 'amountDue' : 'amountCredited'), doc.gross, bold);
  if (doc.taxCurrency)
    total(
      L('vatIn', { currency: doc.taxCurrency.code, rate: num(doc.taxCurrency.rate) }),
      doc.taxCurrency.tax,
    );
  pdf.moveDown(1);

  pdf.font(bold).fontSize(10).text(L('payment'), left);
  pdf.font(regular).fontSize(9).text(paymentTerms(doc, locale), left, pdf.y, { width });
  if (doc.kind === 'invoice') {
    if (doc.seller.iban)
      pdf.text(
        `IBAN ${group(doc.seller.iban)}${doc.seller.bic ? `   BIC ${doc.seller.bic}` : ''}   ${L('accountHolder', { name: doc.seller.legalName })}`,
        { width },
      );
    pdf.text(L('creditorReference', { reference: printCreditorReference(doc.creditorReference) }), {
      width,
    });
  }
  if (doc.note) pdf.moveDown(0.6).text(doc.note, { width });

  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // The footer sits in the bottom margin: without this pdfkit would start a page for it.
    pdf.page.margins.bottom = 0;
    pdf
      .font(regular)
      .fontSize(8)
      .text(
        L('page', { number: doc.number, page: i + 1, pages: range.count }),
        left,
        pdf.page.height - 40,
        {
          width,
          align: 'right',
          lineBreak: false,
        },
      );
  }
  if (attachment) {
    // pdfkit writes AFRelationship from `relationship`, which its types do not list yet.
    const options = {
      name: attachment.name,
      type: 'text/xml',
      relationship: 'Alternative',
      description: attachment.description,
      creationDate: new Date(`${doc.issueDate}T00:00:00Z`),
      modifiedDate: new Date(`${doc.issueDate}T00:00:00Z`),
    };
    pdf.file(attachment.content, options);
    pdf.appendXML(attachment.xmp);
  }
  pdf.end();
  return done;
}
