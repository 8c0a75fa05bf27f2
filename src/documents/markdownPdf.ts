import { createHash } from 'node:crypto';
import { Lexer, type Token, type Tokens } from 'marked';
import PDFDocument from 'pdfkit';
import type { Locale } from '../platform/i18n/locales.ts';
import { pdfText } from './pdfMessages.ts';

export interface PdfMeta {
  title: string;
  coopName: string;
  templateKey: string;
  templateVersion: string;
  /** SHA-256 of the filled Markdown, printed on every page. */
  sha256: string;
  /** The rendering's time: the PDF's creation date, so the same inputs give the same bytes. */
  createdAt: Date;
  /** The language of the text, so that the page frame speaks it too. */
  locale?: Locale;
}

export const sha256Hex = (data: string | Buffer): string =>
  createHash('sha256').update(data).digest('hex');

const margin = 56;

type Doc = InstanceType<typeof PDFDocument>;

/** Inline tokens as runs of plain and bold text. */
function runs(
  tokens: Token[] | undefined,
  fallback: string,
  bold = false,
): { text: string; bold: boolean }[] {
  if (!tokens || tokens.length === 0) return [{ text: fallback, bold }];
  return tokens.flatMap((t) => {
    if (t.type === 'strong')
      return runs((t as Tokens.Strong).tokens, (t as Tokens.Strong).text, true);
    if (t.type === 'em') return runs((t as Tokens.Em).tokens, (t as Tokens.Em).text, bold);
    if (t.type === 'link')
      return [{ text: `${(t as Tokens.Link).text} (${(t as Tokens.Link).href})`, bold }];
    if (t.type === 'br') return [{ text: '\n', bold }];
    if ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length > 0)
      return runs(t.tokens as Token[], (t as Tokens.Text).text, bold);
    return [{ text: unescape((t as Tokens.Text).text ?? t.raw), bold }];
  });
}

const unescape = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

function paragraph(
  doc: Doc,
  parts: { text: string; bold: boolean }[],
  options: PDFKit.Mixins.TextOptions = {},
) {
  // A soft line break in the Markdown source ends a line here too (pdfkit drops a newline
  // inside a continued run).
  const lines: { text: string; bold: boolean }[][] = [[]];
  for (const part of parts)
    part.text.split('\n').forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece) lines.at(-1)!.push({ text: piece, bold: part.bold });
    });
  for (const line of lines.filter((l) => l.length > 0))
    line.forEach((part, i) =>
      doc
        .font(part.bold ? 'Helvetica-Bold' : 'Helvetica')
        .text(part.text, { ...options, continued: i < line.length - 1 }),
    );
}

function table(doc: Doc, token: Tokens.Table) {
  const width = doc.page.width - 2 * margin;
  const columns = token.header.length;
  // The first column (a description) takes half the width; the others share the rest.
  const widths = token.header.map((_, i) =>
    columns === 1 ? width : i === 0 ? width / 2 : width / 2 / (columns - 1),
  );
  const row = (cells: Tokens.TableCell[], bold: boolean) => {
    if (doc.y > doc.page.height - margin - 60) doc.addPage();
    const y = doc.y;
    let x = margin;
    let bottom = y;
    cells.forEach((cell, i) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9.5);
      const align = token.align[i] === 'right' ? 'right' : 'left';
      doc.text(unescape(cell.text), x, y, { width: widths[i]! - 6, align });
      bottom = Math.max(bottom, doc.y);
      x += widths[i]!;
    });
    doc.x = margin;
    doc.y = bottom + 3;
  };
  row(token.header, true);
  doc
    .moveTo(margin, doc.y)
    .lineTo(margin + width, doc.y)
    .strokeColor('#888')
    .stroke();
  doc.y += 3;
  for (const cells of token.rows) row(cells, false);
  doc.moveDown(0.6);
}

function block(doc: Doc, token: Token) {
  doc.x = margin;
  switch (token.type) {
    case 'heading': {
      const t = token as Tokens.Heading;
      const size = [0, 18, 14, 12, 11, 10, 10][t.depth] ?? 11;
      if (doc.y > doc.page.height - margin - 80) doc.addPage();
      doc
        .moveDown(t.depth === 1 ? 0 : 0.4)
        .fontSize(size)
        .fillColor('#000');
      paragraph(doc, runs(t.tokens, t.text, true));
      doc.moveDown(0.3);
      return;
    }
    case 'paragraph': {
      const t = token as Tokens.Paragraph;
      doc.fontSize(10.5).fillColor('#000');
      paragraph(doc, runs(t.tokens, t.text), { align: 'left' });
      doc.moveDown(0.5);
      return;
    }
    case 'list': {
      const t = token as Tokens.List;
      doc.fontSize(10.5).fillColor('#000');
      t.items.forEach((item, i) => {
        const marker = t.ordered ? `${Number(t.start || 1) + i}.` : '•';
        const y = doc.y;
        doc.font('Helvetica').text(marker, margin + 4, y, { width: 18 });
        doc.y = y;
        doc.x = margin + 22;
        const inline = item.tokens.flatMap((child) =>
          child.type === 'text' || child.type === 'paragraph'
            ? runs((child as Tokens.Text).tokens, (child as Tokens.Text).text)
            : [{ text: child.raw.trim(), bold: false }],
        );
        paragraph(doc, inline, { width: doc.page.width - 2 * margin - 22 });
        doc.moveDown(0.2);
      });
      doc.x = margin;
      doc.moveDown(0.4);
      return;
    }
    case 'table':
      return table(doc, token as Tokens.Table);
    case 'code': {
      // Verbatim text (the DCO): kept exactly, line for line.
      doc
        .font('Courier')
        .fontSize(9)
        .fillColor('#000')
        .text((token as Tokens.Code).text);
      doc.moveDown(0.6);
      return;
    }
    case 'blockquote': {
      const t = token as Tokens.Blockquote;
      doc.fontSize(10).fillColor('#333');
      for (const child of t.tokens) block(doc, child);
      doc.fillColor('#000');
      return;
    }
    case 'hr':
      doc
        .moveTo(margin, doc.y)
        .lineTo(doc.page.width - margin, doc.y)
        .strokeColor('#bbb')
        .stroke();
      doc.moveDown(0.6);
      return;
    default:
      return;
  }
}

/**
 * Markdown set as an A4 PDF: headings, paragraphs with bold, lists, tables, verbatim blocks.
 * Every page's footer carries the template and its version, the text's SHA-256 and the page
 * number, so a printed page says which text it belongs to.
 */
export function markdownPdf(markdown: string, meta: PdfMeta): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin + 20, left: margin, right: margin },
    bufferPages: true,
    info: {
      Title: meta.title,
      Author: meta.coopName,
      Subject: `${meta.templateKey} ${meta.templateVersion}; SHA-256 ${meta.sha256}`,
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  doc.font('Helvetica').fontSize(9).fillColor('#555').text(meta.coopName);
  doc.moveDown(0.5).fillColor('#000');
  for (const token of new Lexer().lex(markdown)) block(doc, token);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor('#555')
      .text(
        pdfText(meta.locale ?? 'en', 'footer', {
          template: meta.templateKey,
          version: meta.templateVersion,
          sha256: meta.sha256,
          page: i - range.start + 1,
          pages: range.count,
        }),
        margin,
        doc.page.height - margin,
        { width: doc.page.width - 2 * margin, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
