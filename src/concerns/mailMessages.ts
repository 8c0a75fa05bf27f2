import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

/**
 * The consultation mail to a sponsor's contact, in the contact's language. The link answers
 * without signing in; replying to the mail reaches no one who reads it into the record, so the
 * mail says to use the link.
 */
const en = {
  consultation: {
    subject: 'Your view wanted by {{answerBy}}: {{title}}',
    body: 'Hello {{name}},\n\nThe co-op plans a change that touches what {{organization}} told us it depends on ({{topics}}):\n\n{{title}}\n\nWhat changes:\n{{whatChanges}}\n\nPlease answer by {{answerBy}}: acknowledge it, comment, or object. You can answer at this link without signing in, or from your portal:\n\n{{link}}\n\nAnswers by replying to this mail are not recorded; please use the link.',
  },
};

const de = {
  consultation: {
    subject: 'Ihre Einschätzung bis zum {{answerBy}}: {{title}}',
    body: 'Guten Tag {{name}},\n\ndie Genossenschaft plant eine Änderung, die betrifft, wovon {{organization}} nach eigener Angabe abhängt ({{topics}}):\n\n{{title}}\n\nWas sich ändert:\n{{whatChanges}}\n\nBitte antworten Sie bis zum {{answerBy}}: Sie können die Änderung zur Kenntnis nehmen, kommentieren oder ihr widersprechen. Unter diesem Link antworten Sie ohne Anmeldung, oder in Ihrem Portal:\n\n{{link}}\n\nAntworten auf diese Mail werden nicht erfasst; bitte nutzen Sie den Link.',
  },
};

export const concernsMailCatalogue = catalogue('concerns-mail', { en, de });
export const concernsMail = serverMessages(concernsMailCatalogue);
