import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { printCreditorReference } from '../rfReference.ts';
import { vatCategoryNames } from '../vatCategories.ts';
import type { InvoiceDocument } from './invoiceDocument.ts';

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
 * An invoice as a procurement department files it: seller and buyer with legal details and VAT
 * ids, PO number and buyer reference, lines, the VAT breakdown with each exemption's wording,
 * totals, payment terms, IBAN and creditor reference. The numbers are the e-invoice's strings.
 */
export function invoicePdf(doc: InvoiceDocument, attachment?: PdfAttachment): Promise<Buffer> {
  const pdfa = fontFiles !== undefined;
  const title = `${doc.kind === 'invoice' ? 'Invoice' : 'Credit note'} ${doc.number}`;
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 48,
    bufferPages: true,
    lang: 'en',
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
      p.vatId ? `VAT id: ${p.vatId}` : '',
      p.registrationId ? `Registration: ${p.registrationId}` : '',
      p.email,
    ].filter(Boolean);

  pdf.font(bold).fontSize(18).text(title, left, 48);
  pdf.moveDown(0.5);
  const top = pdf.y;
  pdf.font(bold).fontSize(9).text('From', left, top);
  pdf.font(regular).text(partyLines(doc.seller).join('\n'), left, pdf.y, { width: width / 2 - 12 });
  const sellerBottom = pdf.y;
  pdf.font(bold).text('Bill to', left + width / 2, top);
  pdf
    .font(regular)
    .text(partyLines(doc.buyer).join('\n'), left + width / 2, pdf.y, { width: width / 2 });
  pdf.y = Math.max(sellerBottom, pdf.y) + 12;

  const facts: [string, string | null][] = [
    ['Number', doc.number],
    ['Issue date', doc.issueDate],
    ['Delivery date', doc.deliveryDate],
    ['Period', doc.period ? `${doc.period.start} to ${doc.period.end}` : null],
    ['Due date', doc.dueDate],
    ['Purchase order', doc.purchaseOrder],
    ['Buyer reference', doc.buyerReference],
    [
      'Credits invoice',
      doc.preceding ? `${doc.preceding.number} of ${doc.preceding.issueDate}` : null,
    ],
    ['Currency', c],
  ];
  for (const [label, value] of facts.filter(([, v]) => v)) {
    const y = pdf.y;
    pdf.font(bold).fontSize(9).text(label, left, y, { width: 110 });
    pdf.font(regular).text(value!, left + 110, y, { width: width - 110 });
  }
  pdf.moveDown(1);

  const columns = [
    { label: '#', width: 0.05, align: 'left' as const },
    { label: 'Description', width: 0.39, align: 'left' as const },
    { label: 'Qty', width: 0.09, align: 'right' as const },
    { label: 'Unit price', width: 0.15, align: 'right' as const },
    { label: 'VAT', width: 0.12, align: 'right' as const },
    { label: `Net (${c})`, width: 0.2, align: 'right' as const },
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
        `${l.quantity}${l.unitCode === 'C62' ? '' : ` ${l.unitCode}`}`,
        l.unitPrice,
        l.category === 'S' ? `${l.rate}%` : l.category,
        l.net,
      ],
      regular,
    );
  pdf.moveDown(0.8);

  pdf.font(bold).fontSize(10).text('VAT breakdown', left);
  for (const b of doc.breakdown) {
    const label = `${vatCategoryNames[b.category]} (${b.category}${b.category === 'O' ? '' : ` ${b.rate}%`}): on ${b.taxable} ${c}`;
    const y = pdf.y;
    pdf
      .font(regular)
      .fontSize(9)
      .text(label, left, y, { width: width * 0.75 });
    pdf.text(`${b.tax} ${c}`, left + width * 0.75, y, { width: width * 0.25, align: 'right' });
    if (b.exemption) pdf.fontSize(8).text(b.exemption.text, left, pdf.y, { width: width * 0.75 });
  }
  pdf.moveDown(0.6);
  const total = (label: string, value: string, font = regular) => {
    const y = pdf.y;
    pdf
      .font(font)
      .fontSize(10)
      .text(label, left + width * 0.45, y, { width: width * 0.3 });
    pdf.text(`${value} ${c}`, left + width * 0.75, y, { width: width * 0.25, align: 'right' });
  };
  total('Total without VAT', doc.net);
  total('VAT', doc.tax);
  total(doc.kind === 'invoice' ? 'Amount due' : 'Amount credited', doc.gross, bold);
  if (doc.taxCurrency)
    total(`VAT in ${doc.taxCurrency.code} at ${doc.taxCurrency.rate}`, doc.taxCurrency.tax);
  pdf.moveDown(1);

  pdf.font(bold).fontSize(10).text('Payment', left);
  pdf.font(regular).fontSize(9).text(doc.paymentTerms, left, pdf.y, { width });
  if (doc.kind === 'invoice') {
    if (doc.seller.iban)
      pdf.text(
        `IBAN ${group(doc.seller.iban)}${doc.seller.bic ? `   BIC ${doc.seller.bic}` : ''}   Account holder: ${doc.seller.legalName}`,
        { width },
      );
    pdf.text(`Creditor reference: ${printCreditorReference(doc.creditorReference)}`, { width });
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
      .text(`${doc.number} · page ${i + 1} of ${range.count}`, left, pdf.page.height - 40, {
        width,
        align: 'right',
        lineBreak: false,
      });
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
