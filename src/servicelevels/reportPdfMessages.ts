import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

/** The compliance report PDF's words, in the sponsor organization's language. */
const en = {
  title: 'Service-level compliance report',
  organization: 'Sponsor',
  period: 'Period',
  periodRange: '{{from}} to {{to}}',
  generated: 'Prepared',
  summary: 'Summary',
  summaryLine:
    '{{total}} clocks started in the period: {{met}} met, {{breached}} breached, {{open}} still running.',
  creditsTotal: 'Service credits owed for the period: {{amount}}',
  noCredits: 'No service credits are owed for the period.',
  noClocks: 'No clock started in this period.',
  started: 'Started',
  clock: 'Promise',
  target: 'Target',
  deadline: 'Deadline',
  state: 'Outcome',
  credit: 'Service credit',
  hours: '{{hours}} h',
  businessHours: '{{hours}} h (business)',
  severity: '{{kind}} ({{severity}})',
  creditIssued: '{{amount}}, credited on {{notes}}',
  creditConfirmed: '{{amount}}, on the next invoice',
  creditPartly: '{{amount}}: {{issued}} credited on {{notes}}, the rest on the next invoice',
  entry: '{{at}}: {{kind}}',
  entryReason: '{{at}}: {{kind}} ({{reason}})',
  times: 'Times are UTC.',
  page: 'Compliance report · page {{page}} of {{pages}}',
  creditNoteLine:
    'Service credit: {{kind}} promise broken on {{day}} (billing period {{from}} to {{to}})',
  kinds: {
    'first-response': 'First response',
    update: 'Update',
    resolution: 'Resolution',
    'impact-note': 'Impact note',
    'vulnerability-response': 'Vulnerability response',
  },
  severities: { critical: 'critical', high: 'high', normal: 'normal', low: 'low' },
  states: {
    running: 'running',
    paused: 'paused',
    met: 'met',
    breached: 'breached',
  },
  entries: {
    started: 'started',
    paused: 'paused',
    resumed: 'resumed',
    warned: 'warned at 80%',
    met: 'met',
    breached: 'breached',
    'answered-late': 'answered late',
  },
};

const de: typeof en = {
  title: 'Service-Level-Nachweis',
  organization: 'Sponsor',
  period: 'Zeitraum',
  periodRange: '{{from}} bis {{to}}',
  generated: 'Erstellt',
  summary: 'Übersicht',
  summaryLine:
    '{{total}} Uhren im Zeitraum gestartet: {{met}} eingehalten, {{breached}} verfehlt, {{open}} laufen noch.',
  creditsTotal: 'Servicegutschriften für den Zeitraum: {{amount}}',
  noCredits: 'Für den Zeitraum sind keine Servicegutschriften geschuldet.',
  noClocks: 'In diesem Zeitraum wurde keine Uhr gestartet.',
  started: 'Beginn',
  clock: 'Zusage',
  target: 'Ziel',
  deadline: 'Frist',
  state: 'Ergebnis',
  credit: 'Servicegutschrift',
  hours: '{{hours}} Std.',
  businessHours: '{{hours}} Std. (Geschäftszeit)',
  severity: '{{kind}} ({{severity}})',
  creditIssued: '{{amount}}, gutgeschrieben mit {{notes}}',
  creditConfirmed: '{{amount}}, mit der nächsten Rechnung',
  creditPartly:
    '{{amount}}: {{issued}} gutgeschrieben mit {{notes}}, der Rest mit der nächsten Rechnung',
  entry: '{{at}}: {{kind}}',
  entryReason: '{{at}}: {{kind}} ({{reason}})',
  times: 'Zeiten in UTC.',
  page: 'Service-Level-Nachweis · Seite {{page}} von {{pages}}',
  creditNoteLine:
    'Servicegutschrift: Zusage „{{kind}}“ am {{day}} verfehlt (Abrechnungszeitraum {{from}} bis {{to}})',
  kinds: {
    'first-response': 'Erste Antwort',
    update: 'Zwischenstand',
    resolution: 'Lösung',
    'impact-note': 'Auswirkungsnotiz',
    'vulnerability-response': 'Antwort nach Schwachstelle',
  },
  severities: { critical: 'kritisch', high: 'hoch', normal: 'normal', low: 'niedrig' },
  states: {
    running: 'läuft',
    paused: 'pausiert',
    met: 'eingehalten',
    breached: 'verfehlt',
  },
  entries: {
    started: 'gestartet',
    paused: 'pausiert',
    resumed: 'fortgesetzt',
    warned: 'Warnung bei 80 %',
    met: 'eingehalten',
    breached: 'verfehlt',
    'answered-late': 'verspätet beantwortet',
  },
};

export const complianceReportPdfCatalogue = catalogue('servicelevels-report-pdf', { en, de });
export const complianceReportPdfText = serverMessages(complianceReportPdfCatalogue);
