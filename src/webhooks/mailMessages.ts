import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

const en = {
  disabled: {
    subject: 'A webhook endpoint was disabled',
    greeting: 'Hello {{name}},',
    stopped: 'The co-op stopped sending events to {{url}}',
    why: '({{description}}): {{reason}}.',
    noDescription: 'no description',
    enable: 'Once the receiver works again, enable the endpoint and replay its failed deliveries:',
  },
};

const de = {
  disabled: {
    subject: 'Ein Webhook-Endpunkt wurde deaktiviert',
    greeting: 'Hallo {{name}},',
    stopped: 'die Genossenschaft sendet keine Ereignisse mehr an {{url}}',
    why: '({{description}}): {{reason}}.',
    noDescription: 'ohne Beschreibung',
    enable:
      'Sobald der Empfänger wieder funktioniert, aktiviere den Endpunkt und sende seine fehlgeschlagenen Zustellungen erneut:',
  },
};

export const webhooksMailCatalogue = catalogue('webhooks-mail', { en, de });
export const webhooksMail = serverMessages(webhooksMailCatalogue);
