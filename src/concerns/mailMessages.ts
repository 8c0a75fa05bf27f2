import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

/**
 * The consultation mail to a sponsor's contact, in the contact's language. The link answers
 * without signing in; a reply is read into the record only where the operator routes replies to
 * `coop mail receive` (`MAIL_REPLY_TO`), so the mail says which of the two applies.
 */
const en = {
  consultation: {
    subject: 'Your view wanted by {{answerBy}}: {{title}}',
    body: 'Hello {{name}},\n\nThe co-op plans a change that touches what {{organization}} told us it depends on ({{topics}}):\n\n{{title}}\n\nWhat changes:\n{{whatChanges}}\n\nPlease answer by {{answerBy}}: acknowledge it, comment, or object. You can answer at this link without signing in, or from your portal:\n\n{{link}}\n\nAnswers by replying to this mail are not recorded; please use the link.',
    bodyWithReplies:
      'Hello {{name}},\n\nThe co-op plans a change that touches what {{organization}} told us it depends on ({{topics}}):\n\n{{title}}\n\nWhat changes:\n{{whatChanges}}\n\nPlease answer by {{answerBy}}: acknowledge it, comment, or object. Reply to this mail: begin your reply with ACK to acknowledge or OBJECT to object (then say why); any other reply is recorded as a comment. You can also answer at this link without signing in, or from your portal:\n\n{{link}}',
  },
  /**
   * Why a reply was not recorded, said to its sender: `coop mail receive` prints it and exits
   * 65, and the mail server bounces the reply with it. By the refusal's code; `other` quotes the
   * English detail of a refusal not listed.
   */
  replyRefused: {
    'reply-empty':
      'Your reply was not recorded: once the quoted mail is taken off, it has no words of its own. Write your answer above the quoted mail, or answer at the link in the consultation mail.',
    'comment-needed':
      'Your reply was not recorded: an objection needs a reason. Begin your reply with OBJECT and then say why, or answer at the link in the consultation mail.',
    other: 'Your reply was not recorded: {{reason}}',
  },
};

const de = {
  consultation: {
    subject: 'Ihre Einschätzung bis zum {{answerBy}}: {{title}}',
    body: 'Guten Tag {{name}},\n\ndie Genossenschaft plant eine Änderung, die betrifft, wovon {{organization}} nach eigener Angabe abhängt ({{topics}}):\n\n{{title}}\n\nWas sich ändert:\n{{whatChanges}}\n\nBitte antworten Sie bis zum {{answerBy}}: Sie können die Änderung zur Kenntnis nehmen, kommentieren oder ihr widersprechen. Unter diesem Link antworten Sie ohne Anmeldung, oder in Ihrem Portal:\n\n{{link}}\n\nAntworten auf diese Mail werden nicht erfasst; bitte nutzen Sie den Link.',
    bodyWithReplies:
      'Guten Tag {{name}},\n\ndie Genossenschaft plant eine Änderung, die betrifft, wovon {{organization}} nach eigener Angabe abhängt ({{topics}}):\n\n{{title}}\n\nWas sich ändert:\n{{whatChanges}}\n\nBitte antworten Sie bis zum {{answerBy}}: Sie können die Änderung zur Kenntnis nehmen, kommentieren oder ihr widersprechen. Antworten Sie einfach auf diese Mail: Beginnen Sie Ihre Antwort mit OK, um die Änderung zur Kenntnis zu nehmen, oder mit WIDERSPRUCH, um ihr zu widersprechen (und nennen Sie den Grund); jede andere Antwort wird als Kommentar erfasst. Sie können auch unter diesem Link ohne Anmeldung antworten, oder in Ihrem Portal:\n\n{{link}}',
  },
  replyRefused: {
    'reply-empty':
      'Ihre Antwort wurde nicht erfasst: Ohne die zitierte Mail enthält sie keine eigenen Worte. Schreiben Sie Ihre Antwort über die zitierte Mail, oder antworten Sie über den Link in der Mail zur Konsultation.',
    'comment-needed':
      'Ihre Antwort wurde nicht erfasst: Ein Widerspruch braucht einen Grund. Beginnen Sie Ihre Antwort mit WIDERSPRUCH und nennen Sie dann den Grund, oder antworten Sie über den Link in der Mail zur Konsultation.',
    other: 'Ihre Antwort wurde nicht erfasst: {{reason}}',
  },
};

export const concernsMailCatalogue = catalogue('concerns-mail', { en, de });
export const concernsMail = serverMessages(concernsMailCatalogue);
