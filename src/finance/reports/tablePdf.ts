import PDFDocument from 'pdfkit';

export interface PdfTable {
  title: string;
  subtitle: string;
  columns: { label: string; align?: 'left' | 'right'; width: number }[];
  rows: string[][];
  /** Rows drawn in bold (totals). */
  boldRows?: number[];
}

/** A report as a plain A4 PDF table: what an accountant or a procurement office files. */
export function tablePdf(coopName: string, table: PdfTable): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: table.title, Author: coopName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  doc.fontSize(9).fillColor('#555').text(coopName);
  doc.moveDown(0.3).fontSize(18).fillColor('#000').text(table.title);
  doc.moveDown(0.2).fontSize(10).fillColor('#333').text(table.subtitle);
  doc.moveDown(1);
  const total = table.columns.reduce((s, c) => s + c.width, 0);
  const scale = (doc.page.width - 96) / total;
  const drawRow = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - 72) doc.addPage();
    const y = doc.y;
    let x = 48;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(9)
      .fillColor('#000');
    let height = 0;
    table.columns.forEach((c, i) => {
      const width = c.width * scale;
      doc.text(cells[i] ?? '', x, y, { width: width - 6, align: c.align ?? 'left' });
      height = Math.max(height, doc.y - y);
      x += width;
    });
    doc.y = y + height + 3;
  };
  drawRow(
    table.columns.map((c) => c.label),
    true,
  );
  doc
    .moveTo(48, doc.y)
    .lineTo(doc.page.width - 48, doc.y)
    .strokeColor('#999')
    .stroke();
  doc.moveDown(0.3);
  table.rows.forEach((row, i) => drawRow(row, table.boldRows?.includes(i) ?? false));
  doc.end();
  return done;
}
