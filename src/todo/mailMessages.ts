import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

const en = {
  digest: {
    subject_one: 'One thing waits for you this week',
    subject_other: '{{count}} things wait for you this week',
    greeting: 'Hello {{name}},',
    intro: 'This week the co-op is waiting for you to:',
    by: '(by {{when}})',
    outro:
      'You receive this digest every Monday while something waits for you. Switch it off on your profile: {{link}}',
  },
};

const de = {
  digest: {
    subject_one: 'Diese Woche wartet eine Sache auf dich',
    subject_other: 'Diese Woche warten {{count}} Dinge auf dich',
    greeting: 'Hallo {{name}},',
    intro: 'Diese Woche wartet die Genossenschaft auf Folgendes von dir:',
    by: '(bis {{when}})',
    outro:
      'Diese Übersicht bekommst du jeden Montag, solange etwas auf dich wartet. Abschalten kannst du sie in deinem Profil: {{link}}',
  },
};

export const todoMailCatalogue = catalogue('todo-mail', { en, de });
export const todoMail = serverMessages(todoMailCatalogue);
