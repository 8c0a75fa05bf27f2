import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

/**
 * Business mails to a buyer's billing contacts, in the organization's language. German speaks
 * to a company, so it says "Sie".
 */
const en = {
  quote: {
    subject: 'Quote {{number}}: {{title}}',
    body: 'Hello,\n\nPlease find our quote {{number}} (“{{title}}”) for {{organization}} at the link below. It is valid until {{validUntil}}.\nYou can read it, download the PDF and accept it there:\n\n{{link}}\n\nThe document’s SHA-256 is {{sha256}}; it is printed at the foot of every page.',
  },
  renewal: {
    subject: 'Agreement {{number}}: the term ends on {{termEndsOn}}',
    renews:
      'Hello {{name}},\n\nAgreement {{number}} (“{{title}}”) renews on {{nextStart}} for another {{months}} months. To stop the renewal, tell us by {{deadline}}. If your purchase order needs renewing, please send the new one before then.',
    ends: 'Hello {{name}},\n\nAgreement {{number}} (“{{title}}”) ends on {{termEndsOn}} and does not renew by itself. Reply to this mail if you want a quote for another term.',
  },
};

const de = {
  quote: {
    subject: 'Angebot {{number}}: {{title}}',
    body: 'Guten Tag,\n\nunter dem folgenden Link finden Sie unser Angebot {{number}} („{{title}}“) für {{organization}}. Es ist gültig bis zum {{validUntil}}.\nDort können Sie es lesen, als PDF herunterladen und annehmen:\n\n{{link}}\n\nDer SHA-256 des Dokuments lautet {{sha256}}; er steht am Fuß jeder Seite.',
  },
  renewal: {
    subject: 'Vertrag {{number}}: Die Laufzeit endet am {{termEndsOn}}',
    renews:
      'Guten Tag {{name}},\n\nder Vertrag {{number}} („{{title}}“) verlängert sich am {{nextStart}} um weitere {{months}} Monate. Wenn Sie die Verlängerung nicht wünschen, teilen Sie uns dies bitte bis zum {{deadline}} mit. Falls Ihre Bestellung erneuert werden muss, senden Sie uns bitte die neue bis dahin.',
    ends: 'Guten Tag {{name}},\n\nder Vertrag {{number}} („{{title}}“) endet am {{termEndsOn}} und verlängert sich nicht von selbst. Antworten Sie auf diese Mail, wenn Sie ein Angebot für eine weitere Laufzeit wünschen.',
  },
};

export const agreementsMailCatalogue = catalogue('agreements-mail', { en, de });
export const agreementsMail = serverMessages(agreementsMailCatalogue);
