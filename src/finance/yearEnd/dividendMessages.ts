import type { Locale } from '../../platform/i18n/locales.ts';
import { intlTags } from '../../platform/i18n/locales.ts';
import { catalogue, type MessageKey, type Vars } from '../../platform/i18n/messages.ts';
import { serverMessages } from '../../platform/i18n/translator.ts';
import { displayMoney } from '../../platform/money/display.ts';

/**
 * A step of the year-end split as facts: the close writes these beside its English `steps`, so
 * the wizard, the notice mail and the notice PDF each say them in their reader's language.
 * Params whose name ends in `Minor` are amounts in minor units of the year's currency, as
 * decimal strings; `weights` are the patronage figures behind a class's shares.
 */
export type DividendStepCode =
  | 'surplus'
  | 'reserve'
  | 'distributable'
  | 'hackers'
  | 'sponsors'
  | 'unclaimed-hackers'
  | 'unclaimed-sponsors'
  | 'community-time'
  | 'community-contributions'
  | 'community-fund';

export interface DividendStep {
  code: DividendStepCode;
  params: Record<string, string | number | string[]>;
}

/** What one share was computed by: minutes worked, funding (minor units), ... */
export type BasisUnit = 'minutes-worked' | 'funding' | 'minutes-contributed' | 'contributions';
export interface BasisPart {
  unit: BasisUnit;
  weight: string;
}

const en = {
  step: {
    surplus: 'Surplus {{surplus}}.',
    reserve:
      'Reserve “{{name}}”: {{percent}}% of {{surplus}}, rounded down to the cent = {{amount}}.',
    distributable:
      'Distributable {{distributable}} split {{split}} by largest remainder: hackers {{hackers}}, sponsors {{sponsors}}, community {{community}}.',
    hackers:
      'Hackers’ {{amount}} by minutes worked ({{weights}}); {{cashPercent}}% of each share in cash, rounded down, the rest retained.',
    sponsors:
      'Sponsors’ {{amount}} by funding in the year (money, and labour at the bylaws’ rate); {{cashPercent}}% of each share in cash, rounded down, the rest retained.',
    'unclaimed-hackers': 'No hours worked: the hackers’ {{amount}} goes to the community fund.',
    'unclaimed-sponsors': 'No funding: the sponsors’ {{amount}} goes to the community fund.',
    'community-time':
      'Community’s {{amount}} by time entries ({{weights}} minutes); {{cashPercent}}% in cash.',
    'community-contributions':
      'Community’s {{amount}} by contributions to the co-op’s repositories ({{weights}} commits, co-authorships and reviews); {{cashPercent}}% in cash.',
    'community-fund': 'Community fund: {{amount}}.',
  },
  basis: {
    'minutes-worked': '{{hours}} hours worked',
    funding: '{{amount}} of funding',
    'minutes-contributed': '{{hours}} hours contributed',
    contributions: '{{count}} commits, co-authorships and reviews',
  },
  pdf: {
    title: 'Dividend notice {{year}}',
    heading: 'Dividend notice, fiscal year {{year}}',
    period: '{{from}} to {{to}}',
    to: 'To: {{recipient}} ({{memberClass}})',
    yourShare: 'Your share',
    dividend: 'Dividend',
    cash: 'Paid in cash',
    retained: 'Retained in your capital account',
    computedBy: 'Your share was computed by {{basis}}.',
    howSplit: 'How the surplus was split',
    largestRemainder:
      'Every split is by largest remainder (ties to the larger share, then the earlier member), so the parts add up to the surplus to the cent.',
    // An organization is addressed formally in German ("Sie"), as on its invoices.
    formal: {
      yourShare: 'Your share',
      retained: 'Retained in your capital account',
      computedBy: 'Your share was computed by {{basis}}.',
    },
  },
  memberClass: { hacker: 'hacker', sponsor: 'sponsor', community: 'community' },
};

const de: typeof en = {
  step: {
    surplus: 'Überschuss {{surplus}}.',
    reserve:
      'Rücklage „{{name}}“: {{percent}} % von {{surplus}}, auf den Cent abgerundet = {{amount}}.',
    distributable:
      'Verteilbar {{distributable}}, aufgeteilt {{split}} nach größtem Rest: Hacker {{hackers}}, Sponsoren {{sponsors}}, Community {{community}}.',
    hackers:
      'Der Anteil der Hacker von {{amount}} nach gearbeiteten Minuten ({{weights}}); {{cashPercent}} % jedes Anteils bar, abgerundet, der Rest wird einbehalten.',
    sponsors:
      'Der Anteil der Sponsoren von {{amount}} nach ihrer Finanzierung im Jahr (Geld und Arbeit zum Satz der Satzung); {{cashPercent}} % jedes Anteils bar, abgerundet, der Rest wird einbehalten.',
    'unclaimed-hackers':
      'Keine gearbeiteten Stunden: Der Anteil der Hacker von {{amount}} geht an den Community-Fonds.',
    'unclaimed-sponsors':
      'Keine Finanzierung: Der Anteil der Sponsoren von {{amount}} geht an den Community-Fonds.',
    'community-time':
      'Der Anteil der Community von {{amount}} nach Zeiteinträgen ({{weights}} Minuten); {{cashPercent}} % bar.',
    'community-contributions':
      'Der Anteil der Community von {{amount}} nach Beiträgen zu den Repositories der Genossenschaft ({{weights}} Commits, Co-Autorschaften und Reviews); {{cashPercent}} % bar.',
    'community-fund': 'Community-Fonds: {{amount}}.',
  },
  basis: {
    'minutes-worked': '{{hours}} gearbeiteten Stunden',
    funding: '{{amount}} Finanzierung',
    'minutes-contributed': '{{hours}} beigetragenen Stunden',
    contributions: '{{count}} Commits, Co-Autorschaften und Reviews',
  },
  pdf: {
    title: 'Dividendenbescheid {{year}}',
    heading: 'Dividendenbescheid, Geschäftsjahr {{year}}',
    period: '{{from}} bis {{to}}',
    to: 'An: {{recipient}} ({{memberClass}})',
    yourShare: 'Dein Anteil',
    dividend: 'Dividende',
    cash: 'Bar ausgezahlt',
    retained: 'Deinem Geschäftsguthaben gutgeschrieben',
    computedBy: 'Dein Anteil wurde berechnet nach {{basis}}.',
    howSplit: 'So wurde der Überschuss verteilt',
    largestRemainder:
      'Jede Aufteilung erfolgt nach dem größten Rest (bei Gleichstand zugunsten des größeren Anteils, dann des früheren Mitglieds), sodass die Teile centgenau den Überschuss ergeben.',
    formal: {
      yourShare: 'Ihr Anteil',
      retained: 'Ihrem Geschäftsguthaben gutgeschrieben',
      computedBy: 'Ihr Anteil wurde berechnet nach {{basis}}.',
    },
  },
  memberClass: { hacker: 'Hacker', sponsor: 'Sponsor', community: 'Community' },
};

export const dividendWordsCatalogue = catalogue('dividend-words', { en, de });
export type DividendWordKey = MessageKey<typeof en>;

/** How a reader writes: their sentences, their money, their numbers. */
export interface Writer {
  say: (key: DividendWordKey, vars?: Vars) => string;
  money: (minor: string) => string;
  number: (value: number) => string;
}

const list = (value: DividendStep['params'][string] | undefined): string[] =>
  Array.isArray(value) ? value : [];

/** One step of the split in the writer's language. */
export function stepText(step: DividendStep, w: Writer): string {
  const vars: Vars = {};
  for (const [name, value] of Object.entries(step.params)) {
    if (Array.isArray(value)) continue;
    // "surplusMinor" -> surplus, as money.
    if (name.endsWith('Minor')) vars[name.slice(0, -'Minor'.length)] = w.money(String(value));
    else vars[name] = value;
  }
  const weights = list(step.params.weights);
  if (weights.length > 0) vars.weights = weights.map((n) => w.number(Number(n))).join(' + ');
  return w.say(`step.${step.code}`, vars);
}

/** What a share was computed by, in the writer's language ("10 hours worked; 12 commits ..."). */
export function basisText(parts: readonly BasisPart[], w: Writer): string {
  return parts
    .map((part) => {
      const hours = w.number(Math.round((Number(part.weight) / 60) * 100) / 100);
      return w.say(`basis.${part.unit}`, {
        hours,
        amount: part.unit === 'funding' ? w.money(part.weight) : '',
        count: w.number(Number(part.weight)),
      });
    })
    .join('; ');
}

export const dividendWords = serverMessages(dividendWordsCatalogue);

/** The server's writer: mails and PDFs in their recipient's language. */
export function serverWriter(locale: Locale, currency: string): Writer {
  const numbers = new Intl.NumberFormat(intlTags[locale], { maximumFractionDigits: 2 });
  return {
    say: (key, vars) => dividendWords(locale, key, vars),
    money: (minor) => displayMoney(BigInt(minor), currency, locale),
    number: (value) => numbers.format(value).replace(/\u00a0/g, ' '),
  };
}
