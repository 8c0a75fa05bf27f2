import { z } from 'zod';
import { badRequest, type FieldError } from './errors.ts';
import { badTextFields } from './text.ts';
import type { Locale } from './i18n/locales.ts';
import { catalogue } from './i18n/messages.ts';
import { serverMessages } from './i18n/translator.ts';

const en = {
  required: 'required',
  moreThan: 'more than {{n}}',
  atLeast: 'at least {{n}}',
  atMost: 'at most {{n}}',
  characters_one: '{{count}} character',
  characters_other: '{{count}} characters',
  items_one: '{{count}} item',
  items_other: '{{count}} items',
  oneOf: 'one of {{values}}',
  unknownField_one: 'unknown field: {{keys}}',
  unknownField_other: 'unknown fields: {{keys}}',
  number: 'a number',
  wholeNumber: 'a whole number',
  notFormat: 'not {{format}}',
  format_email: 'an email address',
  format_uuid: 'an identifier (UUID)',
  format_date: 'a date like 2027-03-31',
  format_datetime: 'a date and time',
  format_url: 'a web address',
  format_regex: 'in the expected form',
};
const de = {
  required: 'Pflichtfeld',
  moreThan: 'mehr als {{n}}',
  atLeast: 'mindestens {{n}}',
  atMost: 'höchstens {{n}}',
  characters_one: '{{count}} Zeichen',
  characters_other: '{{count}} Zeichen',
  items_one: '{{count}} Eintrag',
  items_other: '{{count}} Einträge',
  oneOf: 'einer von {{values}}',
  unknownField_one: 'unbekanntes Feld: {{keys}}',
  unknownField_other: 'unbekannte Felder: {{keys}}',
  number: 'eine Zahl',
  wholeNumber: 'eine ganze Zahl',
  notFormat: 'keine {{format}}',
  format_email: 'gültige E-Mail-Adresse',
  format_uuid: 'gültige Kennung (UUID)',
  format_date: 'Datumsangabe wie 2027-03-31',
  format_datetime: 'Angabe von Datum und Uhrzeit',
  format_url: 'gültige Webadresse',
  format_regex: 'Angabe in der erwarteten Form',
};
export const validationCatalogue = catalogue('validation', { en, de });
const say = serverMessages(validationCatalogue);

type Issue = z.core.$ZodRawIssue;

// The formats a person meets in a form, named as the web names them (`format.*` in
// web/src/app/problemMessages.ts); others keep zod's wording.
const namedFormats = new Set<string>(['email', 'uuid', 'date', 'datetime', 'url', 'regex']);
type FormatKey = `format_${'email' | 'uuid' | 'date' | 'datetime' | 'url' | 'regex'}`;

/**
 * Messages a person reads next to a form field: plain words instead of the library's wording,
 * in the reader's language. Undefined where zod's own message stands.
 */
export function plainIssueMessage(issue: Issue, locale: Locale): string | undefined {
  const amount = (origin: string, n: number) =>
    origin === 'string'
      ? say(locale, 'characters', { count: n })
      : origin === 'array'
        ? say(locale, 'items', { count: n })
        : String(n);
  if (issue.code === 'invalid_type' && issue.input === undefined) return say(locale, 'required');
  if (issue.code === 'invalid_type' && issue.input === null) return say(locale, 'required');
  if (issue.code === 'invalid_type' && issue.expected === 'int') return say(locale, 'wholeNumber');
  if (issue.code === 'invalid_type' && issue.expected === 'number') return say(locale, 'number');
  // A time coerced to a date (a poll's or a cycle's): what was sent, or nothing, read as none.
  if (issue.code === 'invalid_type' && issue.expected === 'date')
    return say(locale, 'notFormat', { format: say(locale, 'format_datetime') });
  if (issue.code === 'invalid_format' && namedFormats.has(issue.format))
    return say(locale, 'notFormat', { format: say(locale, `format_${issue.format}` as FormatKey) });
  if (issue.code === 'too_small' && typeof issue.minimum === 'number') {
    if (issue.origin === 'string' && issue.minimum === 1) return say(locale, 'required');
    if (issue.inclusive === false) return say(locale, 'moreThan', { n: String(issue.minimum) });
    return say(locale, 'atLeast', { n: amount(issue.origin, issue.minimum) });
  }
  if (issue.code === 'too_big' && typeof issue.maximum === 'number')
    return say(locale, 'atMost', { n: amount(issue.origin, issue.maximum) });
  if (issue.code === 'invalid_value' && Array.isArray(issue.values))
    return say(locale, 'oneOf', { values: issue.values.map(String).join(', ') });
  if (issue.code === 'unrecognized_keys')
    return say(locale, 'unknownField', { count: issue.keys.length, keys: issue.keys.join(', ') });
  return undefined;
}

// Messages written into a schema take precedence; anything not covered keeps zod's default.
// Schemas are checked in English; the HTTP layer re-words a problem for its reader.
z.config({ customError: (issue) => plainIssueMessage(issue, 'en') });

export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ pointer: toPointer(issue.path), message: issue.message }));
}

/** Validates input at a boundary that is not HTTP (CLI, imports, commands called directly). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  // The rule of every text input (see text.ts), for input that did not come over HTTP.
  const badText = badTextFields(input);
  const result = badText.length > 0 ? undefined : schema.safeParse(input);
  if (!result?.success) {
    const errors = result ? fieldErrors(result.error) : badText;
    throw badRequest(
      errors.map((e) => `${e.pointer || '(input)'}: ${e.message}`).join('; '),
      errors,
    );
  }
  return result.data;
}
