import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

/** What the democracy waits for from a member (pending.ts), in the member's language. */
const en = {
  vote: { title: 'Vote on “{{poll}}”', detail: 'You have not voted yet.' },
  nomination: {
    title: 'Answer your nomination in “{{poll}}”',
    detail: 'Accept it to stand as a candidate, or decline it.',
  },
  sponsorPoints: {
    title: 'Spread your organization’s points in “{{cycle}}”',
    detail: 'Sponsors decide their slice of the plan with 100 points.',
  },
  survey: {
    title: 'Answer the community survey of “{{cycle}}”',
    detail: 'The community decides its slice of the plan.',
  },
  declarations: {
    title: 'Declare your hackers’ hours in “{{cycle}}”',
    detail: 'Say which items your share of the hacker slice goes to.',
  },
  availability: {
    title: 'Give your hours for “{{cycle}}”',
    detail: 'The plan shares out the hours the hackers give.',
  },
  logHours: {
    title: 'Log your hours in “{{cycle}}”',
    detail_one: '{{logged}} logged of the {{count}} hour you are planned for.',
    detail_other: '{{logged}} logged of the {{count}} hours you are planned for.',
  },
  hours_one: '{{count}} hour',
  hours_other: '{{count}} hours',
  confirmLabour: {
    title: 'Confirm the hours sponsors gave',
    detail_one: '{{count}} entry of sponsor engineers’ hours waits for a hacker or officer.',
    detail_other: '{{count}} entries of sponsor engineers’ hours wait for a hacker or officer.',
  },
};

const de = {
  vote: { title: 'Stimme ab über „{{poll}}“', detail: 'Du hast noch nicht abgestimmt.' },
  nomination: {
    title: 'Beantworte deine Nominierung in „{{poll}}“',
    detail: 'Nimm sie an, um zu kandidieren, oder lehne sie ab.',
  },
  sponsorPoints: {
    title: 'Verteile die Punkte deiner Organisation in „{{cycle}}“',
    detail: 'Die Sponsoren bestimmen ihr Stück des Plans mit 100 Punkten.',
  },
  survey: {
    title: 'Beantworte die Community-Umfrage von „{{cycle}}“',
    detail: 'Die Community bestimmt ihr Stück des Plans.',
  },
  declarations: {
    title: 'Erkläre die Stunden deiner Hacker in „{{cycle}}“',
    detail: 'Sag, welchen Vorhaben dein Anteil am Stück der Hacker zugutekommt.',
  },
  availability: {
    title: 'Gib deine Stunden für „{{cycle}}“ an',
    detail: 'Der Plan verteilt die Stunden, die die Hacker geben.',
  },
  logHours: {
    title: 'Erfasse deine Stunden in „{{cycle}}“',
    detail_one: '{{logged}} erfasst von der {{count}} Stunde, für die du eingeplant bist.',
    detail_other: '{{logged}} erfasst von den {{count}} Stunden, für die du eingeplant bist.',
  },
  hours_one: '{{count}} Stunde',
  hours_other: '{{count}} Stunden',
  confirmLabour: {
    title: 'Bestätige die Stunden der Sponsoren',
    detail_one:
      '{{count}} Eintrag mit Stunden von Sponsor-Ingenieuren wartet auf Hacker oder Vorstand.',
    detail_other:
      '{{count}} Einträge mit Stunden von Sponsor-Ingenieuren warten auf Hacker oder Vorstand.',
  },
};

export const governancePendingCatalogue = catalogue('governance-pending', { en, de });
export const governancePendingText = serverMessages(governancePendingCatalogue);
