import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

/** Mails about requests, each in its reader's language. German speaks to a company: "Sie". */
const en = {
  severity: { critical: 'critical', high: 'high', normal: 'normal', low: 'low' },
  opened: {
    subject: '[Request {{number}}] {{organization}}: {{subject}}',
    body: 'Hello {{name}},\n\n{{author}} of {{organization}} opened request {{number}} ({{severity}} urgency):\n\n{{subject}}\n\n{{text}}\n\nRead and answer it here:\n{{link}}',
  },
  replied: {
    subject: '[Request {{number}}] New reply: {{subject}}',
    body: 'Hello {{name}},\n\n{{author}} replied to request {{number}} ({{organization}}):\n\n{{text}}\n\nRead the thread and answer here:\n{{link}}',
  },
  waiting: {
    subject: '[Request {{number}}] We need something from you: {{subject}}',
    body: 'Hello {{name}},\n\nwe are waiting on you for request {{number}}:\n\n{{text}}\n\nReply here and we carry on:\n{{link}}',
  },
  resolved: {
    subject: '[Request {{number}}] Resolved: {{subject}}',
    body: 'Hello {{name}},\n\nrequest {{number}} was resolved by {{author}}.\n\n{{text}}\n\nIf it is not settled, reopen it here:\n{{link}}',
  },
};

const de = {
  severity: { critical: 'kritisch', high: 'hoch', normal: 'normal', low: 'niedrig' },
  opened: {
    subject: '[Anfrage {{number}}] {{organization}}: {{subject}}',
    body: 'Guten Tag {{name}},\n\n{{author}} von {{organization}} hat die Anfrage {{number}} gestellt (Dringlichkeit: {{severity}}):\n\n{{subject}}\n\n{{text}}\n\nHier lesen und beantworten:\n{{link}}',
  },
  replied: {
    subject: '[Anfrage {{number}}] Neue Antwort: {{subject}}',
    body: 'Guten Tag {{name}},\n\n{{author}} hat auf die Anfrage {{number}} ({{organization}}) geantwortet:\n\n{{text}}\n\nDen Verlauf lesen und antworten Sie hier:\n{{link}}',
  },
  waiting: {
    subject: '[Anfrage {{number}}] Wir benötigen etwas von Ihnen: {{subject}}',
    body: 'Guten Tag {{name}},\n\nfür die Anfrage {{number}} warten wir auf Sie:\n\n{{text}}\n\nAntworten Sie hier, dann machen wir weiter:\n{{link}}',
  },
  resolved: {
    subject: '[Anfrage {{number}}] Erledigt: {{subject}}',
    body: 'Guten Tag {{name}},\n\ndie Anfrage {{number}} wurde von {{author}} als erledigt markiert.\n\n{{text}}\n\nFalls sie nicht erledigt ist, öffnen Sie sie hier erneut:\n{{link}}',
  },
};

export const requestsMailCatalogue = catalogue('requests-mail', { en, de });
export const requestsMail = serverMessages(requestsMailCatalogue);
