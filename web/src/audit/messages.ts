import { catalogue } from '../../../src/platform/i18n/messages.ts';
import { webMessages } from '../app/i18n.ts';

const en = {
  events: {
    title: 'Event log',
    search: 'Events',
    typeStarts: 'Event type starts with',
    typeHint: 'For example member. or invitation.accepted',
    filter: 'Filter',
    exportType: 'Export the “{{type}}” events, oldest first:',
    exportAll: 'Export the whole log, oldest first:',
    shown_one: '{{count}} event shown.',
    shown_other: '{{count}} events shown.',
    someone: 'someone',
    system: 'the system',
    subject: 'Subject: {{type}}',
    none: 'No events.',
    noneOfType: 'No events of type “{{type}}…”.',
    older: 'Older events',
  },
  consumers: {
    title: 'Event consumers',
    none: 'No consumer has started following the log yet.',
    caption: 'Each consumer’s position in the event log',
    consumer: 'Consumer',
    position: 'Position',
    behind: 'Behind',
    failures: 'Failures',
    lastError: 'Last error',
    nextRetry: 'Next retry',
    of: '#{{position}} of #{{latest}}',
  },
  outbox: {
    title: 'Outbox',
    refresh: 'Refresh',
    noSmtp: 'No mail server is configured',
    noSmtpSetting: '(the',
    noSmtpRest:
      ' setting), so the co-op holds its mail here instead of sending it. Open a message to read it and forward its link by hand.',
    none: 'No mail yet.',
    noneNext:
      'Mail the co-op sends (invitations, invoices, reminders) is listed here, with whether it has left.',
    to: 'To {{address}}',
    deliveryError: 'Delivery error: {{error}}',
    kind: 'Kind: {{kind}}. Created {{created}}.',
    kindSent: 'Kind: {{kind}}. Created {{created}}, sent {{sent}}.',
    statuses: { queued: 'Queued', sent: 'Sent', held: 'Held', failed: 'Failed' },
  },
};

const de = {
  events: {
    title: 'Ereignisprotokoll',
    search: 'Ereignisse',
    typeStarts: 'Ereignistyp beginnt mit',
    typeHint: 'Zum Beispiel member. oder invitation.accepted',
    filter: 'Filtern',
    exportType: 'Die Ereignisse „{{type}}“ exportieren, älteste zuerst:',
    exportAll: 'Das ganze Protokoll exportieren, älteste zuerst:',
    shown_one: '{{count}} Ereignis angezeigt.',
    shown_other: '{{count}} Ereignisse angezeigt.',
    someone: 'jemand',
    system: 'das System',
    subject: 'Gegenstand: {{type}}',
    none: 'Keine Ereignisse.',
    noneOfType: 'Keine Ereignisse vom Typ „{{type}}…“.',
    older: 'Ältere Ereignisse',
  },
  consumers: {
    title: 'Ereignisverbraucher',
    none: 'Noch kein Verbraucher folgt dem Protokoll.',
    caption: 'Die Position jedes Verbrauchers im Ereignisprotokoll',
    consumer: 'Verbraucher',
    position: 'Position',
    behind: 'Rückstand',
    failures: 'Fehler',
    lastError: 'Letzter Fehler',
    nextRetry: 'Nächster Versuch',
    of: '#{{position}} von #{{latest}}',
  },
  outbox: {
    title: 'Postausgang',
    refresh: 'Aktualisieren',
    noSmtp: 'Es ist kein Mailserver eingerichtet',
    noSmtpSetting: '(die Einstellung',
    noSmtpRest:
      '), deshalb bewahrt die Genossenschaft ihre Mails hier auf, statt sie zu senden. Öffne eine Nachricht, um sie zu lesen und ihren Link von Hand weiterzuleiten.',
    none: 'Noch keine Mails.',
    noneNext:
      'Mails der Genossenschaft (Einladungen, Rechnungen, Erinnerungen) stehen hier, mit ihrem Versandstand.',
    to: 'An {{address}}',
    deliveryError: 'Zustellfehler: {{error}}',
    kind: 'Art: {{kind}}. Erstellt {{created}}.',
    kindSent: 'Art: {{kind}}. Erstellt {{created}}, gesendet {{sent}}.',
    statuses: {
      queued: 'In der Warteschlange',
      sent: 'Gesendet',
      held: 'Zurückgehalten',
      failed: 'Fehlgeschlagen',
    },
  },
};

export const auditCatalogue = catalogue('audit', { en, de });
/** The event log, its consumers and the outbox. */
export const t = webMessages(auditCatalogue);
