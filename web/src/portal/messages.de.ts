import type { Messages } from '../../../src/platform/i18n/messages.ts';
import type { en } from './messages.en.ts';

export const de: Messages<typeof en> = {
  title: 'Deine Organisation in der Genossenschaft',
  lead: 'Was {{organization}} mit der Genossenschaft verbindet: Verträge, offene Rechnungen, die gegebene Arbeit und das Gewicht der Stimme.',
  standing: {
    heading: 'Finanzierung und Stimme',
    window: 'Es zählt die Finanzierung nach dem {{day}} (der gleitende Zeitraum der Satzung).',
    money: 'Erhaltenes Geld',
    labour: 'Bestätigte Arbeit',
    labourValue: '{{hours}} zu {{rate}} je Stunde',
    weight: 'Gewicht deiner Punkte',
    share: 'Anteil am Gewicht aller Sponsoren',
    explain:
      'In jedem Zyklus verteilt deine Organisation 100 Punkte auf die Vorhaben der Sponsoren; jeder Punkt zählt mit diesem Gewicht.',
  },
  agreements: {
    heading: 'Verträge',
    none: 'Noch kein Vertrag.',
    caption: 'Die Verträge deiner Organisation',
    number: 'Vertrag',
    title: 'Titel',
    ends: 'Laufzeit endet',
    state: 'Stand',
    all: 'Alle Verträge und Angebote',
  },
  invoices: {
    heading: 'Zu zahlende Rechnungen',
    none: 'Nichts zu zahlen.',
    caption: 'Offene Rechnungen',
    number: 'Rechnung',
    due: 'Fällig',
    amount: 'Offen',
    overdue: 'überfällig',
    all: 'Alle Rechnungen',
  },
  service: {
    heading: 'Service',
    requests:
      'Deine Anfragen: frag die Hacker, verfolge die Antworten und die Expertenstunden des Monats',
    clocks: 'Die Fristen deiner Anfragen: erste Antwort, Updates, Lösung',
    report: 'Der Nachweisbericht: jede Frist mit ihren Belegen',
    concerns: 'Deine Anliegen: Themen und Systeme, von denen du abhängst',
    consultations: 'Anhörungen, die auf deine Antwort warten',
  },
  labour: {
    heading: 'Arbeit',
    summary_one: '{{count}} Eintrag wartet auf Bestätigung.',
    summary_other: '{{count}} Einträge warten auf Bestätigung.',
    none: 'Keine Stunden warten auf Bestätigung.',
    link: 'Die Stunden deiner Ingenieure erfassen und verfolgen',
  },
};
