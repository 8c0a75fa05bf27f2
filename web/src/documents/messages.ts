import { catalogue, type Messages } from '../../../src/platform/i18n/messages.ts';
import { webMessages } from '../app/i18n.ts';

/** The papers' screen. The legal templates themselves exist in English only. */
const en = {
  title: 'Documents',
  prepare: 'Prepare a document',
  readAndAccept: 'Read and accept your papers',
  document: 'Document',
  templateOption: '{{title}} (version {{version}})',
  forSponsor: 'For the sponsor',
  chooseOrganization: 'Choose an organization',
  render: 'Render it',
  read: 'Read {{title}} (PDF)',
  sha: ', SHA-256 ',
  role: 'Your title at the organization',
  accept: 'I accept this document',
  accepted: 'Accepted: {{title}}.',
  signed: 'What was signed',
  show: 'Show',
  every: 'Every acceptance',
  none: 'Nothing accepted yet.',
  noneNext:
    'Render a document above; once it is accepted, the acceptance is listed here with its PDF’s SHA-256.',
  caption: 'Acceptances',
  acceptedBy: 'Accepted by',
  when: 'When',
  sha256: 'SHA-256',
  version: ' (version {{version}})',
  from: ' from {{ip}}',
};

const de: Messages<typeof en> = {
  title: 'Dokumente',
  prepare: 'Ein Dokument vorbereiten',
  readAndAccept: 'Deine Unterlagen lesen und annehmen',
  document: 'Dokument',
  templateOption: '{{title}} (Fassung {{version}})',
  forSponsor: 'Für den Sponsor',
  chooseOrganization: 'Organisation wählen',
  render: 'Erzeugen',
  read: '{{title}} lesen (PDF)',
  sha: ', SHA-256 ',
  role: 'Deine Funktion in der Organisation',
  accept: 'Ich nehme dieses Dokument an',
  accepted: 'Angenommen: {{title}}.',
  signed: 'Was unterzeichnet wurde',
  show: 'Anzeigen',
  every: 'Alle Annahmen',
  none: 'Noch nichts angenommen.',
  noneNext:
    'Erstelle oben ein Dokument; sobald es angenommen ist, steht die Annahme hier mit dem SHA-256 seines PDFs.',
  caption: 'Annahmen',
  acceptedBy: 'Angenommen von',
  when: 'Wann',
  sha256: 'SHA-256',
  version: ' (Fassung {{version}})',
  from: ' von {{ip}}',
};

export const documentsCatalogue = catalogue('documents', { en, de });
/** The documents' messages: `t('signed')`. */
export const t = webMessages(documentsCatalogue);
