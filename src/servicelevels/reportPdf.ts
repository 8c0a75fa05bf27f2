import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { displayDay, displayInstant } from '../platform/i18n/dates.ts';
import { intlTags, type Locale } from '../platform/i18n/locales.ts';
import { displayMoney } from '../platform/money/display.ts';
import { requestSeverities, type RequestSeverity } from '../requests/events.ts';
import type { complianceReport } from './clockQueries.ts';
import { complianceReportPdfText } from './reportPdfMessages.ts';

const isSeverity = (s: string): s is RequestSeverity =>
  (requestSeverities as readonly string[]).includes(s);

export type ComplianceReport = Awaited<ReturnType<typeof complianceReport>>;

/** An embedded TrueType font where the system has one (umlauts, dashes); else Helvetica. */
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

/**
 * The compliance report as a sponsor files it: the period, the counts, every clock started in
 * it with its target, deadline, outcome and evidence, and the service credit its breach gave.
 * In the sponsor's language; the same report gives the same bytes (no "now" inside but
 * `preparedAt`).
 */
export function complianceReportPdf(
  report: ComplianceReport,
  organizationName: string,
  locale: Locale,
  preparedAt: Date,
): Promise<Buffer> {
  const L = (
    key: Parameters<typeof complianceReportPdfText>[1],
    vars?: Record<string, string | number>,
  ) => complianceReportPdfText(locale, key, vars);
  const title = L('title');
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 48,
    bufferPages: true,
    lang: locale,
    info: { Title: `${title}: ${organizationName}`, Subject: title, CreationDate: preparedAt },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    pdf.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const regular = fontFiles ? 'body' : 'Helvetica';
  const bold = fontFiles ? 'bold' : 'Helvetica-Bold';
  if (fontFiles) {
    pdf.registerFont('body', fontFiles[0]!);
    pdf.registerFont('bold', fontFiles[1]!);
  }
  const left = 48;
  const width = pdf.page.width - 96;
  const day = (d: string) => displayDay(d, locale);
  const instant = (d: Date | string) => displayInstant(new Date(d), locale).replace(/ UTC$/, '');
  const hours = (minutes: number) =>
    new Intl.NumberFormat(intlTags[locale], { maximumFractionDigits: 2 }).format(minutes / 60);

  pdf.font(bold).fontSize(18).text(title, left, 48, { width });
  pdf.moveDown(0.5);
  const facts: [string, string][] = [
    [L('organization'), organizationName],
    [L('period'), L('periodRange', { from: day(report.from), to: day(report.to) })],
    [L('generated'), `${instant(preparedAt)} UTC`],
  ];
  for (const [label, value] of facts) {
    const y = pdf.y;
    pdf.font(bold).fontSize(10).text(label, left, y, { width: 110 });
    pdf.font(regular).text(value, left + 110, y, { width: width - 110 });
  }
  pdf.moveDown(1);

  pdf.font(bold).fontSize(12).text(L('summary'), left);
  pdf
    .font(regular)
    .fontSize(10)
    .text(
      L('summaryLine', {
        total: report.clocks.length,
        met: report.met,
        breached: report.breached,
        open: report.open,
      }),
      left,
      pdf.y,
      { width },
    );
  // Owed credits by currency (an agreement in another currency adds its own line).
  const owed = new Map<string, bigint>();
  for (const c of report.clocks)
    if (c.credit)
      owed.set(
        c.credit.currency,
        (owed.get(c.credit.currency) ?? 0n) + BigInt(c.credit.amountMinor),
      );
  pdf.text(
    owed.size === 0
      ? L('noCredits')
      : L('creditsTotal', {
          amount: [...owed].map(([cur, minor]) => displayMoney(minor, cur, locale)).join(', '),
        }),
    left,
    pdf.y,
    { width },
  );
  pdf.moveDown(1);

  const columns = [
    { label: L('started'), width: 0.18 },
    { label: L('clock'), width: 0.19 },
    { label: L('target'), width: 0.12 },
    { label: L('deadline'), width: 0.18 },
    { label: L('state'), width: 0.11 },
    { label: L('credit'), width: 0.22 },
  ];
  const row = (cells: string[], font: string, size = 9) => {
    const y = pdf.y;
    let x = left;
    let bottom = y;
    pdf.font(font).fontSize(size);
    columns.forEach((col, i) => {
      const w = col.width * width;
      pdf.text(cells[i] ?? '', x, y, { width: w - 6 });
      bottom = Math.max(bottom, pdf.y);
      x += w;
    });
    pdf.y = bottom + 2;
  };
  const rule = () => {
    pdf
      .moveTo(left, pdf.y)
      .lineTo(left + width, pdf.y)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    pdf.y += 4;
  };

  const header = () => {
    row(
      columns.map((c) => c.label),
      bold,
    );
    rule();
  };
  if (report.clocks.length === 0) pdf.font(regular).fontSize(10).text(L('noClocks'), left);
  else header();
  const bottom = pdf.page.height - 70;
  for (const c of report.clocks) {
    // A clock and its evidence stay on one page: a new page, with the header again, when the
    // block would not fit (a block taller than a page simply runs on).
    pdf.font(regular).fontSize(7.5);
    const evidence = c.entries.reduce(
      (h, e) => h + pdf.heightOfString(e.reason ?? 'x', { width: width - 16 }),
      0,
    );
    if (pdf.y + 48 + evidence > bottom && pdf.y > 200) {
      pdf.addPage();
      header();
    }
    const kind = L(`kinds.${c.kind}`);
    const credit = c.credit;
    const notes = credit?.issues.map((i) => i.creditNoteNumber).join(', ') ?? '';
    const money = (minor: string) => displayMoney(BigInt(minor), credit!.currency, locale);
    const creditText = !credit
      ? ''
      : credit.state === 'issued'
        ? L('creditIssued', { amount: money(credit.amountMinor), notes })
        : credit.issuedMinor !== '0'
          ? L('creditPartly', {
              amount: money(credit.amountMinor),
              issued: money(credit.issuedMinor),
              notes,
            })
          : L('creditConfirmed', { amount: money(credit.amountMinor) });
    row(
      [
        instant(c.startedAt),
        c.severity && isSeverity(c.severity)
          ? L('severity', { kind, severity: L(`severities.${c.severity}`) })
          : kind,
        L(c.mode === 'business' ? 'businessHours' : 'hours', { hours: hours(c.targetMinutes) }),
        c.deadlineAt ? instant(c.deadlineAt) : '',
        L(`states.${c.state}`),
        creditText,
      ],
      regular,
    );
    // The evidence, indented under its clock, in the order it happened.
    pdf.font(regular).fontSize(7.5).fillColor('#444444');
    for (const e of c.entries) {
      const vars = { at: instant(e.at), kind: L(`entries.${e.kind}`), reason: e.reason ?? '' };
      pdf.text(L(e.reason ? 'entryReason' : 'entry', vars), left + 16, pdf.y, {
        width: width - 16,
      });
    }
    pdf.fillColor('black');
    pdf.y += 3;
    rule();
  }
  pdf.moveDown(0.5).font(regular).fontSize(8).text(L('times'), left);

  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // The footer sits in the bottom margin: without this pdfkit would start a page for it.
    pdf.page.margins.bottom = 0;
    pdf
      .font(regular)
      .fontSize(8)
      .text(L('page', { page: i + 1, pages: range.count }), left, pdf.page.height - 40, {
        width,
        align: 'right',
        lineBreak: false,
      });
  }
  pdf.end();
  return done;
}
