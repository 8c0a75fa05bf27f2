import type { Messages } from '../../../src/platform/i18n/messages.ts';
import type { en } from './messages.en.ts';

/** The vulnerabilities in German; members are addressed with "du". */
export const de: Messages<typeof en> = {
  severity: { critical: 'Kritisch', high: 'Hoch', medium: 'Mittel', low: 'Niedrig' },
  list: {
    title: 'Schwachstellen',
    new: 'Schwachstelle erfassen',
    caption: 'Schwachstellen, die neueste zuerst',
    none: 'Keine Schwachstelle erfasst.',
    noneNext:
      'Meldet jemand eine Schwachstelle in der Software der Genossenschaft, erfassen Sie sie hier, um Behebung und Offenlegung zu verfolgen.',
    name: 'Schwachstelle',
    identifiers: 'Kennungen',
    severity: 'Schweregrad',
    status: 'Stand',
    embargoed: 'Unter Embargo bis {{until}}',
    embargoedOpen: 'Unter Embargo',
    disclosed: 'Öffentlich seit {{at}}',
  },
  form: {
    title: 'Schwachstelle erfassen',
    name: 'Titel',
    identifiers: 'Kennungen',
    identifiersHint:
      'Eine pro Zeile: CVE-2026-12345, GHSA-xxxx-xxxx-xxxx oder eine OSV-Kennung wie PYSEC-2026-1',
    severity: 'Schweregrad',
    summary: 'Zusammenfassung',
    project: 'Betroffenes Projekt',
    versions: 'Betroffene Versionen',
    versionsHint: 'Wie im Advisory angegeben, etwa >= 2.0, < 2.4.1',
    embargoUntil: 'Embargo bis',
    embargoHint: 'Freiwillig; deine Ortszeit',
    save: 'Erfassen',
  },
  page: {
    fallbackTitle: 'Schwachstelle',
    about: 'Worum es geht',
    affected: 'Betroffen',
    prenotified: 'Unter Embargo informiert',
    prenotifiedCaption: 'Die vor der Offenlegung informierten Sponsoren, und wann',
    noPrenotified: 'Kein Sponsor wurde vor der Offenlegung informiert.',
    organization: 'Sponsor',
    when: 'Wann',
    note: 'Notiz',
    prenotify: 'Vorabinformation erfassen',
    prenotifyButton: 'Erfassen',
    disclose: 'Offenlegen',
    discloseHint:
      'Der öffentliche Zeitpunkt t0. Jeder berechtigte Sponsor bekommt dann binnen 6 Stunden eine Auswirkungsnotiz und 24 Stunden lang auf jede Anfrage binnen 6 Stunden eine Antwort von einem Menschen.',
    publicAt: 'Öffentlich ab',
    discloseButton: 'Offenlegen',
    disclosed: 'Offengelegt: {{count}} Sponsoren sind berechtigt.',
    impactNotes: 'Auswirkungsnotizen',
    impactNotesCaption: 'Die Auswirkungsnotiz für jeden berechtigten Sponsor',
    noQualifying: 'Kein Sponsor bekommt eine Auswirkungsnotiz.',
    pending: 'Noch nicht geschrieben',
    writeNote: 'Auswirkungsnotiz für {{name}} schreiben',
    saveNote: 'Notiz erfassen',
    clocks: 'Die Uhren',
  },
};
