import { Marked } from 'marked';
import { markdownPdf } from '../documents/markdownPdf.ts';
import { displayDay } from '../platform/i18n/dates.ts';
import type { Locale } from '../platform/i18n/locales.ts';
import { displayMoney } from '../platform/money/display.ts';
import type { DigestContent } from './content.ts';
import { digestText } from './messages.ts';

export interface DigestFrame {
  coopName: string;
  /** The reader's name in the greeting; none in the portal's and the officers' copy. */
  recipientName?: string;
  portalLink: string;
  note: string;
  contentHash: string;
  locale: Locale;
}

/** Text from the records set as Markdown literally: a title with `*` or `|` stays a title. */
const literal = (text: string) => text.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`).trim();

/** Text from the records in a table cell: literal as elsewhere, on one line. */
export const tableCell = (text: string) => literal(text.replace(/\s+/g, ' '));

/** Minutes for people: "12 h 30 min", "12 Std. 30 Min.", exact (no rounding to decimals). */
export const displayHours = (minutes: number, locale: Locale) =>
  digestText(locale, 'hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });

/** Tenths as a decimal in the reader's style: 12.5 or 12,5. */
const tenths = (value: number, locale: Locale) =>
  `${Math.floor(value / 10)}${locale === 'de' ? ',' : '.'}${value % 10}`;

const severity = (value: string, locale: Locale) =>
  ['critical', 'high', 'medium', 'normal', 'low'].includes(value)
    ? digestText(locale, `severity.${value as 'critical'}`)
    : value;

/** The digest as Markdown, in one language: the source of the mail's text and HTML and the PDF. */
export function digestMarkdown(c: DigestContent, frame: DigestFrame): string {
  const l = frame.locale;
  const t = (key: Parameters<typeof digestText>[1], vars?: Record<string, string | number>) =>
    digestText(l, key, vars);
  const day = (d: string) => displayDay(d, l);
  const out: string[] = [];
  const period = { from: day(c.period.from), to: day(c.period.to) };
  out.push(
    `# ${literal(t('title', { coop: frame.coopName, organization: c.organization.name, ...period }))}`,
  );
  // The intro goes on from the greeting: the portal's copy greets no one by name.
  out.push(
    frame.recipientName ? literal(t('greeting', { name: frame.recipientName })) : t('greetingAll'),
  );
  out.push(
    t('intro', {
      organization: literal(c.organization.name),
      ...period,
      link: `[${t('portal')}](${frame.portalLink})`,
    }),
  );
  if (c.agreement)
    out.push(
      t('agreement', {
        number: c.agreement.number,
        tiers: literal(c.agreement.tiers.join(', ')),
        amount: displayMoney(BigInt(c.agreement.perPeriodMinor), c.agreement.currency, l),
        months: c.agreement.billingPeriodMonths,
      }),
    );
  if (frame.note.trim()) out.push(`## ${t('note')}`, literal(frame.note));

  out.push(`## ${t('work.heading')}`);
  if (c.work.length === 0) out.push(t('work.none'));
  else
    out.push(
      [
        `| ${t('work.item')} | ${t('work.time')} | ${t('work.state')} |`,
        '| --- | --- | --- |',
        ...c.work.map(
          (w) =>
            `| ${tableCell(w.title)} | ${displayHours(w.minutes, l)} | ${t(
              w.finished ? 'work.finished' : 'work.ongoing',
            )} |`,
        ),
      ].join('\n'),
    );

  out.push(`## ${t('requests.heading')}`);
  if (c.requests.length === 0) out.push(t('requests.none'));
  else
    out.push(
      [
        `| ${t('requests.request')} | ${t('requests.severity')} | ${t('requests.firstAnswer')} | ${t('requests.time')} |`,
        '| --- | --- | --- | --- |',
        ...c.requests.map((r) => {
          const first =
            r.firstResponseMinutes === null
              ? t('requests.unanswered')
              : `${displayHours(r.firstResponseMinutes, l)}${
                  r.firstResponseMet === null
                    ? ''
                    : ` (${t(r.firstResponseMet ? 'requests.met' : 'requests.breached')})`
                }`;
          return `| ${r.number}: ${tableCell(r.subject)} | ${severity(r.severity, l)} | ${first} | ${displayHours(r.minutes, l)} |`;
        }),
      ].join('\n'),
    );
  out.push(t('clocks', { ...c.clocks }));

  out.push(`## ${t('consultations.heading')}`);
  if (c.consultations.length === 0) out.push(t('consultations.none'));
  else
    out.push(
      c.consultations
        .map(
          (k) =>
            `- ${t('consultations.line', {
              title: literal(k.title),
              answerBy: day(k.answerBy),
              answer: t(
                k.objected
                  ? 'consultations.objected'
                  : k.answered
                    ? 'consultations.answered'
                    : k.overdue
                      ? 'consultations.overdue'
                      : 'consultations.open',
              ),
              whatChanges: literal(k.whatChanges.replace(/\s+/g, ' ')),
            })}`,
        )
        .join('\n'),
    );

  out.push(`## ${t('vulnerabilities.heading')}`);
  if (c.vulnerabilities.length === 0) out.push(t('vulnerabilities.none'));
  else
    out.push(
      c.vulnerabilities
        .map(
          (v) =>
            `- ${t('vulnerabilities.line', {
              title: literal(v.title),
              identifiers: literal(v.identifiers.join(', ')),
              severity: severity(v.severity, l),
              day: day(v.disclosedAt),
              clock: t(
                v.impactNoteClock === 'met'
                  ? 'vulnerabilities.met'
                  : v.impactNoteClock === 'breached'
                    ? 'vulnerabilities.breached'
                    : v.impactNoteClock === null
                      ? 'vulnerabilities.noClock'
                      : 'vulnerabilities.running',
              ),
            })}`,
        )
        .join('\n'),
    );

  out.push(`## ${t('changes.heading')}`);
  const changes = c.changes ?? [];
  // A digest kept from before releases were recorded says so, rather than "none".
  if (!c.changes) out.push(t('changes.notKept'));
  else if (changes.length === 0) out.push(t('changes.none'));
  else
    out.push(
      changes
        .map(
          (r) =>
            `- ${t('changes.line', {
              title: literal(r.title),
              kind: t(`changes.kind.${r.kind}`),
              project: literal(r.version ? `${r.project} ${r.version}` : r.project),
              when: t(r.published ? 'changes.published' : 'changes.planned', { day: day(r.day) }),
            })}`,
        )
        .join('\n'),
    );

  out.push(`## ${t('next.heading')}`);
  if (!c.nextCycle) out.push(t('next.none'));
  else {
    out.push(
      t('next.intro', {
        title: literal(c.nextCycle.title),
        from: day(c.nextCycle.startsOn),
        to: day(c.nextCycle.endsOn),
        state: t(c.nextCycle.published ? 'next.published' : 'next.proposed'),
      }),
    );
    out.push(
      c.nextCycle.items.length === 0
        ? t('next.nothing')
        : c.nextCycle.items
            .map((i) => `- ${t('next.item', { title: literal(i.title), hours: i.hours })}`)
            .join('\n'),
    );
  }

  out.push(`## ${t('value.heading')}`);
  out.push(
    t('value.spent', {
      hours: displayHours(c.totals.minutes, l),
      months: tenths(c.totals.engineerMonthsTenths, l),
    }),
  );
  if (c.totals.replaceEngineerMonthsTenths !== null)
    out.push(t('value.replace', { months: tenths(c.totals.replaceEngineerMonthsTenths, l) }));
  out.push(literal(t('signature', { coop: frame.coopName })).replace('\n', '  \n'));
  return `${out.join('\n\n')}\n`;
}

/** The Markdown as a plain-text mail: no emphasis marks or escapes, headings underlined. */
export function markdownToText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      const heading = /^(#{1,3}) (.*)$/.exec(line);
      const text = (heading ? heading[2]! : line)
        .replace(/\*\*/g, '')
        .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
        .replace(/\\(.)/g, '$1')
        .replace(/ {2}$/, '');
      if (/^\| (--- \|)+$/.test(line)) return '';
      return heading ? `${text}\n${(heading[1] === '#' ? '=' : '-').repeat(text.length)}` : text;
    })
    .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
    .join('\n');
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Raw HTML in the Markdown is shown as text, never passed on: the records are not trusted. */
const marked = new Marked({
  gfm: true,
  renderer: { html: ({ text }) => escapeHtml(text) },
});

/** The Markdown as the mail's HTML part: a whole document, with a little inline style. */
export function markdownToHtml(markdown: string, locale: Locale, title: string): string {
  const body = marked.parse(markdown, { async: false });
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:1rem auto;padding:0 1rem;line-height:1.45;color:#1a1a1a}h1{font-size:1.5rem}h2{font-size:1.2rem}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}</style>
</head><body>
${body}</body></html>
`;
}

export const DIGEST_TEMPLATE = { key: 'sponsor-digest', version: '1' } as const;

/** The PDF: the Markdown set by the documents' typesetter, its hash on every page. */
export function digestPdf(markdown: string, frame: DigestFrame, title: string, at: Date) {
  return markdownPdf(markdown, {
    title,
    coopName: frame.coopName,
    templateKey: DIGEST_TEMPLATE.key,
    templateVersion: DIGEST_TEMPLATE.version,
    sha256: frame.contentHash,
    createdAt: at,
    locale: frame.locale,
  });
}
