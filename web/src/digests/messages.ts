import { catalogue } from '../../../src/platform/i18n/messages.ts';
import { webMessages } from '../app/i18n.ts';

const en = {
  nav: 'Sponsor digests',
  frequency: { weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly' },
  state: { prepared: 'Prepared, not sent', sent: 'Sent' },
  list: {
    title: 'Sponsor digests',
    intro:
      'Each sponsor hears what the co-op did for it, as often as its tier says. A digest is prepared every day for the periods that ended; preview it, add a note, and send it: it goes by mail with its PDF and stays in the sponsor’s portal.',
    caption: 'Digests, latest period first',
    none: 'No digest yet.',
    noneNext:
      'One is prepared each day for the periods that ended; prepare one now with the form above.',
    sponsor: 'Sponsor',
    period: 'Period',
    frequency: 'How often',
    state: 'State',
    sent: 'Sent',
    open: 'Preview {{organization}}, {{period}}',
  },
  prepare: {
    heading: 'Prepare a digest now',
    sponsor: 'Sponsor',
    choose: 'Choose a sponsor',
    frequency: 'How often',
    asTier: 'As the tier says',
    day: 'A day in the period',
    dayHint: 'Empty: the latest period that has ended.',
    submit: 'Prepare the digest',
  },
  period: '{{from}} to {{to}}',
  preview: {
    title: 'Digest for {{organization}}',
    period: 'Period',
    state: 'State',
    hash: 'SHA-256 of content and note',
    language: 'Language of the preview',
    frame: 'The digest as the sponsor reads it',
    pdf: 'The PDF',
    mailedTo: 'Mailed to',
    notMailed: 'Not mailed yet: the mail goes out in a moment.',
    back: 'All digests',
  },
  note: {
    label: 'A note from the officers',
    hint: 'Shown above the figures, as plain text.',
    save: 'Save the note',
    saved: 'Saved.',
  },
  send: {
    trigger: 'Send the digest',
    title: 'Send this digest to {{organization}}?',
    confirm: 'Send it',
    body: 'Its representatives get it by mail, with the PDF, in their own language, and it stays in their portal.',
    fixed: 'A sent digest cannot be changed, and goes once.',
    done: 'Sent.',
  },
  portal: {
    heading: 'Digests',
    intro: 'What the co-op did for you, period by period.',
    none: 'No digest has been sent to you yet.',
    noneNext:
      'The co-op sends one as often as your tier says, by mail with its PDF; each stays here.',
    caption: 'Digests sent to your organization',
    pdf: 'PDF, {{period}}',
  },
  languages: { en: 'English', de: 'German' },
};

const de = {
  nav: 'Sponsorenberichte',
  frequency: { weekly: 'Wöchentlich', monthly: 'Monatlich', quarterly: 'Vierteljährlich' },
  state: { prepared: 'Vorbereitet, nicht versandt', sent: 'Versandt' },
  list: {
    title: 'Sponsorenberichte',
    intro:
      'Jeder Sponsor erfährt, was die Genossenschaft für ihn getan hat, so oft seine Stufe es vorsieht. Für jeden abgelaufenen Zeitraum wird täglich ein Bericht vorbereitet; sehen Sie ihn durch, fügen Sie eine Notiz hinzu und versenden Sie ihn: Er geht mit seinem PDF per Mail hinaus und bleibt im Portal des Sponsors.',
    caption: 'Berichte, jüngster Zeitraum zuerst',
    none: 'Noch kein Bericht.',
    noneNext:
      'Für jeden abgelaufenen Zeitraum wird täglich einer vorbereitet; bereiten Sie jetzt einen mit dem Formular oben vor.',
    sponsor: 'Sponsor',
    period: 'Zeitraum',
    frequency: 'Wie oft',
    state: 'Stand',
    sent: 'Versandt',
    open: 'Vorschau {{organization}}, {{period}}',
  },
  prepare: {
    heading: 'Einen Bericht jetzt vorbereiten',
    sponsor: 'Sponsor',
    choose: 'Sponsor wählen',
    frequency: 'Wie oft',
    asTier: 'Wie die Stufe es vorsieht',
    day: 'Ein Tag im Zeitraum',
    dayHint: 'Leer: der zuletzt abgelaufene Zeitraum.',
    submit: 'Bericht vorbereiten',
  },
  period: '{{from}} bis {{to}}',
  preview: {
    title: 'Bericht für {{organization}}',
    period: 'Zeitraum',
    state: 'Stand',
    hash: 'SHA-256 von Inhalt und Notiz',
    language: 'Sprache der Vorschau',
    frame: 'Der Bericht, wie der Sponsor ihn liest',
    pdf: 'Das PDF',
    mailedTo: 'Versandt an',
    notMailed: 'Noch nicht versandt: Die Mail geht gleich hinaus.',
    back: 'Alle Berichte',
  },
  note: {
    label: 'Eine Notiz der Vorstände',
    hint: 'Steht über den Zahlen, als einfacher Text.',
    save: 'Notiz speichern',
    saved: 'Gespeichert.',
  },
  send: {
    trigger: 'Bericht versenden',
    title: 'Diesen Bericht an {{organization}} versenden?',
    confirm: 'Versenden',
    body: 'Die Vertretungen erhalten ihn per Mail mit dem PDF in ihrer Sprache, und er bleibt in ihrem Portal.',
    fixed: 'Ein versandter Bericht lässt sich nicht mehr ändern und geht nur einmal hinaus.',
    done: 'Versandt.',
  },
  portal: {
    heading: 'Berichte',
    intro: 'Was die Genossenschaft für Sie getan hat, Zeitraum für Zeitraum.',
    none: 'Ihnen wurde noch kein Bericht gesandt.',
    noneNext:
      'Die Genossenschaft sendet einen, so oft Ihre Stufe es vorsieht, per Mail mit seinem PDF; jeder bleibt hier abrufbar.',
    caption: 'An Ihre Organisation gesandte Berichte',
    pdf: 'PDF, {{period}}',
  },
  languages: { en: 'Englisch', de: 'Deutsch' },
};

export const digestsCatalogue = catalogue('digests-web', { en, de });
export const t = webMessages(digestsCatalogue);
