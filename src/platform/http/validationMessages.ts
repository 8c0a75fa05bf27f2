import type { Locale } from '../i18n/locales.ts';
import { catalogue, leaves, type MessageKey, type Vars } from '../i18n/messages.ts';
import { serverMessages } from '../i18n/translator.ts';

// The schemas' own words: what a refinement, a pattern or a parser says about a field. English is
// what the schemas have always said (API clients and tests read it); the problem handler and
// the web forms say it in the reader's language. No plural forms here: a message is found again
// by its English text, and one sentence per key keeps that exact.
const en = {
  // Amounts: money is written as a decimal string, never a float.
  amountLike: 'an amount like {{example}}',
  signedAmountLike: 'an amount like {{example}} or {{negative}}',
  positiveAmountLike: 'a positive amount like {{example}}',
  decimalLike: 'a decimal like {{example}}',
  decimalLikeEither: 'a decimal like {{example}} or {{other}}',
  minorUnitsWhole: 'an amount in minor units (cents), as a whole number',
  notAnAmount: '“{{text}}” is not an amount like 1234.50',
  noMinorUnit: '{{currency}} has no minor unit: “{{text}}” cannot have decimals',
  tooManyDecimals: '{{currency}} has {{digits}} decimals: “{{text}}” has {{n}}',
  mustBeMoreThanZero: 'must be more than 0',
  mustBeAboveZero: 'must be above zero',
  aboveZero: 'above zero',
  notCurrency: 'not an ISO 4217 currency code',
  rateLike: 'a rate like {{example}}',
  percentageLike: 'a percentage such as 19 or 25.5',
  // Names, codes and identifiers.
  slugSingleDashes: 'lower-case letters, digits and single dashes, e.g. {{example}}',
  slugDashes: 'lower-case letters, digits and dashes, e.g. {{example}}',
  useSlugDashes: 'use lower-case letters, digits and dashes, e.g. {{example}}',
  shortSlug: 'a short slug: letters, digits and dashes',
  hostName: 'a host name, e.g. {{example}}',
  countryCode: 'an ISO 3166-1 alpha-2 code such as DE or FI',
  iban: 'an IBAN such as {{example}}',
  bic: 'a BIC such as {{example}}',
  numberPrefix: 'up to {{n}} letters, digits, - / _',
  repositoryName: 'letters, digits, dots, dashes and underscores',
  repositorySource: 'an absolute path on the server, or an https://, ssh://, git:// or file:// URL',
  branchName: 'a branch name',
  vulnerabilityId:
    'not a CVE (CVE-2026-12345), GHSA (GHSA-xxxx-xxxx-xxxx) or OSV id (PYSEC-2026-1)',
  notWorkItemId: 'not a work item id',
  dateLike: 'a date as YYYY-MM-DD',
  monthLike: 'a month like {{example}}',
  monthsLike: 'a number of months like {{example}} (one decimal at most)',
  signatureLine: 'one signature line: — name base64',
  notPublicEventType: 'not a public event type (see the event catalogue)',
  memberClassOneOf: 'class must be one of {{values}}',
  // Text every input must be.
  noNul: 'must not contain the NUL character (U+0000)',
  noLoneSurrogate: 'must not contain an unpaired surrogate (not valid Unicode)',
  fieldNameNoNul: 'a field name must not contain the NUL character (U+0000)',
  fieldNameNoLoneSurrogate:
    'a field name must not contain an unpaired surrogate (not valid Unicode)',
  // Periods and order in time.
  periodEndsBeforeStart: 'the period ends before it starts',
  pollClosesAfterOpening: 'the poll must close after it opens',
  electionClosesAfterOpening: 'the election must close after it opens',
  votingClosesAfterOpening: 'voting must close after it opens',
  cycleEndsAfterStart: 'the cycle must end after it starts',
  stagesInOrder: 'each stage comes later than the one before',
  // Shares, points and votes.
  pieSharesSum: 'the pie shares must sum to 100',
  dividendSplitSum: 'the dividend split must sum to 100',
  reservesAtMost100: 'reserves take {{reserved}}% of the surplus; at most 100%',
  wholePointsNumber: 'enter a whole number of points',
  wholePoints: 'whole points only',
  noNegativePoints: 'no negative points',
  pointsBudget: 'spread at most {{budget}} points',
  approveAnItem: 'approve at least one item',
  scoreAnItem: 'score at least one item',
  rankAnItem: 'rank at least one item',
  voteForAnItem: 'give at least one item a vote',
  notCommunityItem: '{{id}} is not a community item of this cycle',
  itemTwice: '{{id}} appears twice',
  quadraticBudget: 'these votes cost {{cost}} credits (n votes cost n²); the budget is {{budget}}',
  optionCount: 'there are {{options}} options',
  optionListedTwice: 'an option is listed twice',
  optionRankedTwice: 'an option is ranked twice',
  chooseAnAnswer: 'choose yes, no or abstain',
  rankAnOption: 'rank at least one option',
  twoOptions: 'give at least two options',
  amendmentIsYesNo: 'a bylaw amendment is a yes/no question',
  onlyAmendmentTakesEffect: 'only a bylaw amendment takes effect on a day',
  budgetIsYesNo: 'a budget is a yes/no question',
  budgetAndAmendmentApart: 'put a budget and a bylaw amendment to separate votes',
  irvOneSeat: 'instant-runoff fills one seat',
  // The bylaws document.
  questionRules: 'give the rules of each kind of question',
  roleTwice: '{{role}} is listed twice',
  hiringThreshold: 'the hiring threshold cannot be below the comfortable number of clients',
  // Work, time and reasons.
  quarterHours: 'hours in quarters: 1, 1.25, 1.5...',
  wholeHours: 'whole hours',
  sayWhy: 'say why, in a few words',
  sayWhyAtLeast: 'say why, in at least {{n}} characters',
  reasonAtLeast: 'give a reason of at least {{n}} characters',
  lostNeedsReason: 'say why the opportunity was lost',
  noSelfMerge: 'an item cannot merge into itself',
  // Books, statements and invoices.
  twoPostings: 'an entry needs at least two postings',
  receiptSize: 'a receipt is at most {{megabytes}} MB',
  attachmentSize: 'an attachment is at most {{megabytes}} MB',
  amountOrDebitCredit: 'either an amount column or debit and credit columns, not both',
  amountColumnNeeded: 'required: an amount column, or both a debit and a credit column',
  separatorsDiffer: 'must differ from the decimal separator',
  bookedStatusesNeeded: 'required with a status column: the statuses of booked rows',
  fileOnce: 'send the file as content or as contentBase64, once',
  invoiceNeedsLine: 'an invoice needs a line',
  standardRateAboveZero: 'a standard-rated line needs a rate above 0',
  noVatRateZero: 'category {{category}} is charged no VAT: the rate must be 0',
  notNegativeCreditNote: 'must not be negative (add a credit note instead)',
  mustNotBeZero: 'must not be 0',
  outsideVatAlone:
    'lines not subject to VAT (O) cannot share an invoice with taxed or exempt lines',
  amountWithCurrency: 'an amount and its currency change together',
  // Members, releases, repositories.
  sponsorNeedsOrganization: 'a sponsor representative needs an organization',
  nameRequired: 'a name is required',
  useAtLeast: 'use at least {{n}} characters',
  nameOrLanguage: 'give a display name, a language, or both',
  releaseVersion: 'a release names its version',
  columnPerCommit: 'every column has one value per commit',
  commitsAtMost: 'at most 10,000 commits',
  notAsGitPrints: 'not what git prints here',
  unknownColumn: 'not a column of a batch of commits',
};

const de = {
  amountLike: 'ein Betrag wie {{example}}',
  signedAmountLike: 'ein Betrag wie {{example}} oder {{negative}}',
  positiveAmountLike: 'ein positiver Betrag wie {{example}}',
  decimalLike: 'eine Dezimalzahl wie {{example}}',
  decimalLikeEither: 'eine Dezimalzahl wie {{example}} oder {{other}}',
  minorUnitsWhole: 'ein Betrag in der kleinsten Einheit (Cent), als ganze Zahl',
  notAnAmount: '„{{text}}“ ist kein Betrag wie 1234.50',
  noMinorUnit: '{{currency}} hat keine Untereinheit: „{{text}}“ kann keine Nachkommastellen haben',
  tooManyDecimals: '{{currency}} hat {{digits}} Nachkommastellen: „{{text}}“ hat {{n}}',
  mustBeMoreThanZero: 'muss größer als 0 sein',
  mustBeAboveZero: 'muss über null liegen',
  aboveZero: 'über null',
  notCurrency: 'kein Währungscode nach ISO 4217',
  rateLike: 'ein Kurs wie {{example}}',
  percentageLike: 'ein Prozentsatz wie 19 oder 25.5',
  slugSingleDashes: 'Kleinbuchstaben, Ziffern und einzelne Bindestriche, z. B. {{example}}',
  slugDashes: 'Kleinbuchstaben, Ziffern und Bindestriche, z. B. {{example}}',
  useSlugDashes: 'nur Kleinbuchstaben, Ziffern und Bindestriche, z. B. {{example}}',
  shortSlug: 'ein kurzer Slug: Buchstaben, Ziffern und Bindestriche',
  hostName: 'ein Hostname, z. B. {{example}}',
  countryCode: 'ein Ländercode nach ISO 3166-1 alpha-2 wie DE oder FI',
  iban: 'eine IBAN wie {{example}}',
  bic: 'eine BIC wie {{example}}',
  numberPrefix: 'bis zu {{n}} Buchstaben, Ziffern, - / _',
  repositoryName: 'Buchstaben, Ziffern, Punkte, Binde- und Unterstriche',
  repositorySource:
    'ein absoluter Pfad auf dem Server oder eine https://-, ssh://-, git://- oder file://-URL',
  branchName: 'ein Branch-Name',
  vulnerabilityId:
    'keine CVE- (CVE-2026-12345), GHSA- (GHSA-xxxx-xxxx-xxxx) oder OSV-Kennung (PYSEC-2026-1)',
  notWorkItemId: 'keine Kennung eines Arbeitspakets',
  dateLike: 'ein Datum im Format JJJJ-MM-TT',
  monthLike: 'ein Monat wie {{example}}',
  monthsLike: 'eine Zahl von Monaten wie {{example}} (höchstens eine Nachkommastelle)',
  signatureLine: 'eine Signaturzeile: — Name base64',
  notPublicEventType: 'kein öffentlicher Ereignistyp (siehe den Ereigniskatalog)',
  memberClassOneOf: 'class muss einer von {{values}} sein',
  noNul: 'darf das NUL-Zeichen (U+0000) nicht enthalten',
  noLoneSurrogate: 'darf kein ungepaartes Surrogat enthalten (kein gültiges Unicode)',
  fieldNameNoNul: 'ein Feldname darf das NUL-Zeichen (U+0000) nicht enthalten',
  fieldNameNoLoneSurrogate:
    'ein Feldname darf kein ungepaartes Surrogat enthalten (kein gültiges Unicode)',
  periodEndsBeforeStart: 'der Zeitraum endet, bevor er beginnt',
  pollClosesAfterOpening: 'die Abstimmung muss nach ihrem Beginn enden',
  electionClosesAfterOpening: 'die Wahl muss nach ihrem Beginn enden',
  votingClosesAfterOpening: 'die Abstimmung muss nach ihrem Beginn enden',
  cycleEndsAfterStart: 'der Zyklus muss nach seinem Beginn enden',
  stagesInOrder: 'jede Stufe kommt später als die vorige',
  pieSharesSum: 'die Anteile am Kuchen müssen zusammen 100 ergeben',
  dividendSplitSum: 'die Aufteilung der Dividende muss zusammen 100 ergeben',
  reservesAtMost100: 'die Rücklagen nehmen {{reserved}} % des Überschusses; höchstens 100 %',
  wholePointsNumber: 'eine ganze Zahl von Punkten eingeben',
  wholePoints: 'nur ganze Punkte',
  noNegativePoints: 'keine negativen Punkte',
  pointsBudget: 'höchstens {{budget}} Punkte verteilen',
  approveAnItem: 'mindestens einem Eintrag zustimmen',
  scoreAnItem: 'mindestens einen Eintrag bewerten',
  rankAnItem: 'mindestens einen Eintrag in die Rangfolge aufnehmen',
  voteForAnItem: 'mindestens einem Eintrag eine Stimme geben',
  notCommunityItem: '{{id}} ist kein Gemeinschaftseintrag dieses Zyklus',
  itemTwice: '{{id}} kommt zweimal vor',
  quadraticBudget:
    'diese Stimmen kosten {{cost}} Guthaben (n Stimmen kosten n²); das Budget ist {{budget}}',
  optionCount: 'es gibt {{options}} Optionen',
  optionListedTwice: 'eine Option steht zweimal in der Liste',
  optionRankedTwice: 'eine Option steht zweimal in der Rangfolge',
  chooseAnAnswer: 'Ja, Nein oder Enthaltung wählen',
  rankAnOption: 'mindestens eine Option in die Rangfolge aufnehmen',
  twoOptions: 'mindestens zwei Optionen angeben',
  amendmentIsYesNo: 'eine Satzungsänderung ist eine Ja/Nein-Frage',
  onlyAmendmentTakesEffect: 'nur eine Satzungsänderung tritt an einem Tag in Kraft',
  budgetIsYesNo: 'ein Budget ist eine Ja/Nein-Frage',
  budgetAndAmendmentApart: 'über ein Budget und eine Satzungsänderung getrennt abstimmen',
  irvOneSeat: 'Instant-Runoff besetzt einen Sitz',
  questionRules: 'die Regeln für jede Art von Frage angeben',
  roleTwice: '{{role}} steht zweimal in der Liste',
  hiringThreshold:
    'die Schwelle für Einstellungen darf nicht unter der angenehmen Zahl von Kunden liegen',
  quarterHours: 'Stunden in Vierteln: 1, 1.25, 1.5 …',
  wholeHours: 'ganze Stunden',
  sayWhy: 'in ein paar Worten begründen',
  sayWhyAtLeast: 'begründen, in mindestens {{n}} Zeichen',
  reasonAtLeast: 'einen Grund mit mindestens {{n}} Zeichen angeben',
  lostNeedsReason: 'angeben, warum die Gelegenheit verloren ist',
  noSelfMerge: 'ein Eintrag kann nicht in sich selbst aufgehen',
  twoPostings: 'eine Buchung braucht mindestens zwei Buchungszeilen',
  receiptSize: 'ein Beleg ist höchstens {{megabytes}} MB groß',
  attachmentSize: 'ein Anhang ist höchstens {{megabytes}} MB groß',
  amountOrDebitCredit: 'entweder eine Betragsspalte oder Soll- und Habenspalten, nicht beides',
  amountColumnNeeded: 'erforderlich: eine Betragsspalte oder eine Soll- und eine Habenspalte',
  separatorsDiffer: 'muss sich vom Dezimaltrennzeichen unterscheiden',
  bookedStatusesNeeded: 'erforderlich bei einer Statusspalte: die Status gebuchter Zeilen',
  fileOnce: 'die Datei genau einmal senden, als content oder als contentBase64',
  invoiceNeedsLine: 'eine Rechnung braucht eine Zeile',
  standardRateAboveZero: 'eine Zeile zum Normalsatz braucht einen Steuersatz über 0',
  noVatRateZero: 'Kategorie {{category}} trägt keine Umsatzsteuer: der Satz muss 0 sein',
  notNegativeCreditNote: 'darf nicht negativ sein (stattdessen eine Gutschrift erstellen)',
  mustNotBeZero: 'darf nicht 0 sein',
  outsideVatAlone:
    'Zeilen außerhalb der Umsatzsteuer (O) können nicht mit besteuerten oder befreiten Zeilen auf einer Rechnung stehen',
  amountWithCurrency: 'ein Betrag und seine Währung ändern sich nur gemeinsam',
  sponsorNeedsOrganization: 'eine Vertretung eines Sponsors braucht eine Organisation',
  nameRequired: 'ein Name ist erforderlich',
  useAtLeast: 'mindestens {{n}} Zeichen verwenden',
  nameOrLanguage: 'einen Anzeigenamen, eine Sprache oder beides angeben',
  releaseVersion: 'ein Release nennt seine Version',
  columnPerCommit: 'jede Spalte hat einen Wert je Commit',
  commitsAtMost: 'höchstens 10.000 Commits',
  notAsGitPrints: 'nicht, was git hier ausgibt',
  unknownColumn: 'keine Spalte eines Stapels von Commits',
};

export const schemaWordsCatalogue = catalogue('schemaWords', { en, de });
const say = serverMessages(schemaWordsCatalogue);

export type SchemaWordKey = MessageKey<typeof en>;

/** What a custom issue carries in its `params`, so its words are found without reading text. */
export interface SchemaWordsRef {
  key: SchemaWordKey;
  vars?: Vars;
}

/**
 * A schema's own message: the English words (what zod puts in the issue's `message`, and what
 * API clients have always read) with the key and figures that say it in another language.
 * Takes the place of a message string anywhere zod accepts one (`.refine(ok, schemaWords(…))`,
 * `.regex(re, schemaWords(…))`, `ctx.addIssue({ code: 'custom', ...schemaWords(…) })`).
 * Custom issues keep the `params`; the other checks keep only the message, found again by
 * `schemaWordsIn` from the English text.
 */
export function schemaWords(
  key: SchemaWordKey,
  vars?: Vars,
  /** The problem code the web words the field by (src/platform/issueFacts.ts), if it has one. */
  code?: string,
): { message: string; params: { schemaWords: SchemaWordsRef; code?: string } } {
  return {
    message: say('en', key, vars),
    params: { schemaWords: vars ? { key, vars } : { key }, ...(code ? { code } : {}) },
  };
}

/** One message's English pattern: its literal text, with each {{placeholder}} a capture. */
interface Pattern {
  key: SchemaWordKey;
  names: string[];
  regex: RegExp;
  literal: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patterns: Pattern[] = leaves(en)
  .map(([key, text]) => {
    const parts = text.split(/\{\{\s*([\w.]+)\s*\}\}/);
    const names = parts.filter((_, i) => i % 2 === 1);
    const literals = parts.filter((_, i) => i % 2 === 0);
    const source = parts.map((p, i) => (i % 2 === 1 ? '(.+?)' : escape(p))).join('');
    return {
      key: key as SchemaWordKey,
      names,
      regex: new RegExp(`^${source}$`, 's'),
      literal: literals.join('').length,
    };
  })
  // The most specific first: "an amount like 1234.50 or -80" is the signed amount, not an
  // amount whose example is "1234.50 or -80".
  .sort((a, b) => b.literal - a.literal);

/** The key and figures behind an English message, when it is one of the schemas' own. */
export function schemaWordsOf(message: string): SchemaWordsRef | undefined {
  for (const pattern of patterns) {
    const match = pattern.regex.exec(message);
    if (!match) continue;
    const vars = Object.fromEntries(pattern.names.map((name, i) => [name, match[i + 1]!]));
    return pattern.names.length > 0 ? { key: pattern.key, vars } : { key: pattern.key };
  }
  return undefined;
}

function carried(params: Record<string, unknown> | undefined): SchemaWordsRef | undefined {
  const inner = params?.params as { schemaWords?: SchemaWordsRef } | undefined;
  const ref = inner?.schemaWords;
  return ref && typeof ref.key === 'string' && ref.key in en ? ref : undefined;
}

/**
 * A schema's own message in `locale`: from the key a custom issue carries, else from its English
 * text. Undefined when the message is not one of the schemas' own words.
 */
export function schemaWordsIn(
  locale: Locale,
  params: Record<string, unknown> | undefined,
  message: string,
): string | undefined {
  const ref = carried(params) ?? schemaWordsOf(message);
  return ref ? say(locale, ref.key, ref.vars) : undefined;
}
