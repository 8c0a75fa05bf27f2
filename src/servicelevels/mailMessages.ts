import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

/** Mails to officers about a clock, in each officer's language. */
const en = {
  alert: {
    warnedSubject: 'Service level at 80%: {{kind}} for {{organization}}',
    breachedSubject: 'Service level breached: {{kind}} for {{organization}}',
    greeting: 'Hello {{name}},',
    warned:
      'The {{kind}} clock for {{organization}} has used 80% of its target of {{minutes}} minutes. Its deadline is {{deadline}}.',
    breached:
      'The {{kind}} clock for {{organization}} reached its deadline ({{deadline}}) unmet. The breach is recorded as evidence.',
    open: 'The clocks running now:',
  },
  kinds: {
    'first-response': 'first response',
    update: 'update',
    resolution: 'resolution',
    'impact-note': 'impact note',
    'vulnerability-response': 'vulnerability response',
  },
};

const de = {
  alert: {
    warnedSubject: 'Service-Level bei 80 %: {{kind}} für {{organization}}',
    breachedSubject: 'Service-Level verfehlt: {{kind}} für {{organization}}',
    greeting: 'Hallo {{name}},',
    warned:
      'Die Uhr „{{kind}}“ für {{organization}} hat 80 % ihres Ziels von {{minutes}} Minuten verbraucht. Die Frist endet {{deadline}}.',
    breached:
      'Die Uhr „{{kind}}“ für {{organization}} hat ihre Frist ({{deadline}}) nicht eingehalten. Die Verletzung ist als Nachweis festgehalten.',
    open: 'Die laufenden Uhren:',
  },
  kinds: {
    'first-response': 'Erste Antwort',
    update: 'Zwischenstand',
    resolution: 'Lösung',
    'impact-note': 'Auswirkungsnotiz',
    'vulnerability-response': 'Antwort nach Schwachstelle',
  },
};

export const serviceLevelsMailCatalogue = catalogue('servicelevels-mail', { en, de });
export const serviceLevelsMail = serverMessages(serviceLevelsMailCatalogue);
