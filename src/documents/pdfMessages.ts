import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

/** The frame every PDF page carries, around a template's own text. */
const en = {
  footer: '{{template}} {{version}} · SHA-256 {{sha256}} · page {{page}} of {{pages}}',
};

const de = {
  footer: '{{template}} {{version}} · SHA-256 {{sha256}} · Seite {{page}} von {{pages}}',
};

export const documentsPdfCatalogue = catalogue('documents-pdf', { en, de });
export const pdfText = serverMessages(documentsPdfCatalogue);
