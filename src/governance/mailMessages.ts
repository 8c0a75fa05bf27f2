import { intlTags, type Locale } from '../platform/i18n/locales.ts';
import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

const en = {
  voteReminder: {
    subject: 'Reminder: vote on “{{title}}” before {{closesAt}}',
    body: 'Hello {{name}},\n\nThe vote on “{{title}}” closes {{closesAt}} and you have not voted yet:\n\n{{link}}\n',
  },
};

const de = {
  voteReminder: {
    subject: 'Erinnerung: Abstimmung „{{title}}“ läuft bis {{closesAt}}',
    body: 'Hallo {{name}},\n\ndie Abstimmung über „{{title}}“ endet am {{closesAt}}, und du hast noch nicht abgestimmt:\n\n{{link}}\n',
  },
};

export const governanceMailCatalogue = catalogue('governance-mail', { en, de });
export const governanceMail = serverMessages(governanceMailCatalogue);

/**
 * A moment in the recipient's language, in UTC: members live in several time zones and the
 * mail cannot know theirs, so it names the zone rather than guess.
 */
export function displayMomentUtc(moment: Date, locale: Locale): string {
  const text = new Intl.DateTimeFormat(intlTags[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(moment);
  return `${text} UTC`;
}
