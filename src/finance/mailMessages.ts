import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

const en = {
  dividendNotice: {
    subject: 'Your dividend for fiscal year {{year}}',
    closed: 'Fiscal year {{year}} ({{from}} to {{to}}) closed with a surplus of {{surplus}}.',
    share: 'Your share, by {{basis}}: {{amount}}',
    cash: '  paid in cash: {{amount}}',
    retained: '  retained in your capital account: {{amount}}',
    howShared: 'How the surplus was shared:',
    // An organization is addressed formally in German ("Sie"), as on its invoices.
    formal: {
      subject: 'Your dividend for fiscal year {{year}}',
      share: 'Your share, by {{basis}}: {{amount}}',
      retained: '  retained in your capital account: {{amount}}',
    },
  },
};
const de = {
  dividendNotice: {
    subject: 'Deine Dividende für das Geschäftsjahr {{year}}',
    closed:
      'Das Geschäftsjahr {{year}} ({{from}} bis {{to}}) wurde mit einem Überschuss von {{surplus}} abgeschlossen.',
    share: 'Dein Anteil, nach {{basis}}: {{amount}}',
    cash: '  bar ausgezahlt: {{amount}}',
    retained: '  deinem Geschäftsguthaben gutgeschrieben: {{amount}}',
    howShared: 'So wurde der Überschuss verteilt:',
    formal: {
      subject: 'Ihre Dividende für das Geschäftsjahr {{year}}',
      share: 'Ihr Anteil, nach {{basis}}: {{amount}}',
      retained: '  Ihrem Geschäftsguthaben gutgeschrieben: {{amount}}',
    },
  },
};

export const financeMailCatalogue = catalogue('finance-mail', { en, de });
export const financeMail = serverMessages(financeMailCatalogue);
