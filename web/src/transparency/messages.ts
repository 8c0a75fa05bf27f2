import { catalogue, type Messages } from '../../../src/platform/i18n/messages.ts';
import { webMessages } from '../app/i18n.ts';

const en = {
  inLog: {
    before: 'In the ',
    link: 'transparency log',
    at: ' at index {{index}}',
    checkpoint: ', checkpoint of {{at}}',
    witnessed: ', witnessed by {{names}}',
    download: 'Download the proof',
    waiting: ', waiting for its signed checkpoint.',
  },
  page: {
    title: 'Transparency log',
    lead: 'Every decision and money movement is appended to a log that only grows: a Merkle tree like Certificate Transparency’s, with signed checkpoints. Anyone can check, without trusting this server, that a tally, an entry or a dividend was not changed after the fact.',
    theLog: 'The log',
    origin: 'Origin',
    publicKey: 'Public key',
    notSet: 'Not set: the operator runs ',
    notSetEnd: '.',
    records: 'Records',
    checkpoints: 'Checkpoints',
    noCheckpoint: 'No checkpoint has been signed yet.',
    caption: 'The latest signed checkpoints',
    size: 'Size',
    signed: 'Signed',
    rootHash: 'Root hash',
    witnessedBy: 'Witnessed by',
    nobody: 'nobody yet',
    checkIt: 'Check it yourself',
    watch: 'Keep watching the log: any rewrite of its history is reported.',
    checkProof:
      'Check a record’s proof file (the “Download the proof” link beside a tally), offline:',
    witness1: 'Witness the log: make a key with ',
    witness2: ', register its public key (',
    witness3: '), and run ',
    witness4: ' with ',
    witness5: ': each checkpoint your copy has checked is co-signed.',
  },
};

const de: Messages<typeof en> = {
  inLog: {
    before: 'Im ',
    link: 'Transparenzprotokoll',
    at: ' an Position {{index}}',
    checkpoint: ', Checkpoint vom {{at}}',
    witnessed: ', bezeugt von {{names}}',
    download: 'Nachweis herunterladen',
    waiting: ', wartet auf seinen signierten Checkpoint.',
  },
  page: {
    title: 'Transparenzprotokoll',
    lead: 'Jede Entscheidung und jede Geldbewegung wird an ein Protokoll angehängt, das nur wächst: ein Merkle-Baum wie bei Certificate Transparency, mit signierten Checkpoints. Jede und jeder kann prüfen, ohne diesem Server zu vertrauen, dass eine Auszählung, eine Buchung oder eine Dividende nachträglich nicht verändert wurde.',
    theLog: 'Das Protokoll',
    origin: 'Ursprung',
    publicKey: 'Öffentlicher Schlüssel',
    notSet: 'Nicht gesetzt: Der Betreiber führt ',
    notSetEnd: ' aus.',
    records: 'Einträge',
    checkpoints: 'Checkpoints',
    noCheckpoint: 'Es wurde noch kein Checkpoint signiert.',
    caption: 'Die neuesten signierten Checkpoints',
    size: 'Größe',
    signed: 'Signiert',
    rootHash: 'Wurzel-Hash',
    witnessedBy: 'Bezeugt von',
    nobody: 'noch niemandem',
    checkIt: 'Prüfe es selbst',
    watch:
      'Beobachte das Protokoll fortlaufend: Jedes Umschreiben seiner Geschichte wird gemeldet.',
    checkProof:
      'Prüfe die Nachweisdatei eines Eintrags (der Link „Nachweis herunterladen“ neben einer Auszählung) offline:',
    witness1: 'Bezeuge das Protokoll: Erzeuge einen Schlüssel mit ',
    witness2: ', registriere seinen öffentlichen Schlüssel (',
    witness3: ') und führe ',
    witness4: ' mit ',
    witness5: ' aus: Jeder Checkpoint, den deine Kopie geprüft hat, wird mitsigniert.',
  },
};

export const transparencyCatalogue = catalogue('transparency', { en, de });
/** The transparency log's messages: `t('page.title')`. */
export const t = webMessages(transparencyCatalogue);
