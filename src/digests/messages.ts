import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

/**
 * A sponsor's digest in its reader's language: the mail, its PDF and the portal's copy. Business
 * papers speak formal German ("Sie"), as the quotes and renewal notices do.
 */
const en = {
  title: '{{coop}}: what we did for {{organization}}, {{from}} to {{to}}',
  subject: 'Your {{frequency}} digest from {{coop}}: {{from}} to {{to}}',
  frequency: { weekly: 'weekly', monthly: 'monthly', quarterly: 'quarterly' },
  greeting: 'Hello {{name}},',
  greetingAll: 'Hello,',
  intro:
    'here is what the co-op did for {{organization}} from {{from}} to {{to}}. The PDF attached holds the same, with its SHA-256; your portal keeps every digest sent to you: {{link}}.',
  portal: 'Our organization',
  note: 'A word from us',
  agreement: 'Agreement {{number}} ({{tiers}}): {{amount}} every {{months}} months.',
  hours: '{{hours}} h {{minutes}} min',
  severity: { critical: 'critical', high: 'high', medium: 'medium', normal: 'normal', low: 'low' },
  work: {
    heading: 'What was done',
    none: 'No time was logged on work touching you in this period.',
    item: 'Work item',
    time: 'Time',
    state: 'State',
    finished: 'finished',
    ongoing: 'under way',
  },
  requests: {
    heading: 'Your requests',
    none: 'You opened no requests in this period, and none took our time.',
    request: 'Request',
    severity: 'Urgency',
    firstAnswer: 'First answer after',
    time: 'Time spent',
    unanswered: 'not answered yet',
    met: 'within the promise',
    breached: 'later than promised',
  },
  clocks:
    'Service-level clocks started in the period: {{met}} met, {{breached}} breached, {{open}} still running.',
  consultations: {
    heading: 'Consultations and your answers',
    none: 'We asked you about no planned change in this period.',
    line: '**{{title}}** (answer wanted by {{answerBy}}): {{answer}}. {{whatChanges}}',
    answered: 'answered',
    objected: 'you objected',
    overdue: 'no answer yet, overdue',
    open: 'no answer yet',
  },
  vulnerabilities: {
    heading: 'Vulnerabilities disclosed',
    none: 'No vulnerability was disclosed in this period.',
    line: '**{{title}}** ({{identifiers}}, {{severity}}), public on {{day}}: {{clock}}',
    noClock: 'your agreement carries no vulnerability clock',
    met: 'your impact note came within 6 hours',
    breached: 'your impact note came later than 6 hours',
    running: 'your impact note is being written',
  },
  changes: {
    heading: 'Releases and deprecations',
    none: 'No release or planned change touching your topics falls in this period.',
    notKept:
      'This digest was prepared before the co-op kept a record of releases and deprecations.',
    line: '**{{title}}** ({{kind}}, {{project}}): {{when}}',
    published: 'published on {{day}}',
    planned: 'planned for {{day}}',
    kind: {
      release: 'release',
      deprecation: 'deprecation',
      'end-of-support': 'end of support',
      'breaking-change': 'breaking change',
    },
  },
  next: {
    heading: 'Planned for the next cycle',
    none: 'No cycle after this period is set up yet.',
    intro: '{{title}}, {{from}} to {{to}} ({{state}}):',
    published: 'plan published',
    proposed: 'proposed, before the vote',
    item: '{{title}}: {{hours}} h',
    nothing: 'Nothing touching you is planned in it so far.',
  },
  value: {
    heading: 'What it is worth',
    spent:
      'The co-op spent {{hours}} on you in this period: {{months}} engineer-months (at 160 hours a month).',
    replace:
      'You told us that replacing or maintaining this yourselves would take {{months}} engineer-months.',
  },
  signature: 'With kind regards,\n{{coop}}',
};

const de = {
  title: '{{coop}}: Unsere Arbeit für {{organization}}, {{from}} bis {{to}}',
  subject: 'Ihr {{frequency}} Bericht von {{coop}}: {{from}} bis {{to}}',
  frequency: { weekly: 'wöchentlicher', monthly: 'monatlicher', quarterly: 'vierteljährlicher' },
  greeting: 'Guten Tag {{name}},',
  greetingAll: 'Guten Tag,',
  intro:
    'hier lesen Sie, was die Genossenschaft vom {{from}} bis zum {{to}} für {{organization}} getan hat. Das angehängte PDF enthält dasselbe mit seiner SHA-256-Prüfsumme; Ihr Portal bewahrt jeden Bericht auf, den wir Ihnen senden: {{link}}.',
  portal: 'Unsere Organisation',
  note: 'Ein Wort von uns',
  agreement: 'Vereinbarung {{number}} ({{tiers}}): {{amount}} alle {{months}} Monate.',
  hours: '{{hours}} Std. {{minutes}} Min.',
  severity: {
    critical: 'kritisch',
    high: 'hoch',
    medium: 'mittel',
    normal: 'normal',
    low: 'niedrig',
  },
  work: {
    heading: 'Was getan wurde',
    none: 'In diesem Zeitraum wurde keine Zeit auf Arbeit erfasst, die Sie betrifft.',
    item: 'Arbeitspaket',
    time: 'Zeit',
    state: 'Stand',
    finished: 'abgeschlossen',
    ongoing: 'in Arbeit',
  },
  requests: {
    heading: 'Ihre Anfragen',
    none: 'Sie haben in diesem Zeitraum keine Anfrage gestellt, und keine hat unsere Zeit beansprucht.',
    request: 'Anfrage',
    severity: 'Dringlichkeit',
    firstAnswer: 'Erste Antwort nach',
    time: 'Aufgewendete Zeit',
    unanswered: 'noch nicht beantwortet',
    met: 'innerhalb der Zusage',
    breached: 'später als zugesagt',
  },
  clocks:
    'Im Zeitraum gestartete Service-Level-Uhren: {{met}} eingehalten, {{breached}} überschritten, {{open}} laufen noch.',
  consultations: {
    heading: 'Konsultationen und Ihre Antworten',
    none: 'Wir haben Sie in diesem Zeitraum zu keiner geplanten Änderung befragt.',
    line: '**{{title}}** (Antwort erbeten bis {{answerBy}}): {{answer}}. {{whatChanges}}',
    answered: 'beantwortet',
    objected: 'Sie haben widersprochen',
    overdue: 'noch keine Antwort, überfällig',
    open: 'noch keine Antwort',
  },
  vulnerabilities: {
    heading: 'Veröffentlichte Schwachstellen',
    none: 'In diesem Zeitraum wurde keine Schwachstelle veröffentlicht.',
    line: '**{{title}}** ({{identifiers}}, {{severity}}), öffentlich am {{day}}: {{clock}}',
    noClock: 'Ihre Vereinbarung sieht keine Schwachstellen-Uhr vor',
    met: 'Ihre Einschätzung der Auswirkungen kam innerhalb von 6 Stunden',
    breached: 'Ihre Einschätzung der Auswirkungen kam später als nach 6 Stunden',
    running: 'Ihre Einschätzung der Auswirkungen wird geschrieben',
  },
  changes: {
    heading: 'Releases und Abkündigungen',
    none: 'In diesem Zeitraum fällt kein Release und keine geplante Änderung an, die Ihre Themen berührt.',
    notKept:
      'Dieser Bericht entstand, bevor die Genossenschaft ein Verzeichnis der Releases und Abkündigungen führte.',
    line: '**{{title}}** ({{kind}}, {{project}}): {{when}}',
    published: 'veröffentlicht am {{day}}',
    planned: 'geplant für den {{day}}',
    kind: {
      release: 'Release',
      deprecation: 'Abkündigung',
      'end-of-support': 'Ende der Unterstützung',
      'breaking-change': 'inkompatible Änderung',
    },
  },
  next: {
    heading: 'Geplant für den nächsten Zyklus',
    none: 'Ein Zyklus nach diesem Zeitraum ist noch nicht angelegt.',
    intro: '{{title}}, {{from}} bis {{to}} ({{state}}):',
    published: 'Plan veröffentlicht',
    proposed: 'vorgeschlagen, vor der Abstimmung',
    item: '{{title}}: {{hours}} Std.',
    nothing: 'Bisher ist darin nichts geplant, das Sie betrifft.',
  },
  value: {
    heading: 'Was es wert ist',
    spent:
      'Die Genossenschaft hat in diesem Zeitraum {{hours}} für Sie aufgewendet: {{months}} Personenmonate (zu 160 Stunden im Monat).',
    replace:
      'Sie haben uns gesagt, dass es {{months}} Personenmonate bräuchte, dies selbst zu ersetzen oder zu pflegen.',
  },
  signature: 'Mit freundlichen Grüßen\n{{coop}}',
};

export const digestsCatalogue = catalogue('digests', { en, de });
export const digestText = serverMessages(digestsCatalogue);
