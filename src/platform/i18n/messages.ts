import type { Locale } from './locales.ts';

/**
 * A language's messages have the English ones' shape: a key missing in German, or one German
 * has and English lacks, is a type error.
 */
export type Messages<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]>;
};

/** i18next's plural forms ("items_one", "items_other") are asked for by their stem, with count. */
type Stem<K extends string> =
  K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : K;

/** Dotted paths to every message: "votes.title", "votes.closesIn". */
export type MessageKey<T> = {
  [K in keyof T & string]: T[K] extends string ? Stem<K> : `${K}.${MessageKey<T[K]>}`;
}[keyof T & string];

export type Vars = Record<string, string | number>;

/** One domain's messages in every language. */
export interface Catalogue<T> {
  readonly namespace: string;
  readonly messages: { readonly en: T } & { readonly [L in Exclude<Locale, 'en'>]: Messages<T> };
}

export function catalogue<const T>(
  namespace: string,
  messages: Catalogue<T>['messages'],
): Catalogue<T> {
  return { namespace, messages };
}

/** Every leaf of a catalogue language as [dotted key, text]. */
export function leaves(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (tree === null || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([key, value]) =>
    leaves(value, prefix ? `${prefix}.${key}` : key),
  );
}

/** The {{placeholders}} a message fills, sorted: both languages must use the same ones. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!))].sort();
}

/**
 * What is wrong with a catalogue that the types cannot see: an empty message, or a translation
 * whose placeholders differ from the English ones (a German sentence that drops the amount).
 */
export function catalogueProblems(cat: Catalogue<unknown>): string[] {
  const english = new Map(leaves(cat.messages.en));
  const problems: string[] = [];
  for (const [locale, tree] of Object.entries(cat.messages)) {
    const own = new Map(leaves(tree));
    for (const [key, text] of own) {
      if (!text.trim()) problems.push(`${cat.namespace}:${key} is empty in ${locale}`);
      const source = english.get(key);
      if (source === undefined) {
        problems.push(`${cat.namespace}:${key} in ${locale} has no English message`);
        continue;
      }
      const a = placeholders(source).join(',');
      const b = placeholders(text).join(',');
      if (a !== b)
        problems.push(`${cat.namespace}:${key} in ${locale} fills {${b}}, English {${a}}`);
    }
    for (const key of english.keys()) {
      if (!own.has(key)) problems.push(`${cat.namespace}:${key} is missing in ${locale}`);
    }
  }
  return problems;
}
